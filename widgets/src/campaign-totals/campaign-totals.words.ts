import { nameIn } from '../core/bilingual.ts';
import { filterLine } from '../core/filter-words.ts';
import { formatNumber, t } from '../core/i18n.ts';
import { extremes, figureWords, sentence } from '../core/summary-words.ts';
import type { ChartWords, WidgetData } from '../core/widget-data.ts';
import { chartedMetric, unitOf, type CampaignOptions, type CampaignRow, type CampaignTotalsAnswer } from './campaign-totals.data.ts';

export interface CampaignWordsOptions extends CampaignOptions {
  metric: string | null;
  includeSynthetic: boolean;
}

/**
 * `Bibit kelapa: 20.000 bibit; terbanyak Kanim Atambua (12.000 bibit), paling sedikit Kanim Kupang
 * (8.000 bibit), dari 2 kantor.` for the charted metric, from the same rows as the chart.
 */
export function campaignSummary(rows: readonly CampaignRow[], answer: CampaignTotalsAnswer, { language, groupBy, metric }: CampaignWordsOptions): string {
  const charted = chartedMetric(answer.campaignTotals.metrics, metric, groupBy);
  if (!charted) return '';
  const unit = unitOf(charted, language);
  const own = rows.filter((row) => row.metric === charted);
  const total = own.find((row) => row.part === null);
  const parts = own.filter((row): row is CampaignRow & { part: string } => row.part !== null);
  // A suppressed cell (small-cell rule) is named as hidden and never counts as the most or the fewest.
  const figure = (row: CampaignRow) => (row.value === null ? t('suppressed', language) : figureWords(row.value, row.isLowerBound, unit, language));
  const ends = extremes(
    parts.filter((row) => row.value !== null),
    (row) => Number(row.value),
  );
  const where = language === 'en' ? (groupBy === 'region' ? 'regions' : 'offices') : groupBy === 'region' ? 'wilayah' : 'kantor';
  const spread =
    ends && parts.length > 1
      ? language === 'en'
        ? `most at ${ends.largest.part} (${figure(ends.largest)}), fewest at ${ends.smallest.part} (${figure(ends.smallest)}), across ${formatNumber(parts.length, language)} ${where}`
        : `terbanyak ${ends.largest.part} (${figure(ends.largest)}), paling sedikit ${ends.smallest.part} (${figure(ends.smallest)}), dari ${formatNumber(parts.length, language)} ${where}`
      : ends && (language === 'en' ? `all at ${ends.largest.part}` : `seluruhnya dari ${ends.largest.part}`);
  const others = answer.campaignTotals.metrics.length - 1;
  const more =
    others > 0 &&
    (language === 'en' ? `${formatNumber(others, language)} more metric${others > 1 ? 's' : ''} in the table` : `${formatNumber(others, language)} indikator lain di tabel`);
  const synthetic = own.some((row) => row.synthetic);
  return sentence([`${nameIn(charted.metric, language)}: ${total ? figure(total) : ''}`, spread, more], synthetic, language);
}

/** The campaign's filters, summary and per-row facts. */
export function campaignWords(data: WidgetData<CampaignRow>, answer: CampaignTotalsAnswer, options: CampaignWordsOptions): ChartWords<CampaignRow> {
  const { language, groupBy } = options;
  const charted = chartedMetric(answer.campaignTotals.metrics, options.metric, groupBy);
  return {
    filters: filterLine(
      [
        `${t('campaign', language)}: ${nameIn(answer.campaignTotals.campaign, language)}`,
        charted && `${nameIn(charted.metric, language)}, ${t(groupBy === 'region' ? 'byRegion' : 'byOffice', language).toLowerCase()}`,
      ],
      options.includeSynthetic,
      language,
    ),
    summary: campaignSummary(data.rows, answer, options),
    facts: (row) => ({ unit: unitOf(row.metric, language), isLowerBound: row.isLowerBound, synthetic: row.synthetic, sources: row.metric.sources }),
  };
}
