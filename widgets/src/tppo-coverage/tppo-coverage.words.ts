import { filterLine } from '../core/filter-words.ts';
import { formatNumber, formatPercent, t, type Language } from '../core/i18n.ts';
import { regionName } from '../core/region-names.ts';
import { extremes, ofWords, sentence } from '../core/summary-words.ts';
import type { ChartWords, WidgetData } from '../core/widget-data.ts';
import type { CoverageRow, TppoCoverageAnswer } from './tppo-coverage.data.ts';

export interface CoverageWordsOptions {
  language: Language;
  /** The province whose regencies are shown, or null for all provinces. */
  province: string | null;
  includeSynthetic: boolean;
}

const share = (part: number, whole: number, language: Language) => formatPercent(whole ? part / whole : 0, language);

/**
 * `Cakupan desa tertinggi di Bali (5%), terendah di Nusa Tenggara Timur (1%); 1 dari 3 provinsi belum
 * memiliki Desa Binaan; provinsi prioritas TPPO memuat 76,74% Desa Binaan (33 dari 43).`
 */
export function coverageSummary(rows: readonly CoverageRow[], answer: TppoCoverageAnswer, { language, province }: CoverageWordsOptions): string {
  const level = (province ? t('regency', language) : t('province', language)).toLowerCase();
  const covered = rows.filter((row) => row.partnerVillages > 0);
  const ends = extremes(covered, (row) => Number(row.coverageRatio ?? 0));
  const pct = (row: CoverageRow) => formatPercent(row.coverageRatio, language);
  const en = language === 'en';
  const spread = !ends
    ? en
      ? `no partner village on record in any of the ${formatNumber(rows.length, language)} ${level === 'province' ? 'provinces' : 'regencies/cities'}`
      : `belum ada Desa Binaan tercatat di ${formatNumber(rows.length, language)} ${level}`
    : covered.length === 1
      ? en
        ? `village coverage only in ${ends.largest.region.name} (${pct(ends.largest)})`
        : `cakupan desa hanya di ${ends.largest.region.name} (${pct(ends.largest)})`
      : en
        ? `village coverage is highest in ${ends.largest.region.name} (${pct(ends.largest)}) and lowest in ${ends.smallest.region.name} (${pct(ends.smallest)})`
        : `cakupan desa tertinggi di ${ends.largest.region.name} (${pct(ends.largest)}), terendah di ${ends.smallest.region.name} (${pct(ends.smallest)})`;
  const zeros = rows.length - covered.length;
  const none =
    ends &&
    zeros > 0 &&
    (en
      ? `${ofWords(zeros, rows.length, language)} ${level === 'province' ? 'provinces' : 'regencies/cities'} have none yet`
      : `${ofWords(zeros, rows.length, language)} ${level} belum memiliki Desa Binaan`);
  const total = rows.reduce((sum, row) => sum + row.partnerVillages, 0);
  const inPriority = rows.filter((row) => row.isPriority).reduce((sum, row) => sum + row.partnerVillages, 0);
  const priority =
    !province &&
    total > 0 &&
    rows.some((row) => row.isPriority) &&
    (en
      ? `TPPO priority provinces hold ${share(inPriority, total, language)} of partner villages (${ofWords(inPriority, total, language)})`
      : `provinsi prioritas TPPO memuat ${share(inPriority, total, language)} Desa Binaan (${ofWords(inPriority, total, language)})`);
  const synthetic = answer.tppoCoverage.national.synthetic || rows.some((row) => row.synthetic);
  return sentence([spread, none, priority], synthetic, language);
}

/** The coverage chart's filters, summary and per-row facts. */
export function coverageWords(data: WidgetData<CoverageRow>, answer: TppoCoverageAnswer, options: CoverageWordsOptions): ChartWords<CoverageRow> {
  const { language, province } = options;
  const named = new Map(data.rows.map((row) => [row.region.code, row.region.name]));
  return {
    filters: filterLine(
      [province ? `${t('province', language)}: ${regionName(province, named)}` : t('allRegions', language), t('percentAxis', language)],
      options.includeSynthetic,
      language,
    ),
    summary: coverageSummary(data.rows, answer, options),
    facts: (row) => ({
      unit: language === 'en' ? 'villages; coverage as a ratio 0–1' : 'desa; cakupan sebagai rasio 0–1',
      isLowerBound: false,
      synthetic: row.synthetic,
      sources: row.sources,
    }),
  };
}
