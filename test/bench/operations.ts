// What the bench asks for: the four widget operations as the widgets send them, the national map,
// and the hand-written SQL that gives the same numbers (the floor).
import type autocannon from 'autocannon';
import { loadPersistedOperations } from '@pantau/schema/persisted-operations';

const operations = [...loadPersistedOperations()];
const hashOf = (name: string) => operations.find(([, document]) => document.includes(`query ${name}(`))?.[0] ?? '';

export interface WidgetOperation {
  name: string;
  hash: string;
  variables: Record<string, unknown>;
}

export const widgetOperations: WidgetOperation[] = [
  { name: 'campaign totals', hash: hashOf('PantauCampaignTotals'), variables: { slug: 'hbi-76-2026', includeSynthetic: true } },
  { name: 'TPPO coverage by province', hash: hashOf('PantauTppoCoverage'), variables: { level: 'PROVINCE', province: null, includeSynthetic: true } },
  // The load runs use the map zoomed to NTT, as `<pantau-desa-binaan-map province="53">` asks for it;
  // the national map (every partner village) is timed for one client beside them.
  { name: 'partner-village map (NTT)', hash: hashOf('PantauDesaBinaanMap'), variables: { province: '53', includeSynthetic: true } },
  {
    name: 'monthly series by province, 4 years',
    hash: hashOf('PantauMetricChart'),
    variables: { metric: 'passports_issued', groupBy: ['province'], granularity: 'MONTH', filter: {}, includeSynthetic: true },
  },
];

export const nationalMap: WidgetOperation = { name: 'national map', hash: hashOf('PantauDesaBinaanMap'), variables: { province: null, includeSynthetic: true } };

/** Hand-written SQL giving the same numbers from the same rollups: the database's own cost, no GraphQL. */
export const floorSql: Record<string, { sql: string; params: unknown[] }[]> = {
  'campaign totals': [
    {
      sql: `SELECT metric_id, sum(value_sum)::text FROM rollup_campaign_month WHERE campaign_id = (SELECT id FROM campaign WHERE slug = $1) AND published GROUP BY metric_id`,
      params: ['hbi-76-2026'],
    },
    {
      sql: `SELECT metric_id, office_id, sum(value_sum)::text FROM rollup_campaign_month WHERE campaign_id = (SELECT id FROM campaign WHERE slug = $1) AND published GROUP BY 1, 2`,
      params: ['hbi-76-2026'],
    },
  ],
  'TPPO coverage by province': [
    {
      sql: `SELECT r.code, r.village_count, sum(a.partner_villages) FROM region r LEFT JOIN partner_village_area a ON a.level = 'PROVINCE' AND a.code = r.code WHERE r.level = 'PROVINCE' GROUP BY r.code, r.village_count`,
      params: [],
    },
    {
      sql: `SELECT m.province_code, sum(m.value_sum)::text FROM rollup_province_total m WHERE m.metric_id = (SELECT id FROM metric WHERE key = 'tppo_prevention_activities') AND m.published GROUP BY 1`,
      params: [],
    },
  ],
  'partner-village map (NTT)': [
    {
      sql: `SELECT p.id, v.code, v.name, coalesce(v.latitude, r.latitude)::text AS lat, coalesce(v.longitude, r.longitude)::text AS lon, p.office_id, p.designated_on FROM partner_village p JOIN region v ON v.code = p.region_code LEFT JOIN region r ON r.code = v.regency_code WHERE v.province_code = $1 ORDER BY v.code`,
      params: ['53'],
    },
  ],
  'monthly series by province, 4 years': [
    {
      sql: `SELECT m.month, m.province_code, sum(m.value_sum)::text FROM rollup_province_month m WHERE m.metric_id = (SELECT id FROM metric WHERE key = 'passports_issued') AND m.published GROUP BY 1, 2 ORDER BY 1, 2`,
      params: [],
    },
  ],
};

const persistedExtensions = (operation: WidgetOperation) => ({ persistedQuery: { version: 1, sha256Hash: operation.hash } });

/** The anonymous persisted GET a widget sends: answered by the HTTP cache once warm. */
export function persistedGet(base: string, operation: WidgetOperation): string {
  const url = new URL(`${base}/graphql`);
  url.searchParams.set('extensions', JSON.stringify(persistedExtensions(operation)));
  url.searchParams.set('variables', JSON.stringify(operation.variables));
  return url.href;
}

export const widgetHeaders = { 'x-pantau-client': 'bench', accept: 'application/json' };

/** The same operation as a persisted POST: never cached, so Yoga and SQL run every time. */
export const coldRequest = (base: string, operation: WidgetOperation): autocannon.Options => ({
  url: `${base}/graphql`,
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ extensions: persistedExtensions(operation), variables: operation.variables }),
});
