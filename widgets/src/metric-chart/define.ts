import { defineOnce } from '../core/define-once.ts';
import { PantauMetricChart } from './metric-chart.ts';

defineOnce('pantau-metric-chart', PantauMetricChart);

export { PantauMetricChart };

declare global {
  interface HTMLElementTagNameMap {
    'pantau-metric-chart': PantauMetricChart;
  }
}
