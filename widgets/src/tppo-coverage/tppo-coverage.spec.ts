import { formatNumber, formatPercent, t } from '../core/i18n.ts';
import { barLabels } from '../core/bar-labels.ts';
import { barRowPx, barSpec } from '../core/bar-spec.ts';
import type { ChartRequest, SpecOptions } from '../core/widget-data.ts';
import barsSpec from '../specs/bars.vl.json?vega';
import type { CoverageRow } from './tppo-coverage.data.ts';

export interface CoverageSpecOptions extends SpecOptions {
  byRegency: boolean;
}

/** One bar per region, zeros included: its coverage on a percent axis, priority regions in the highlight colour. */
export function tppoCoverageSpec(rows: readonly CoverageRow[], { language, byRegency, width }: CoverageSpecOptions): ChartRequest {
  const level = t(byRegency ? 'regency' : 'province', language);
  const labels = barLabels(
    rows.map((row) => row.region.name),
    width,
  );
  const values = rows.map((row, index) => ({
    label: labels.labels[index] ?? row.region.name,
    value: Number(row.coverageRatio ?? 0) * 100,
    group: row.isPriority ? 'highlight' : 'normal',
    tip: {
      [level]: row.region.name,
      [t('coverage', language)]: `${formatPercent(row.coverageRatio, language)} (${formatNumber(row.partnerVillages, language)} / ${formatNumber(row.villages, language)})`,
      [t('pimpasa', language)]: row.pimpasaOfficers.value === null ? t('suppressed', language) : formatNumber(row.pimpasaOfficers.value, language),
      [t('tppoActivities', language)]: row.tppoActivities.value === null ? t('suppressed', language) : formatNumber(row.tppoActivities.value, language),
      [t('priority', language)]: t(row.isPriority ? 'yes' : 'no', language),
    },
  }));
  return {
    spec: barSpec(barsSpec, { labels, valueTitle: t('percentAxis', language), valueSuffix: '%' }),
    datasets: { rows: values },
    height: values.length * barRowPx(labels),
    description: `${t('coverage', language)} (%), ${level.toLowerCase()}.`,
  };
}
