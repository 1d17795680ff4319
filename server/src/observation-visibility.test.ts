import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { createApiKey } from './auth/api-keys.ts';
import { serveInProcess } from './http/serve-in-process.ts';
import { defaultLimits } from './protection/limits.ts';

/**
 * The attack: a partner writes a figure (unpublished until an admin publishes it); anyone then walks
 * the sequential ids and every read that returns observations. Only `read:restricted` and admin keys
 * may see it, and to everyone else it does not exist.
 */
const secretPassports = '987654.321';
const secretActivities = '4321.0987';
/** The two secrets as a source page writes them, in Bahasa Indonesia. */
const secretsOnPage = ['987.654,321', '4.321,0987'];
const globalId = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64');

describe.each(testDatabaseKinds)('unpublished observations on %s', (kind) => {
  let database: TestDatabase;
  let server: Awaited<ReturnType<typeof serveInProcess>>;
  const keys = { admin: '', reader: '', writer: '' };
  let secretIds: number[] = [];
  /** The unpublished passports figure, the first write. */
  let firstSecret = 0;
  let missingId = 0;

  async function post(query: string, variables: Record<string, unknown> = {}, key?: string) {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      text,
      body: JSON.parse(text) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] },
    };
  }
  const get = async (path: string, key?: string) => {
    const response = await fetch(`${server.url}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
    return { status: response.status, text: await response.text() };
  };

  /** Everything public that aggregates observations, to compare before and after the secret writes. */
  const publicAnswers = async () =>
    Promise.all([
      post(`{ campaignTotals(slug: "hbi-76-2026") { metrics { metric { key } value sources { key } byOffice { value } byRegion { value } } } }`),
      post(
        `{ tppoCoverage(level: PROVINCE, provinceCode: "53") { regions { region { code } tppoActivities { value observationCount } pimpasaOfficers { value } } national { tppoActivities { value observationCount } } } }`,
      ),
      post(`{ tppoCoverage(level: REGENCY, provinceCode: "53") { regions { region { code } tppoActivities { value } } } }`),
      post(`{ partnerVillageMap(provinceCode: "53") { points { village { code } pimpasaCount } synthetic } }`),
      post(
        `{ metricSeries(metric: "passports_issued", groupBy: ["passport_type"], granularity: MONTH, filter: { regionCode: "53" }) { rows { period value } total { value observationCount } } }`,
      ),
      post(`{ metricSeries(metric: "tppo_prevention_activities", granularity: YEAR) { rows { period value } total { value } } }`),
      get('/export/metric-series.csv?metric=passports_issued&groupBy=passport_type&granularity=MONTH&regionCode=53&includeUnpublished=true'),
      get('/export/metric-series.json?metric=passports_issued&granularity=MONTH&regionCode=53'),
      get('/export/metric-series.sdmx.csv?metric=tppo_prevention_activities&granularity=MONTH'),
      get('/sources/pastime-20260120-hbi76-ditjenpas'),
    ]).then((answers) => {
      // Each must be a real answer, or comparing them would prove nothing.
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
      expect(answers.map((a) => ('body' in a ? a.body.errors : undefined))).toEqual(answers.map(() => undefined));
      return answers.map((a) => a.text);
    });

  let before: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    server = await serveInProcess(database, { limits: { ...defaultLimits, rateLimitBurst: 100_000, rateLimitPerSecond: 100_000 } });
    keys.admin = (await createApiKey(database, { name: 'ministry-admin', scopes: ['ADMIN'] })).secret;
    keys.reader = (await createApiKey(database, { name: 'statistics-office', scopes: ['READ_RESTRICTED'] })).secret;
    keys.writer = (await createApiKey(database, { name: 'data-desk', scopes: ['WRITE_OBSERVATIONS'] })).secret;
    const source = await post(
      `mutation($input: SourceInput!) { createSource(input: $input) { source { key } } }`,
      {
        input: {
          key: 'kanwil-ntt-report-2026-02',
          kind: 'DATASET',
          publisher: 'Kanwil Ditjenim NTT',
          title: 'Laporan bulanan Februari 2026',
          claimId: 'Laporan bulanan',
          claimEn: 'Monthly report',
        },
      },
      keys.admin,
    );
    expect(source.body.errors).toBeUndefined();
    before = await publicAnswers();

    const write = `mutation($input: ObservationInput!) { createObservation(input: $input) { observation { id value published } } }`;
    const common = { periodStart: '2026-02-01', periodEnd: '2026-02-28', officeCode: 'kanwil-ditjenim-ntt', regionCode: '53', source: 'kanwil-ntt-report-2026-02' };
    const written = [
      await post(
        write,
        { input: { ...common, metric: 'passports_issued', value: secretPassports, campaign: 'hbi-76-2026', dimensions: [{ key: 'passport_type', value: 'electronic' }] } },
        keys.writer,
      ),
      await post(write, { input: { ...common, metric: 'tppo_prevention_activities', value: secretActivities, regionCode: '53.71' } }, keys.writer),
    ];
    // The writer is shown what it wrote, unpublished.
    expect(written.map((w) => w.body.data?.createObservation.observation)).toEqual([
      { id: expect.any(String), value: secretPassports, published: false },
      { id: expect.any(String), value: secretActivities, published: false },
    ]);
    secretIds = (await database.prisma.observation.findMany({ where: { published: false }, orderBy: { id: 'asc' } })).map((o) => o.id);
    expect(secretIds).toHaveLength(2);
    firstSecret = secretIds[0] ?? 0;
    // A seeded article also states the secret figure: its public page must not show it.
    const article = await database.prisma.source.findUniqueOrThrow({ where: { key: 'pastime-20260120-hbi76-ditjenpas' } });
    await database.prisma.observationCorroboration.create({ data: { observationId: firstSecret, sourceId: article.id } });
    missingId = ((await database.prisma.observation.aggregate({ _max: { id: true } }))._max.id ?? 0) + 1;
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  const nodeQuery = `query($id: ID!) { node(id: $id) { id ... on Observation { value published } } }`;

  it('answers node(id:) for an unpublished figure exactly as for an id that does not exist', async () => {
    for (const caller of [undefined, keys.writer]) {
      for (const secretId of secretIds) {
        const secret = await post(nodeQuery, { id: globalId('Observation', secretId) }, caller);
        const missing = await post(nodeQuery, { id: globalId('Observation', missingId) }, caller);
        expect(secret.text).toBe('{"data":{"node":null}}');
        expect({ status: secret.status, contentType: secret.contentType, text: secret.text }).toEqual({
          status: missing.status,
          contentType: missing.contentType,
          text: missing.text,
        });
      }
    }
    // Ids that cannot be rows are missing too, not errors.
    for (const id of ['0', '-1', 'abc', '1.5', '99999999999', ' 1']) expect((await post(nodeQuery, { id: globalId('Observation', id) })).text).toBe('{"data":{"node":null}}');
  });

  it('leaves unpublished figures out of nodes(ids:) walked over every sequential id', async () => {
    const ids = Array.from({ length: missingId + 2 }, (_, i) => i + 1);
    const answer = await post(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Observation { value } } }`, { ids: ids.map((id) => globalId('Observation', id)) });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    const published = new Set((await database.prisma.observation.findMany({ where: { published: true }, select: { id: true } })).map((o) => o.id));
    expect(answer.body.data.nodes.map((n: { id: string } | null) => n?.id ?? null)).toEqual(ids.map((id) => (published.has(id) ? globalId('Observation', id) : null)));
    expect(answer.text).not.toContain(secretPassports);
    expect(answer.text).not.toContain(secretActivities);
  });

  it('leaves them out of every list and nested field, and refuses includeUnpublished without the scope', async () => {
    const list = await post(`{ observations(first: 500, filter: { includeSynthetic: true }) { totalCount edges { node { id value } } } }`);
    expect(list.body.data.observations.totalCount).toBe(await database.prisma.observation.count({ where: { published: true } }));
    const nested = await post(
      `{ offices(first: 500, filter: { includeSynthetic: true }) { edges { node { observations(limit: 500, includeSynthetic: true) { value published } } } } }`,
    );
    expect(nested.body.errors).toBeUndefined();
    for (const answer of [list, nested]) {
      expect(answer.text).not.toContain(secretPassports);
      expect(answer.text).not.toContain(secretActivities);
    }
    for (const caller of [undefined, keys.writer]) {
      const refusals = await Promise.all([
        post(`{ observations(first: 5, filter: { includeUnpublished: true }) { totalCount } }`, {}, caller),
        post(`{ offices(first: 5) { edges { node { observations(includeUnpublished: true) { value } } } } }`, {}, caller),
        post(`{ metricSeries(metric: "passports_issued", includeUnpublished: true) { total { value } } }`, {}, caller),
      ]);
      expect(refusals.map((r) => [r.status, r.body.errors?.[0]?.extensions?.code])).toEqual([
        [403, 'FORBIDDEN'],
        [403, 'FORBIDDEN'],
        [403, 'FORBIDDEN'],
      ]);
      expect(refusals.map((r) => r.body.errors?.[0]?.message)).toEqual([
        '`filter.includeUnpublished` needs an API key with the read:restricted scope',
        '`includeUnpublished` needs an API key with the read:restricted scope',
        '`includeUnpublished` needs an API key with the read:restricted scope',
      ]);
    }
    // The other analytics have no way to ask: the argument does not exist.
    const unknown = await post(`{ campaignTotals(slug: "hbi-76-2026", includeUnpublished: true) { metrics { value } } }`);
    expect(unknown.status).toBe(400);
  });

  it('changes no analytics answer, export or source page for the public', async () => {
    const after = await publicAnswers();
    expect(after).toEqual(before);
    const page = await get('/sources/kanwil-ntt-report-2026-02');
    expect(page.status).toBe(200);
    // The page is cached publicly, so a key does not change it either.
    expect(await get('/sources/kanwil-ntt-report-2026-02', keys.admin)).toEqual(page);
    expect(page.text).toContain('Belum ada angka terbitan yang mengutip sumber ini.');
    for (const text of [...after, page.text]) {
      expect(text).not.toContain(secretPassports);
      expect(text).not.toContain(secretActivities);
      for (const secret of secretsOnPage) expect(text).not.toContain(secret);
    }
  });

  it('shows them to read:restricted and admin keys, by id and when asked for in lists', async () => {
    for (const key of [keys.reader, keys.admin]) {
      const byId = await post(nodeQuery, { id: globalId('Observation', firstSecret) }, key);
      expect(byId.body.data.node).toEqual({ id: globalId('Observation', firstSecret), value: secretPassports, published: false });
      const many = await post(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Observation { value } } }`, { ids: secretIds.map((id) => globalId('Observation', id)) }, key);
      expect(many.body.data.nodes).toEqual([{ value: secretPassports }, { value: secretActivities }]);
      const list = await post(
        `{ observations(first: 10, filter: { includeUnpublished: true, from: "2026-02-01", to: "2026-02-28" }) { totalCount edges { node { value } } } }`,
        {},
        key,
      );
      expect(list.body.data.observations.edges.map((e: { node: { value: string } }) => e.node.value)).toEqual([secretPassports, secretActivities]);
      const nested = await post(
        `{ offices(first: 1, filter: { regionCode: "53", type: [REGIONAL_OFFICE_IMMIGRATION] }) { edges { node { code observations(limit: 2, includeUnpublished: true) { value } } } } }`,
        {},
        key,
      );
      expect(nested.body.data.offices.edges[0].node.observations.map((o: { value: string }) => o.value).sort()).toEqual([secretActivities, secretPassports].sort());
      const series = await post(
        `{ metricSeries(metric: "passports_issued", filter: { regionCode: "53", from: "2026-02-01", to: "2026-02-28" }, includeUnpublished: true) { total { value } } }`,
        {},
        key,
      );
      expect(series.body.data.metricSeries.total).toEqual({ value: secretPassports });
      // Without asking, lists stay public even for them.
      const unasked = await post(`{ metricSeries(metric: "passports_issued", filter: { regionCode: "53", from: "2026-02-01", to: "2026-02-28" }) { total { value } } }`, {}, key);
      expect(unasked.body.data.metricSeries.total).toBeNull();
    }
  });

  it('shows them to everyone once an admin publishes them (so the checks above can see a leak)', async () => {
    const published = await post(
      `mutation($ids: [ID!]!) { publishObservations(ids: $ids) { published } }`,
      { ids: secretIds.map((id) => globalId('Observation', id)) },
      keys.admin,
    );
    expect(published.body.data.publishObservations.published).toBe(2);
    expect((await post(nodeQuery, { id: globalId('Observation', firstSecret) })).body.data.node.value).toBe(secretPassports);
    const after = await publicAnswers();
    const changed = after.map((text, index) => text !== before[index]);
    // Campaign totals, both coverage levels, the passports series, the activities series, the three exports and the article's page; the map reads no observations.
    expect(changed).toEqual([true, true, true, false, true, true, true, true, true, true]);
    const page = (await get('/sources/kanwil-ntt-report-2026-02')).text;
    for (const secret of secretsOnPage) expect(page).toContain(secret);
  });
});
