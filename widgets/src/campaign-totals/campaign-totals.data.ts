import type { PantauCampaignTotalsQuery } from '@pantau/schema';
import { nameIn, uniqueSources } from '../core/bilingual.ts';
import { formatDate, formatNumber, t, type Language } from '../core/i18n.ts';
import type { WidgetData } from '../core/widget-data.ts';

/** The answer to schema/operations/campaign-totals.graphql, typed from the contract. */
export type CampaignTotalsAnswer = PantauCampaignTotalsQuery;
export type MetricTotal = CampaignTotalsAnswer['campaignTotals']['metrics'][number];
type Breakdown = MetricTotal['byOffice'][number] | MetricTotal['byRegion'][number];

/** A table row: a metric's total (`part: null`) or one office's or region's part of it. */
export interface CampaignRow {
  metric: MetricTotal;
  part: string | null;
  /** The exact decimal the API gave; null when suppressed (a small cell of a sensitive metric). */
  value: string | null;
  isLowerBound: boolean;
  synthetic: boolean;
}

export interface CampaignOptions {
  language: Language;
  groupBy: 'office' | 'region';
}

export const unitOf = (metric: MetricTotal, language: Language) => (language === 'en' ? metric.unitEn : metric.unitId);
const partsOf = (metric: MetricTotal, groupBy: CampaignOptions['groupBy']): Breakdown[] => (groupBy === 'region' ? metric.byRegion : metric.byOffice);

/** `lebih dari 500 orang` / `more than 500 people` for a lower bound, `20.000 bibit` otherwise. */
export function amount(value: string | null, isLowerBound: boolean, unit: string, language: Language): string {
  if (value === null) return t('suppressed', language);
  return `${isLowerBound ? `${t('lowerBound', language)} ` : ''}${formatNumber(value, language)} ${unit}`;
}

/** The metric the chart shows: the one asked for, else the one split into the most parts. */
export function chartedMetric(metrics: readonly MetricTotal[], key: string | null, groupBy: CampaignOptions['groupBy']): MetricTotal | undefined {
  return metrics.find((m) => m.metric.key === key) ?? [...metrics].sort((a, b) => partsOf(b, groupBy).length - partsOf(a, groupBy).length)[0];
}

/** Each metric's total followed by its parts, by office or by region. */
export function presentCampaign(answer: CampaignTotalsAnswer, { language, groupBy }: CampaignOptions): WidgetData<CampaignRow> {
  const { campaign, metrics } = answer.campaignTotals;
  const partName = (part: Breakdown) => ('office' in part && part.office ? nameIn(part.office, language) : ('region' in part && part.region?.name) || '–');
  const rows = metrics.flatMap((metric): CampaignRow[] => [
    { metric, part: null, value: metric.value, isLowerBound: metric.isLowerBound, synthetic: metric.synthetic },
    ...partsOf(metric, groupBy).map((part) => ({ metric, part: partName(part), value: part.value, isLowerBound: part.isLowerBound, synthetic: part.synthetic })),
  ]);
  const unit = (row: CampaignRow) => unitOf(row.metric, language);
  return {
    rows,
    synthetic: metrics.some((m) => m.synthetic),
    sources: uniqueSources(metrics.map((m) => m.sources)),
    subtitle: `${nameIn(campaign, language)} · ${formatDate(campaign.startsOn, language)}${campaign.endsOn !== campaign.startsOn ? ` – ${formatDate(campaign.endsOn, language)}` : ''}`,
    caption: `${nameIn(campaign, language)}: ${t('total', language)} / ${t(groupBy === 'region' ? 'byRegion' : 'byOffice', language)}`,
    columns: [
      { header: t('metric', language), raw: (row) => row.metric.metric.key, display: (row) => nameIn(row.metric.metric, language) },
      { header: t(groupBy === 'region' ? 'region' : 'office', language), raw: (row) => row.part ?? t('total', language), display: (row) => row.part ?? t('total', language) },
      { header: t('value', language), raw: (row) => row.value, display: (row) => amount(row.value, row.isLowerBound, unit(row), language), numeric: true },
      { header: t('unit', language), raw: (row) => unit(row), display: (row) => unit(row) },
      { header: t('lowerBoundFlag', language), raw: (row) => row.isLowerBound, display: (row) => t(row.isLowerBound ? 'yes' : 'no', language) },
    ],
  };
}
