import type { DerivedReason as Reason, Derived, PeriodChange as Change } from '../../analytics/derived-measures.ts';
import type { SuppressionRule as Rule } from '../../analytics/suppression.ts';
import type { TargetProgress as Progress } from '../../analytics/target-progress.ts';
import { builder } from '../builder.ts';
import { Lang, pick } from '../scalars.ts';
import { Target } from './target.ts';

const reasons: Record<Reason, { description: string; ID: string; EN: string }> = {
  NOT_ADDITIVE_ACROSS_PLACES: {
    description: 'The metric does not add up across places (its space rule is not SUM).',
    ID: 'Indikator ini tidak dijumlahkan antarwilayah',
    EN: 'This metric does not add up across places',
  },
  NOT_ADDITIVE_OVER_TIME: {
    description: 'The metric does not add up over time (its time rule is not SUM).',
    ID: 'Indikator ini tidak dijumlahkan antarperiode',
    EN: 'This metric does not add up over time',
  },
  TOTAL_IS_ZERO: { description: 'The period’s total is zero.', ID: 'Total periode ini nol', EN: 'The period’s total is zero' },
  WHOLE_RANGE: {
    description: 'The row is the whole range, which has no previous period.',
    ID: 'Baris ini mencakup seluruh rentang, tanpa periode sebelumnya',
    EN: 'The row covers the whole range, which has no previous period',
  },
  PERIOD_BEFORE_RANGE: {
    description: 'The period starts before the range (only figures reaching into the range are counted).',
    ID: 'Periode ini dimulai sebelum rentang yang diminta',
    EN: 'The period starts before the requested range',
  },
  NO_PREVIOUS_PERIOD: {
    description: 'No figure for the same group in the previous period: the change is unknown, not zero.',
    ID: 'Tidak ada angka pada periode sebelumnya',
    EN: 'No figure for the previous period',
  },
  PREVIOUS_IS_ZERO: {
    description: 'The previous period is zero, so there is no percentage.',
    ID: 'Periode sebelumnya nol, sehingga tidak ada persentase',
    EN: 'The previous period is zero, so there is no percentage',
  },
  SUPPRESSED: { description: 'A cell it depends on is suppressed.', ID: 'Disembunyikan untuk melindungi angka kecil', EN: 'Suppressed to protect small counts' },
  NOT_A_PLACE: {
    description: 'The row is not a whole place’s figure (it is also split or filtered by something other than place), and targets are set per place.',
    ID: 'Target ditetapkan per wilayah; baris ini juga dipilah atau disaring menurut hal lain',
    EN: 'Targets are set per place; this row is also split or filtered by something else',
  },
  NO_TARGET: {
    description: 'No target is set for this metric, period and place.',
    ID: 'Belum ada target untuk indikator, periode dan wilayah ini',
    EN: 'No target set for this metric, period and place',
  },
  TARGET_IS_ZERO: { description: 'The target is zero.', ID: 'Targetnya nol', EN: 'The target is zero' },
};

export const DerivedReason = builder.enumType('DerivedReason', {
  description: 'Why a derived figure is null.',
  values: Object.fromEntries(Object.entries(reasons).map(([key, r]) => [key, { description: r.description }])) as Record<Reason, { description: string }>,
});

const reasonIn = (reason: Reason | null, lang: 'ID' | 'EN' | null | undefined) => (reason ? pick(lang, reasons[reason].ID, reasons[reason].EN) : null);
const langDescription = 'Language: ID (Bahasa Indonesia, the default) or EN (English).';

export const DerivedValue = builder.objectRef<Derived>('DerivedValue').implement({
  description: 'A figure derived exactly from the rows (a share or a running total), or null with the reason.',
  fields: (t) => ({
    value: t.field({ type: 'Decimal', nullable: true, description: 'The figure, exact (shares are fractions rounded to six places).', resolve: (d) => d.value }),
    isLowerBound: t.exposeBoolean('isLowerBound', { description: 'True when a lower bound went into it: read it as approximate.' }),
    reason: t.field({ type: DerivedReason, nullable: true, description: 'Why the figure is null, when it is.', resolve: (d) => d.reason }),
    reasonText: t.string({
      nullable: true,
      description: 'The reason in words.',
      args: { lang: t.arg({ type: Lang, defaultValue: 'ID', description: langDescription }) },
      resolve: (d, { lang }) => reasonIn(d.reason, lang),
    }),
  }),
});

export const PeriodChange = builder.objectRef<Change>('PeriodChange').implement({
  description: 'A row against the same group in the previous period. Null with a reason when that period has no figure: never zero for a missing period.',
  fields: (t) => ({
    absolute: t.field({ type: 'Decimal', nullable: true, description: 'This period minus the previous one, exact.', resolve: (c) => c.absolute }),
    percent: t.field({ type: 'Decimal', nullable: true, description: 'The change in percent of the previous period, rounded to two places.', resolve: (c) => c.percent }),
    previousPeriod: t.exposeString('previousPeriod', { nullable: true, description: 'The previous period, e.g. `2024` or `2025-W02`.' }),
    previousValue: t.field({ type: 'Decimal', nullable: true, description: 'The previous period’s value.', resolve: (c) => c.previousValue }),
    isLowerBound: t.exposeBoolean('isLowerBound', { description: 'True when either period’s value is a lower bound.' }),
    reason: t.field({ type: DerivedReason, nullable: true, description: 'Why the figure is null, when it is.', resolve: (d) => d.reason }),
    reasonText: t.string({
      nullable: true,
      description: 'The reason in words.',
      args: { lang: t.arg({ type: Lang, defaultValue: 'ID', description: langDescription }) },
      resolve: (d, { lang }) => reasonIn(d.reason, lang),
    }),
  }),
});

export const TargetProgress = builder.objectRef<Progress>('TargetProgress').implement({
  description: 'A row’s value as a fraction of the target for its metric, period and place.',
  fields: (t) => ({
    ratio: t.field({ type: 'Decimal', nullable: true, description: 'Value ÷ target, rounded to six places (1 = reached).', resolve: (p) => p.value }),
    target: t.field({ type: Target, nullable: true, description: 'The target, when one is set.', resolve: (p) => p.targetId }),
    isLowerBound: t.exposeBoolean('isLowerBound', { description: 'True when the value is a lower bound: progress is at least this.' }),
    reason: t.field({ type: DerivedReason, nullable: true, description: 'Why the figure is null, when it is.', resolve: (d) => d.reason }),
    reasonText: t.string({
      nullable: true,
      description: 'The reason in words.',
      args: { lang: t.arg({ type: Lang, defaultValue: 'ID', description: langDescription }) },
      resolve: (d, { lang }) => reasonIn(d.reason, lang),
    }),
  }),
});

const rules: Record<Rule, { description: string; ID: string; EN: string }> = {
  BELOW_THRESHOLD: { description: 'Above zero and below the metric’s threshold.', ID: 'Angka di bawah ambang', EN: 'Below the threshold' },
  COMPLEMENTARY: {
    description: 'Hidden so that a suppressed cell cannot be worked out from a total and the cells shown.',
    ID: 'Disembunyikan agar angka kecil tidak dapat dihitung dari total',
    EN: 'Hidden so a small count cannot be worked out from a total',
  },
  SINGLE_OBSERVATION: {
    description: 'One observation of a sensitive metric: shown only inside suppressed tables (`metricSeries`), since any single figure could be subtracted from a shown total.',
    ID: 'Angka tunggal indikator sensitif hanya ditampilkan dalam tabel',
    EN: 'Single figures of a sensitive metric are shown only in tables',
  },
};

export const SuppressionRule = builder.enumType('SuppressionRule', {
  description: 'Why a cell is suppressed.',
  values: Object.fromEntries(Object.entries(rules).map(([key, r]) => [key, { description: r.description }])) as Record<Rule, { description: string }>,
});

export const Suppression = builder.objectRef<{ rule: Rule; threshold: number }>('Suppression').implement({
  description: 'Why a sensitive metric’s cell is hidden from callers without `read:restricted`.',
  fields: (t) => ({
    rule: t.field({ type: SuppressionRule, description: 'Primary (a small count), complementary, or a single observation.', resolve: (s) => s.rule }),
    threshold: t.exposeInt('threshold', { description: 'Cells above zero and below this are suppressed.' }),
    description: t.string({
      description: 'The rule in words.',
      args: { lang: t.arg({ type: Lang, defaultValue: 'ID', description: langDescription }) },
      resolve: (s, { lang }) => `${pick(lang, rules[s.rule].ID, rules[s.rule].EN)} (${pick(lang, 'ambang', 'threshold')} ${s.threshold})`,
    }),
  }),
});
