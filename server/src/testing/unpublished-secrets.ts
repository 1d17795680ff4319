import { afterAll, beforeAll, expect } from 'vitest';
import { createTestDatabase, prepareDatabase, type TestDatabase } from '@pantau/prisma';
import { createApiKey } from '../auth/api-keys.ts';
import { serveInProcess } from '../http/serve-in-process.ts';
import { defaultLimits } from '../protection/limits.ts';

/**
 * The attack the observation-visibility tests play out: a partner writes a figure (unpublished until
 * an admin publishes it); anyone then walks the sequential ids and every read that returns
 * observations. Only `read:restricted` and admin keys may see it, and to everyone else it does not exist.
 */
export const secretPassports = '987654.321';
export const secretActivities = '4321.0987';
/** The two secrets as a source page writes them, in Bahasa Indonesia. */
export const secretsOnPage = ['987.654,321', '4.321,0987'];
export const globalId = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64');
export const nodeQuery = `query($id: ID!) { node(id: $id) { id ... on Observation { value published } } }`;

/**
 * A fresh seeded database served over real HTTP, with an admin, a read:restricted and a writing key;
 * before the suite's tests the public analytics are recorded (`before()`), then the writer stores the
 * two secrets and a seeded article corroborates the first.
 */
export function unpublishedSecrets(kind: TestDatabase['kind']) {
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
      // Exports say the moment they answer for (now, without asOf): that moment is not a figure.
      return answers.map((a) => a.text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<as of>'));
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

  return {
    post,
    get,
    publicAnswers,
    keys,
    database: () => database,
    /** The public answers recorded before the secrets were written. */
    before: () => before,
    /** The two unpublished observations' ids, in the order written. */
    secretIds: () => secretIds,
    firstSecret: () => firstSecret,
    /** An id one past every row: what a missing observation answers. */
    missingId: () => missingId,
  };
}
