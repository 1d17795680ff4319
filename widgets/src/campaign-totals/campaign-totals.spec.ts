import { nameIn } from '../core/bilingual.ts';
import { t } from '../core/i18n.ts';
import { barLabels } from '../core/bar-labels.ts';
import { barRowPx, barSpec } from '../core/bar-spec.ts';
import type { ChartRequest, SpecOptions } from '../core/widget-data.ts';
import barsSpec from '../specs/bars.vl.json?vega';
import { amount, unitOf, type CampaignOptions, type CampaignRow, type MetricTotal } from './campaign-totals.data.ts';

export interface CampaignSpecOptions extends SpecOptions {
  metric: MetricTotal;
  groupBy: CampaignOptions['groupBy'];
}

/** One metric's parts as bars, largest first, lower bounds in the highlight colour; its total alone when it has no parts. */
export function campaignTotalsSpec(rows: readonly CampaignRow[], { metric, groupBy, language, width }: CampaignSpecOptions): ChartRequest {
  const unit = unitOf(metric, language);
  const own = rows.filter((row) => row.metric === metric);
  const parts = own.filter((row) => row.part !== null && row.value !== null).sort((a, b) => Number(b.value) - Number(a.value));
  const bars = parts.length ? parts : own.filter((row) => row.part === null);
  const names = bars.map((row) => row.part ?? t('total', language));
  const labels = barLabels(names, width);
  const values = bars.map((row, index) => {
    const label = names[index] ?? '';
    return {
      label: labels.labels[index] ?? label,
      value: Number(row.value),
      group: row.isLowerBound ? 'highlight' : 'normal',
      tip: { [t(groupBy === 'region' ? 'region' : 'office', language)]: label, [nameIn(metric.metric, language)]: amount(row.value, row.isLowerBound, unit, language) },
    };
  });
  return {
    spec: barSpec(barsSpec, { labels, valueTitle: unit }),
    datasets: { rows: values },
    height: values.length * barRowPx(labels),
    description: `${nameIn(metric.metric, language)}, ${t(groupBy === 'region' ? 'byRegion' : 'byOffice', language).toLowerCase()}.`,
  };
}
