import { builder } from '../builder.ts';
import { CoverageDefinitions, definitionsIn, ratioDefinitions } from './coverage-definitions.ts';
import { AggregateValue } from './metric-series.ts';
import { Lang } from '../scalars.ts';
import { Region } from './region.ts';
import { Source } from './source.ts';
import { tppoCoverageAnswer, type CoverageAnswer, type CoverageFigures, type NationalCoverage } from './tppo-coverage-answer.ts';

const CoverageLevel = builder.enumType('CoverageLevel', {
  description: 'The regions a coverage table has one row for.',
  values: {
    PROVINCE: { description: 'One row per provinsi.' },
    REGENCY: { description: 'One row per kabupaten/kota (regency or city).' },
  } as const,
});

const Figures = builder.interfaceRef<CoverageFigures>('CoverageFigures').implement({
  description: 'Desa Binaan Imigrasi, Pimpasa and TPPO/TPPM-prevention figures of one area, with their provenance.',
  fields: (t) => ({
    villages: t.exposeInt('villages', { description: 'Villages (desa and kelurahan) that exist in the area, from idn-area-data.' }),
    partnerVillages: t.exposeInt('partnerVillages', { description: 'Desa Binaan Imigrasi on record in the area (counted from the partner-village register).' }),
    partnerVillagesWithPimpasa: t.exposeInt('partnerVillagesWithPimpasa', { description: 'Partner villages with at least one Pimpasa officer assigned.' }),
    coverageRatio: t.field({ type: 'Decimal', nullable: true, description: ratioDefinitions.coverageRatio.EN, resolve: (f) => f.coverageRatio }),
    pimpasaCoverageRatio: t.field({ type: 'Decimal', nullable: true, description: ratioDefinitions.pimpasaCoverageRatio.EN, resolve: (f) => f.pimpasaCoverageRatio }),
    pimpasaOfficers: t.field({
      type: AggregateValue,
      description: 'Pimpasa officers reported by the area’s offices: each office’s latest figure, summed (metric `pimpasa_officers`; national-level offices excluded).',
      resolve: (f) => f.pimpasaOfficers,
    }),
    tppoActivities: t.field({
      type: AggregateValue,
      description: 'TPPO/TPPM-prevention activities reported for the area, all periods summed (metric `tppo_prevention_activities`; national-level offices excluded).',
      resolve: (f) => f.tppoActivities,
    }),
    synthetic: t.boolean({
      description: 'True when synthetic data went into any figure of the area.',
      resolve: (f) => f.synthetic || f.pimpasaOfficers.synthetic || f.tppoActivities.synthetic,
    }),
    sources: t.field({
      type: [Source],
      description: 'Every source behind the area’s figures: the partner-village register, priority declarations, the village counts’ dataset and the reported metrics.',
      resolve: (f) =>
        [...new Set([...f.sourceIds, ...f.pimpasaOfficers.sourceIds, ...f.tppoActivities.sourceIds, ...(f.geographySourceId ? [f.geographySourceId] : [])])].sort((a, b) => a - b),
    }),
  }),
});

const CoverageRow = builder.objectRef<CoverageFigures>('TppoCoverageRow').implement({
  description: 'Coverage of one province or regency.',
  interfaces: [Figures],
  fields: (t) => ({
    region: t.field({ type: Region, description: 'The province or regency.', resolve: (f) => f.code }),
    isPriority: t.exposeBoolean('isPriority', { description: 'True when the region, or its province, is a declared TPPO-prevention priority (e.g. NTT).' }),
  }),
});

const NationalCoverageRef = builder.objectRef<NationalCoverage>('TppoNationalCoverage').implement({
  description: 'The national picture: the same figures counted over the whole country, beside the figures the ministry reported.',
  interfaces: [Figures],
  fields: (t) => ({
    reportedPartnerVillages: t.field({
      type: AggregateValue,
      nullable: true,
      description:
        'The number of Desa Binaan Imigrasi the ministry last reported nationally (metric `partner_villages`), with its source; it may differ from the counted `partnerVillages` while the register is incomplete.',
      resolve: (n) => n.reportedPartnerVillages,
    }),
    reportedPimpasaOfficers: t.field({
      type: AggregateValue,
      nullable: true,
      description: 'The number of Pimpasa officers the ministry last reported nationally (metric `pimpasa_officers`), with its source.',
      resolve: (n) => n.reportedPimpasaOfficers,
    }),
    priorityRegions: t.field({ type: [Region], description: 'Regions declared TPPO-prevention priorities.', resolve: (n) => n.priorityCodes }),
  }),
});

const TppoCoverage = builder.objectRef<CoverageAnswer>('TppoCoverage').implement({
  description: 'Coverage of the TPPO/TPPM-prevention work per region: Desa Binaan Imigrasi, Pimpasa officers and prevention activities.',
  fields: (t) => ({
    level: t.field({ type: CoverageLevel, description: 'The level of `regions`.', resolve: (c) => c.level as 'PROVINCE' }),
    province: t.field({ type: Region, nullable: true, description: 'The province the rows were limited to, if any.', resolve: (c) => c.provinceCode }),
    regions: t.field({ type: [CoverageRow], description: 'One row per region, ordered by Kemendagri code.', resolve: (c) => c.rows }),
    national: t.field({ type: NationalCoverageRef, description: 'The whole country, whatever `provinceCode` was.', resolve: (c) => c.national }),
    definitions: t.field({
      type: CoverageDefinitions,
      description: 'Definitions of the ratios in the requested language.',
      args: { lang: t.arg({ type: Lang, defaultValue: 'ID', description: 'Language: ID (Bahasa Indonesia, the default) or EN (English).' }) },
      resolve: (_coverage, { lang }) => definitionsIn(lang),
    }),
  }),
});

builder.queryField('tppoCoverage', (t) =>
  t.field({
    type: TppoCoverage,
    description:
      'Per province (or per regency) the Desa Binaan Imigrasi, the villages that exist, village coverage (`coverageRatio` = partner villages ÷ villages), ' +
      'Pimpasa officers and Pimpasa coverage (`pimpasaCoverageRatio` = partner villages with a Pimpasa ÷ partner villages), TPPO/TPPM-prevention activities, ' +
      'whether the region is a TPPO-prevention priority, and the national figure beside the one the ministry reported.',
    args: {
      level: t.arg({ type: CoverageLevel, defaultValue: 'PROVINCE', description: 'One row per province (default) or per regency.' }),
      provinceCode: t.arg.string({ description: 'Only regions in this province (Kemendagri code, e.g. `53` for NTT).' }),
      includeSynthetic: t.arg.boolean({ defaultValue: false, description: 'Include synthetic (generated) villages and observations.' }),
    },
    resolve: (_root, args, context) => tppoCoverageAnswer(context, args.level ?? 'PROVINCE', args.provinceCode ?? null, args.includeSynthetic ?? false),
  }),
);
