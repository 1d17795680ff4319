import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { createApiKey } from '../auth/api-keys.ts';
import { serveInProcess } from '../http/serve-in-process.ts';
import { createPantauYoga } from '../yoga.ts';

const header = 'metric,value,period_start,period_end,office_code,region_code,source,dim.passport_type';
/** A 2019 month's figure of Kanwil Ditjenim NTT (no seeded figure shares its key). */
const row = (value: string, month: string, type: string, office = 'kanwil-ditjenim-ntt,53') =>
  `passports_issued,${value},2019-${month}-01,2019-${month}-${month === '04' ? '30' : '31'},${office},ntt-2019-register,${type}`;
const csv = (...lines: string[]) => `${[header, ...lines].join('\n')}\n`;

const importMutation = `mutation($file: File!, $mode: ImportMode, $replace: ImportReplaceScope, $reason: String) {
  importObservations(file: $file, mode: $mode, replace: $replace, reason: $reason, publish: true) {
    mode inserted revised unchanged withdrawn rejectedCount rejected { line column reason } rolledBack
  }
}`;
const march = `query($asOf: DateTime) {
  observations(filter: { metric: "passports_issued", from: "2019-03-01", to: "2019-03-31" }, asOf: $asOf) {
    edges { node { id value dimensions { value } revisions { value revisedBy reason validFrom revisedAt withdrawn source { key } } } }
  }
}`;
const table2019 = `query($asOf: DateTime) {
  metricTable(metrics: ["passports_issued"], granularity: YEAR, filter: { regionCode: "53", from: "2019-01-01", to: "2019-12-31" }, asOf: $asOf) { rows { period cells { value } } }
}`;
const total2019 = `query($asOf: DateTime) { metricSeries(metric: "passports_issued", filter: { regionCode: "53", from: "2019-01-01", to: "2019-12-31" }, asOf: $asOf) { total { value observationCount } } }`;

describe.each(testDatabaseKinds)('revisions, asOf and import modes on %s', (kind) => {
  let database: TestDatabase;
  let yoga: ReturnType<typeof createPantauYoga>;
  let admin = '';
  /** The moment the first file's figures were stored, and the moment the upsert corrected one. */
  const moments = { stored: '', corrected: '' };

  async function gql(query: string, variables: Record<string, unknown> = {}) {
    const response = await yoga.fetch('http://pantau.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: { message: string; extensions?: any }[] };
  }

  async function upload(file: string, variables: Record<string, unknown> = {}) {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: importMutation, variables: { file: null, ...variables } }));
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    form.append('0', new File([file], 'figures.csv', { type: 'text/csv' }));
    const response = await yoga.fetch('http://pantau.test/graphql', {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'x-pantau-client': 'revisions-test' },
      body: form,
    });
    return (await response.json()) as { data?: any; errors?: { message: string }[] };
  }

  const byType = (nodes: any[]) => Object.fromEntries(nodes.map((n) => [n.dimensions[0].value, n]));
  // Two writes must not share a millisecond, or the earlier version would be the figure for no time at all.
  const tick = () => database.sql.run((connection) => connection.exec('SELECT pg_sleep(0.02)'));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    yoga = createPantauYoga(database, { log: { error: (...args: unknown[]) => console.error(...args) } });
    admin = (await createApiKey(database, { name: 'data-desk', scopes: ['ADMIN'] })).secret;
    await database.prisma.source.create({
      data: { key: 'ntt-2019-register', kind: 'DATASET', publisher: 'Kanwil Ditjenim NTT', title: 'Register 2019', claimId: 'Register paspor', claimEn: 'Passport register' },
    });
  });
  afterAll(() => database.close());

  it('upserts: the corrected figure keeps its earlier value as a revision, and asOf answers as the figures stood', async () => {
    const first = await upload(csv(row('610', '03', 'electronic'), row('240', '03', 'ordinary')));
    expect(first.data?.importObservations).toMatchObject({ mode: 'APPEND', inserted: 2, revised: 0, rejectedCount: 0 });
    await tick();
    const upsert = await upload(csv(row('650', '03', 'electronic'), row('240', '03', 'ordinary'), row('100', '04', 'electronic')), {
      mode: 'UPSERT',
      reason: 'Koreksi register Maret',
    });
    expect(upsert.data?.importObservations).toMatchObject({ mode: 'UPSERT', inserted: 1, revised: 1, unchanged: 1, withdrawn: 0, rejectedCount: 0 });

    const now = byType((await gql(march)).data.observations.edges.map((e: any) => e.node));
    expect(now.electronic.value).toBe('650');
    expect(now.electronic.revisions).toHaveLength(1);
    const revision = now.electronic.revisions[0];
    expect(revision).toMatchObject({ value: '610', revisedBy: 'data-desk', reason: 'Koreksi register Maret', withdrawn: false, source: { key: 'ntt-2019-register' } });
    expect(now.ordinary.revisions).toEqual([]);
    moments.stored = revision.validFrom;
    moments.corrected = revision.revisedAt;
    expect(moments.stored < moments.corrected).toBe(true);

    const then = byType((await gql(march, { asOf: moments.stored })).data.observations.edges.map((e: any) => e.node));
    expect([then.electronic.value, then.ordinary.value]).toEqual(['610', '240']);
    // 2019 in NTT, by hand: then 610 + 240 = 850 (April not yet stored); now 650 + 240 + 100 = 990.
    expect((await gql(total2019, { asOf: moments.stored })).data.metricSeries.total).toEqual({ value: '850', observationCount: 2 });
    expect((await gql(total2019, { asOf: moments.corrected })).data.metricSeries.total).toEqual({ value: '990', observationCount: 3 });
    expect((await gql(total2019)).data.metricSeries.total).toEqual({ value: '990', observationCount: 3 });
    const tableCells = async (asOf?: string) => (await gql(table2019, asOf ? { asOf } : {})).data.metricTable.rows.map((r: any) => [r.period, r.cells[0]?.value]);
    expect(await tableCells(moments.stored)).toEqual([['2019', '850']]);
    expect(await tableCells()).toEqual([['2019', '990']]);
    // Before anything was stored there was nothing to count.
    expect((await gql(total2019, { asOf: '2019-01-01T00:00:00Z' })).data.metricSeries.total).toBeNull();
  });

  it('runs the README’s asOf example: the seeded NTT 2025 figures, now and as of a moment', async () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const example = readme.match(/```graphql\n(query NttPassportsAsOf[\s\S]*?)```/)?.[1] ?? '';
    const answer = await gql(example);
    expect(answer.errors).toBeUndefined();
    // 7,150 ordinary + 14,213 electronic, seeded before this test's moments; the example asks as of 2026-12-01, before this database existed.
    expect(answer.data.now.total.value).toBe('21363');
    expect(answer.data.observations.edges.length).toBeGreaterThan(0);
  });

  it('exports say the moment they answer for, in a header and a column', async () => {
    const server = await serveInProcess(database);
    const response = await fetch(`${server.url}/export/metric-series.csv?metric=passports_issued&regionCode=53&from=2019-01-01&to=2019-12-31&asOf=${moments.stored}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-pantau-as-of')).toBe(moments.stored);
    const [columns, line] = (await response.text()).trim().split(/\r?\n/);
    const fields = Object.fromEntries((columns ?? '').split(',').map((name, i) => [name, (line ?? '').split(',')[i]]));
    expect(fields).toMatchObject({ period: '2019', value: '850', as_of: moments.stored });
    const bad = await fetch(`${server.url}/export/metric-series.json?metric=passports_issued&asOf=yesterday`);
    expect(bad.status).toBe(400);
    await server.close();
  });

  it('appends: a stored key is refused with its line, and nothing is written', async () => {
    const before = await database.prisma.observation.count();
    const report = (await upload(csv(row('5', '05', 'electronic'), row('611', '03', 'electronic')))).data?.importObservations;
    expect(report).toMatchObject({ inserted: 0, rejectedCount: 1, rolledBack: true });
    expect(report.rejected).toEqual([
      {
        line: 3,
        column: 'key',
        reason: expect.stringMatching(/^key is already stored \(observation [A-Za-z0-9+/=]+\): import with mode UPSERT to revise it, or leave the row out$/),
      },
    ]);
    expect(await database.prisma.observation.count()).toBe(before);
  });

  it('refuses two rows with the same key in one file, each naming the other line', async () => {
    const report = (await upload(csv(row('5', '05', 'electronic'), row('6', '05', 'ordinary'), row('7', '05', 'electronic')), { mode: 'UPSERT' })).data?.importObservations;
    const same = (other: number) => `key (metric, period, office, region, program, campaign and dimensions) is the same as on line ${other}: a file holds each figure once`;
    expect(report).toMatchObject({ inserted: 0, rejectedCount: 2, rolledBack: true });
    expect(report.rejected).toEqual([
      { line: 2, column: 'key', reason: same(4) },
      { line: 4, column: 'key', reason: same(2) },
    ]);
  });

  it('replaces one office’s period: figures restated are revised, figures left out withdrawn, rows of another office refused', async () => {
    const replace = { officeCode: 'kanwil-ditjenim-ntt', periodStart: '2019-03-01', periodEnd: '2019-03-31' };
    const stray = await upload(csv(row('700', '03', 'electronic'), row('9', '03', 'electronic', 'kanim-tangerang,36.71')), { mode: 'REPLACE', replace });
    expect(stray.data?.importObservations.rejected).toEqual([
      { line: 3, column: 'office_code', reason: 'office_code must be "kanwil-ditjenim-ntt": a replacing import holds only the office it replaces' },
    ]);
    await tick();
    const replaced = await upload(csv(row('700', '03', 'electronic')), { mode: 'REPLACE', replace, reason: 'Register Maret diganti' });
    expect(replaced.data?.importObservations).toMatchObject({ mode: 'REPLACE', inserted: 0, revised: 1, unchanged: 0, withdrawn: 1, rejectedCount: 0 });
    // 2019 now, by hand: March electronic 700 + April 100 = 800; as of the upsert, 650 + 240 + 100 = 990.
    expect((await gql(total2019)).data.metricSeries.total).toEqual({ value: '800', observationCount: 2 });
    expect((await gql(total2019, { asOf: moments.corrected })).data.metricSeries.total).toEqual({ value: '990', observationCount: 3 });
    const now = (await gql(march)).data.observations.edges.map((e: any) => e.node);
    expect(now.map((n: any) => n.value)).toEqual(['700']);
    expect(now[0].revisions.map((r: any) => r.value)).toEqual(['610', '650']);
    const withdrawn = await database.prisma.observationRevision.findFirstOrThrow({ where: { withdrawn: true } });
    expect([withdrawn.value.toString(), withdrawn.reason, withdrawn.revisedBy]).toEqual(['240', 'Register Maret diganti', 'data-desk']);
  });

  it('refuses createObservation on a stored key unless asked to revise, then keeps the earlier value', async () => {
    const create = `mutation($input: ObservationInput!, $revise: Boolean, $reason: String) { createObservation(input: $input, revise: $revise, reason: $reason) { observation { value revisions { value reason } } } }`;
    const input = {
      metric: 'passports_issued',
      value: '120',
      periodStart: '2019-04-01',
      periodEnd: '2019-04-30',
      officeCode: 'kanwil-ditjenim-ntt',
      regionCode: '53',
      source: 'ntt-2019-register',
      dimensions: [{ key: 'passport_type', value: 'electronic' }],
      published: true,
    };
    const refused = await gql(create, { input });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', argument: 'input' });
    expect(refused.errors?.[0]?.message).toMatch(/^A figure with this key .* is already stored as observation .*: send `revise: true`/);
    const revised = await gql(create, { input, revise: true, reason: 'Koreksi April' });
    expect(revised.data?.createObservation.observation).toEqual({ value: '120', revisions: [{ value: '100', reason: 'Koreksi April' }] });
    expect((await gql(total2019)).data.metricSeries.total).toEqual({ value: '820', observationCount: 2 });
  });
});
