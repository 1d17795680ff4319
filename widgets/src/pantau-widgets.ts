/** The one-script-tag bundle: defines all four Pantau widgets. */
export { PantauCampaignTotals } from './campaign-totals/define.ts';
export { PantauDesaBinaanMap } from './desa-binaan-map/define.ts';
export { PantauMetricChart } from './metric-chart/define.ts';
export { PantauTppoCoverage } from './tppo-coverage/define.ts';
