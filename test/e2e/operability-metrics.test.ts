import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, openDatabase, prepareDatabase, testDatabaseKinds, type DatabaseOptions, type TestDatabase } from '@pantau/prisma';
import { loadPersistedOperations } from '@pantau/schema/persisted-operations';
import { createApiKey } from '@pantau/server/auth';
import { parseExposition, valueOf, type Sample } from '../support/prometheus-text.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

const operations = [...loadPersistedOperations()];
const hashOf = (name: string) => operations.find(([, document]) => document.includes(`query ${name}(`))?.[0] ?? '';
const widget = { 'x-pantau-client': 'operability-test', accept: 'application/graphql-response+json' };
/** A value no label may ever carry: it is only ever sent as a variable, an operation name or a key. */
const marker = 'zz-marker-4711';

function chartUrl(base: string, variables: Record<string, unknown>): string {
  const url = new URL(`${base}/graphql`);
  url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hashOf('PantauMetricChart') } }));
  url.searchParams.set('variables', JSON.stringify(variables));
  return url.toString();
}

const importCsv = (rows: number) => {
  const lines = Array.from(
    { length: rows },
    (_, i) => `tppo_prevention_activities,${i + 1},2024-0${(i % 9) + 1}-${10 + Math.floor(i / 9)},2024-0${(i % 9) + 1}-20,kanwil-ditjenim-ntt,53,antara-20241104-ntt-tppo-priority`,
  );
  return ['metric,value,period_start,period_end,office_code,region_code,source', ...lines].join('\n');
};

describe.each(testDatabaseKinds)('metrics of a running server on %s', (kind) => {
  let dataDir: string;
  let postgres: TestDatabase | undefined;
  let server: ServerProcess;
  const keys = { admin: '', reader: '' };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pantau-metrics-'));
    postgres = kind === 'postgresql' ? await createTestDatabase('postgresql') : undefined;
    const options: DatabaseOptions = postgres ? { databaseUrl: postgres.url } : { dataDir };
    const database = await openDatabase(options);
    await prepareDatabase(database);
    keys.admin = (await createApiKey(database, { name: 'ops-prometheus', scopes: ['ADMIN'] })).secret;
    keys.reader = (await createApiKey(database, { name: `partner-${marker}`, scopes: ['READ_RESTRICTED'] })).secret;
    await database.close();
    const env: Record<string, string> = postgres ? { DATABASE_URL: postgres.url ?? '' } : { PANTAU_DATA_DIR: dataDir };
    server = await startServerProcess({ ...env, PANTAU_SYNTHETIC: 'none', PANTAU_RATE_LIMIT_BURST: '60', PANTAU_RATE_LIMIT_PER_SECOND: '1', PANTAU_METRICS_PORT: '0' });
  });
  afterAll(async () => {
    await server?.stop();
    await postgres?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const scrape = async (): Promise<Sample[]> => {
    const answer = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${keys.admin}` } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseExposition(await answer.text());
  };

  it('refuses anonymous callers and keys without the admin scope', async () => {
    const anonymous = await fetch(`${server.url}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({
      errors: [{ message: 'Metrics need an API key with the admin scope: send Authorization: Bearer <key>', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    const reader = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${keys.reader}` } });
    expect(reader.status).toBe(403);
    expect(await reader.text()).not.toContain('pantau_');
    const unknown = await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer pantau_not-a-real-key-at-all-0000000000000000000' } });
    expect(unknown.status).toBe(401);
  });

  it('serves the same metrics without a key on PANTAU_METRICS_PORT, bound to loopback, and nothing else there', async () => {
    const port = /Metrics for Prometheus at (http:\/\/127\.0\.0\.1:\d+\/metrics) /.exec(server.output())?.[1] ?? '';
    const scraped = await fetch(port);
    expect(scraped.status).toBe(200);
    expect(parseExposition(await scraped.text()).some((sample) => sample.name === 'pantau_http_requests_total')).toBe(true);
    expect((await fetch(port.replace('/metrics', '/graphql'))).status).toBe(404);
  });

  it('counts each operation sent, by name, status class and cache, and the cache and database beneath', async () => {
    const before = await scrape();
    const variables = { metric: 'passports_issued', groupBy: ['passport_type'], filter: { from: '2019-01-01' } };
    expect((await fetch(chartUrl(server.url, variables), { headers: widget })).headers.get('x-pantau-cache')).toBe('miss');
    expect((await fetch(chartUrl(server.url, variables), { headers: widget })).headers.get('x-pantau-cache')).toBe('hit');
    const adhoc = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.reader}` },
      body: JSON.stringify({ query: `query Op_${marker.replaceAll('-', '_')}($slug: String!) { campaign(slug: $slug) { slug } }`, variables: { slug: marker } }),
    });
    expect(adhoc.status).toBe(200);
    const missing = await fetch(`${server.url}/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } }))}`, {
      headers: widget,
    });
    expect(missing.status).toBe(404);
    const after = await scrape();
    const moved = (name: string, labels: Record<string, string>) => valueOf(after, name, labels) - valueOf(before, name, labels);

    expect(moved('pantau_graphql_requests_total', { operation: 'PantauMetricChart', status_class: '2xx', cache: 'miss' })).toBe(1);
    expect(moved('pantau_graphql_requests_total', { operation: 'PantauMetricChart', status_class: '2xx', cache: 'hit' })).toBe(1);
    expect(moved('pantau_graphql_requests_total', { operation: 'adhoc', status_class: '2xx', cache: 'none' })).toBe(1);
    expect(moved('pantau_graphql_requests_total', { operation: 'unknown', status_class: '4xx', cache: 'none' })).toBe(1);
    expect(moved('pantau_graphql_request_duration_seconds_count', { operation: 'PantauMetricChart', cache: 'miss' })).toBe(1);
    expect(moved('pantau_graphql_request_duration_seconds_count', { operation: 'PantauMetricChart', cache: 'hit' })).toBe(1);
    expect(moved('pantau_http_requests_total', { route: '/graphql', method: 'GET', status_class: '2xx' })).toBe(2);
    expect(moved('pantau_http_requests_total', { route: '/graphql', method: 'POST', status_class: '2xx' })).toBe(1);
    // The first scrape itself is counted once it is answered, so the second one sees it.
    expect(moved('pantau_http_requests_total', { route: '/metrics', method: 'GET', status_class: '2xx' })).toBe(1);
    // One lookup missed (and stored the answer), the second found it.
    expect(moved('pantau_cache_lookups_total', { result: 'miss' })).toBe(1);
    expect(moved('pantau_cache_lookups_total', { result: 'hit' })).toBe(1);
    expect(valueOf(after, 'pantau_cache_entries')).toBe(1);
    expect(valueOf(after, 'pantau_cache_bytes')).toBeGreaterThan(0);
    expect(moved('pantau_db_statement_duration_seconds_count', {})).toBeGreaterThan(0);
    const pool = after.filter((sample) => sample.name === 'pantau_db_pool_connections');
    if (kind === 'postgresql') expect(pool.map((sample) => sample.labels.state).sort()).toEqual(['idle', 'in_use']);
    else expect(pool).toEqual([]);
  });

  it('counts imported rows, the rollup maintenance and the change notification that reaches the cache', async () => {
    const before = await scrape();
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: 'mutation($file: File!) { importObservations(file: $file) { inserted rejectedCount } }', variables: { file: null } }));
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    form.append('0', new File([importCsv(25)], 'tppo.csv', { type: 'text/csv' }));
    const imported = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys.admin}`, 'x-pantau-client': 'operability-test' },
      body: form,
    });
    expect(await imported.json()).toEqual({ data: { importObservations: { inserted: 25, rejectedCount: 0 } } });
    let after = await scrape();
    // The notification arrives on its own connection after the commit: scrape until it is counted.
    for (let i = 0; i < 100 && valueOf(after, 'pantau_change_notification_lag_seconds_count') === valueOf(before, 'pantau_change_notification_lag_seconds_count'); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      after = await scrape();
    }
    const moved = (name: string, labels: Record<string, string> = {}) => valueOf(after, name, labels) - valueOf(before, name, labels);
    expect(moved('pantau_import_rows_total', { outcome: 'inserted' })).toBe(25);
    expect(moved('pantau_import_rows_total', { outcome: 'not_written' })).toBe(0);
    expect(moved('pantau_import_duration_seconds_count')).toBe(1);
    expect(moved('pantau_rollup_refresh_duration_seconds_count')).toBe(1);
    expect(moved('pantau_change_notification_lag_seconds_count')).toBe(1);
  });

  it('counts rate-limit refusals, one for each 429 answered', async () => {
    const before = await scrape();
    let refused = 0;
    // 60 tokens refilled at 1 a second: 200 requests sent one after another meet the limit long before the end.
    for (let i = 0; i < 200 && refused < 3; i += 1) {
      const answer = await fetch(`${server.url}/sources/antara-20241104-ntt-tppo-priority`);
      await answer.arrayBuffer();
      if (answer.status === 429) refused += 1;
    }
    expect(refused).toBe(3);
    const after = await scrape();
    expect(valueOf(after, 'pantau_rate_limit_refusals_total', { route: '/sources' }) - valueOf(before, 'pantau_rate_limit_refusals_total', { route: '/sources' })).toBe(3);
  });

  it('gives no label a value from a request: no variable, caller-chosen operation name, key name or path', async () => {
    const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${keys.admin}` } })).text();
    expect(text).not.toContain(marker.slice(3));
    expect(text).not.toContain('passport_type');
    expect(text).not.toContain('antara-2024');
    const names = new Set(operations.map(([, document]) => /query (\w+)/.exec(document)?.[1]));
    const allowed: Record<string, (value: string) => boolean> = {
      operation: (value) => names.has(value) || value === 'adhoc' || value === 'unknown',
      route: (value) => ['/', '/graphql', '/export', '/sources', '/widgets', '/graphiql', '/health', '/metrics', '/demo', 'other'].includes(value),
      status_class: (value) => /^[1-5]xx$|^aborted$/.test(value),
      cache: (value) => ['hit', 'miss', 'none'].includes(value),
      method: (value) => ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'OTHER'].includes(value),
      result: (value) => ['hit', 'miss', 'stale'].includes(value),
      outcome: (value) => ['inserted', 'not_written'].includes(value),
      state: (value) => ['in_use', 'idle'].includes(value),
      le: (value) => value === '+Inf' || Number.isFinite(Number(value)),
    };
    for (const sample of parseExposition(text).filter((s) => s.name.startsWith('pantau_'))) {
      for (const [label, value] of Object.entries(sample.labels)) {
        expect(allowed[label]?.(value), `${sample.name}{${label}="${value}"}`).toBe(true);
      }
    }
  });

  it('lists every metric it serves in the README for operators, and the dashboard reads only metrics it serves', async () => {
    const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${keys.admin}` } })).text();
    const families = new Set([...text.matchAll(/^# TYPE (pantau_\w+) /gm)].map((match) => match[1] as string));
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const operators = readme.slice(readme.indexOf('## For operators'), readme.indexOf('## Speed and scale'));
    for (const family of families) expect(operators, family).toContain(`\`${family}\``);
    const dashboard = readFileSync(new URL('../../ops/grafana/pantau-dashboard.json', import.meta.url), 'utf8');
    const charted = new Set([...dashboard.matchAll(/pantau_[a-z_]+/g)].map((match) => match[0].replace(/_(bucket|sum|count)$/, '')));
    expect([...charted].filter((name) => !families.has(name))).toEqual([]);
  });
});
