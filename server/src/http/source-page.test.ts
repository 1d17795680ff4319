import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { serveInProcess } from './serve-in-process.ts';
import { sourceFiguresSql } from './source-page.ts';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

/** The rows of the figures table, as text: metric, value, period. */
const figureRows = (page: string) => [...page.matchAll(/<tr><td>([^<]*)<\/td><td class="num">([^<]*)<\/td><td>([^<]*)<\/td>/g)].map((m) => [m[1], m[2], m[3]]);

describe.each(testDatabaseKinds)('source pages on %s', (kind) => {
  let database: TestDatabase;
  let server: Awaited<ReturnType<typeof serveInProcess>>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    server = await serveInProcess(database);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('lists the figures a source states itself and those it corroborates, in period order', async () => {
    const own = await (await fetch(`${server.url}/sources/antara-20260126-ntt-passports-2025`)).text();
    expect(figureRows(own)).toEqual([
      ['Paspor diterbitkan / Passports issued', '7150', '2025-01-01 – 2025-12-31'],
      ['Paspor diterbitkan / Passports issued', '14213', '2025-01-01 – 2025-12-31'],
    ]);
    const corroborating = await (await fetch(`${server.url}/sources/pastime-20260120-hbi76-ditjenpas`)).text();
    expect(figureRows(corroborating).map((row) => row[1])).toEqual(['20000', '5000']);
  });

  it('sends a referrer policy and a permissions policy with every HTML page, GraphiQL included', async () => {
    const pages = [
      await fetch(`${server.url}/sources/antara-20260126-ntt-passports-2025`),
      await fetch(`${server.url}/`),
      await fetch(`${server.url}/widgets/`),
      await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } }),
    ];
    for (const page of pages) {
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      const permissions = page.headers.get('permissions-policy') ?? '';
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(permissions).toContain(`${feature}=()`);
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(await pages[3]?.text()).toContain('Pantau GraphQL');
    // Every page, GraphiQL included, has the strict CSP.
    for (const page of pages) expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('reads the figures of a source through indexes, never scanning every observation', async () => {
    // Enough rows for the planner to prefer an index where one serves: 30,000 figures of one source,
    // each corroborated by a second source and one in a thousand by a third. (Only the seed writes
    // corroborations; no real source corroborates every figure.)
    const [big, filler, corroborating] = await Promise.all(
      ['bulk-figures', 'bulk-filler', 'bulk-corroborations'].map((key) =>
        database.prisma.source.create({ data: { key, kind: 'DATASET', publisher: 'Test', title: key, claimId: key, claimEn: key } }),
      ),
    );
    if (!big || !filler || !corroborating) throw new Error('sources not created');
    const metric = await database.prisma.metric.findUniqueOrThrow({ where: { key: 'tppo_prevention_activities' } });
    await database.prisma.$executeRawUnsafe(
      `INSERT INTO observation (metric_id, value, period_start, period_end, source_id, synthetic, published)
       SELECT $1, g, date '2020-01-01' + (g % 1500), date '2020-01-01' + (g % 1500), $2, true, g % 10 <> 0 FROM generate_series(1, 30000) g`,
      metric.id,
      big.id,
    );
    await database.prisma.$executeRawUnsafe(`INSERT INTO observation_corroboration (observation_id, source_id) SELECT id, $1 FROM observation WHERE source_id = $2`, filler.id, big.id);
    await database.prisma.$executeRawUnsafe(`INSERT INTO observation_corroboration (observation_id, source_id) SELECT id, $1 FROM observation WHERE source_id = $2 AND id % 1000 = 0`, corroborating.id, big.id);
    await database.prisma.$executeRawUnsafe('ANALYZE observation');
    await database.prisma.$executeRawUnsafe('ANALYZE observation_corroboration');
    const article = await database.prisma.source.findUniqueOrThrow({ where: { key: 'pastime-20260120-hbi76-ditjenpas' } });
    for (const source of [article, big, corroborating]) {
      const [row] = await database.prisma.$queryRawUnsafe<{ 'QUERY PLAN': [{ Plan: PlanNode }] | string }[]>(`EXPLAIN (FORMAT JSON) ${sourceFiguresSql}`, source.id);
      const plan = row?.['QUERY PLAN'];
      const nodes = planNodes((typeof plan === 'string' ? (JSON.parse(plan) as [{ Plan: PlanNode }]) : (plan ?? []))[0]?.Plan ?? { 'Node Type': 'none' });
      const scans = nodes.filter((node) => node['Relation Name']).map((node) => `${node['Node Type']} ${node['Relation Name']} ${node['Index Name'] ?? ''}`.trim());
      expect(scans.filter((scan) => scan.startsWith('Seq Scan'))).toEqual([]);
      expect(nodes.map((node) => node['Index Name'])).toEqual(expect.arrayContaining(['observation_source_id_published_period_start_id_idx']));
      if (source !== big) expect(nodes.map((node) => node['Index Name'])).toEqual(expect.arrayContaining(['observation_corroboration_source_id_idx']));
    }
    // The page of the big source shows its first 200 published figures, in period order: every
    // figure of 2020-01-01 (g = 1500, 3000, ...) is one of the unpublished tenth, so it starts with g = 1.
    const page = await (await fetch(`${server.url}/sources/bulk-figures`)).text();
    const rows = figureRows(page);
    expect(rows).toHaveLength(200);
    expect(rows.map((row) => row[2])).toEqual([...rows.map((row) => row[2])].sort());
    expect(rows[0]).toEqual(['Kegiatan pencegahan TPPO/TPPM / Trafficking and smuggling prevention activities', '1', '2020-01-02 – 2020-01-02']);
  });
});
