import { nameIn } from '../core/bilingual.ts';
import { t } from '../core/i18n.ts';
import { BAR_ROW_PX } from '../core/vega-view.ts';
import type { ChartRequest, SpecOptions } from '../core/widget-data.ts';
import barsSpec from '../specs/bars.vl.json?vega';
import { amount, unitOf, type CampaignOptions, type CampaignRow, type MetricTotal } from './campaign-totals.data.ts';

export interface CampaignSpecOptions extends SpecOptions {
  metric: MetricTotal;
  groupBy: CampaignOptions['groupBy'];
}

/** One metric's parts as bars, largest first, lower bounds in the highlight colour; its total alone when it has no parts. */
export function campaignTotalsSpec(rows: readonly CampaignRow[], { metric, groupBy, language }: CampaignSpecOptions): ChartRequest {
  const unit = unitOf(metric, language);
  const own = rows.filter((row) => row.metric === metric);
  const parts = own.filter((row) => row.part !== null && row.value !== null).sort((a, b) => Number(b.value) - Number(a.value));
  const bars = parts.length ? parts : own.filter((row) => row.part === null);
  const values = bars.map((row) => {
    const label = row.part ?? t('total', language);
    return {
      label,
      value: Number(row.value),
      group: row.isLowerBound ? 'highlight' : 'normal',
      tip: { [t(groupBy === 'region' ? 'region' : 'office', language)]: label, [nameIn(metric.metric, language)]: amount(row.value, row.isLowerBound, unit, language) },
    };
  });
  return {
    spec: barsSpec,
    datasets: { rows: values },
    height: values.length * BAR_ROW_PX,
    description: `${nameIn(metric.metric, language)}, ${t(groupBy === 'region' ? 'byRegion' : 'byOffice', language).toLowerCase()}.`,
  };
}
