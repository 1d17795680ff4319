import type { WidgetModel } from './picture.ts';
import { campaignTotals } from './widgets/campaign-totals.ts';
import { desaBinaanMap } from './widgets/desa-binaan-map.ts';
import { metricChart } from './widgets/metric-chart.ts';
import { metricTile } from './widgets/metric-tile.ts';
import { tppoCoverage } from './widgets/tppo-coverage.ts';

/** Every widget a snapshot or an embed page can show, by its path segment (`metric-chart`). */
export const widgetModels: ReadonlyMap<string, WidgetModel> = new Map([campaignTotals, metricChart, metricTile, tppoCoverage, desaBinaanMap].map((model) => [model.name, model]));
