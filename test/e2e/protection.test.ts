import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, prepareDatabase } from '@pantau/prisma';
import { createApiKey } from '@pantau/server/auth';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

const graphqlResponse = 'application/graphql-response+json';

/** A query `depth` fields deep: `offices.edges.node`, then `parent`s, then `code`. */
function officesDepth(depth: number, operationName = 'Deep'): string {
  let selection = 'code';
  for (let level = 4; level < depth; level += 1) selection = `parent { ${selection} }`;
  return `query ${operationName} { offices(first: 1) { edges { node { ${selection} } } } }`;
}

/**
 * Every limit, against the server as `pnpm start` runs it (PGlite, trace on so that a refused request
 * shows it never reached execution: no `extensions.trace`). Statuses are those GraphQL over HTTP
 * gives for `application/graphql-response+json`. The rate limiter's exact figures are tested with a
 * manual clock in server/src/protection/rate-limit.test.ts; here its burst is wide enough for every test.
 */
describe('request protection over real HTTP', () => {
  let dataDir: string;
  let server: ServerProcess;
  let key: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pantau-protection-'));
    const database = await openDatabase({ dataDir });
    await prepareDatabase(database);
    key = (await createApiKey(database, { name: 'second-client', scopes: ['READ_RESTRICTED'] })).secret;
    await database.close();
    server = await startServerProcess({ PANTAU_DATA_DIR: dataDir, PANTAU_SYNTHETIC: 'none', PANTAU_TRACE: '1', PANTAU_RATE_LIMIT_BURST: '1000' });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function post(body: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept: graphqlResponse, ...headers }, body });
    const text = await response.text();
    let json: { data?: unknown; errors?: { message: string }[]; extensions?: { trace?: unknown } } = {};
    try {
      json = JSON.parse(text) as typeof json;
    } catch {
      json = { errors: [{ message: text }] };
    }
    return { status: response.status, headers: response.headers, ...json };
  }
  const query = (document: string, headers: Record<string, string> = {}) => post(JSON.stringify({ query: document }), headers);

  it('answers queries within the limits, with a trace', async () => {
    const ok = await query(officesDepth(12));
    expect(ok.status).toBe(200);
    expect(ok.extensions?.trace).toBeDefined();
  });

  it('refuses one level over the depth limit, also for an operation or fragment named __schema', async () => {
    for (const document of [
      officesDepth(13),
      officesDepth(13, '__schema'),
      `query Q { ...__schema } fragment __schema on Query { ${officesDepth(13)
        .replace(/^query Deep \{ /, '')
        .replace(/ \}$/, '')} }`,
    ]) {
      const refused = await query(document);
      expect(refused.status, document).toBe(400);
      expect(refused.errors?.[0]?.message, document).toBe('Syntax Error: Query depth limit of 12 exceeded, found 13.');
      expect(refused.extensions?.trace).toBeUndefined();
    }
  });

  it('refuses one alias over the limit', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: metrics(first: 1) { totalCount }`).join(' ');
    const refused = await query(`{ ${aliases} }`);
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.message).toBe('Syntax Error: Aliases limit of 30 exceeded, found 31.');
    expect(refused.extensions?.trace).toBeUndefined();
  });

  it('refuses a document over the token limit and one over the size limit', async () => {
    const variables = Array.from({ length: 500 }, (_, i) => `$v${i}:Int`).join(' ');
    const tokens = await query(`query(${variables}) { metrics(first: 1) { totalCount } }`);
    expect(tokens.status).toBe(400);
    expect(tokens.errors?.[0]?.message).toBe('Syntax Error: Token limit of 2000 exceeded.');
    const size = await query(`{ metrics(first: 1) { totalCount } } # ${'x'.repeat(20_000)}`);
    expect(size.status).toBe(413);
    expect(size.errors?.[0]?.message).toBe('The GraphQL document is larger than 20000 bytes');
  });

  it('refuses `first` over the page cap before any resolver runs', async () => {
    const refused = await query(`{ offices(first: 501) { totalCount } }`);
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.message).toBe('Argument `first` must be between 0 and 500 (got 501)');
    expect(refused.extensions?.trace).toBeUndefined();
  });

  it('refuses a 3 MB body, a batch of operations, a GET mutation and a text/plain POST', async () => {
    const big = await post(JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(3 * 1024 * 1024) } }));
    expect(big.status).toBe(413);
    expect(big.errors?.[0]?.message).toBe('Request body larger than 2097152 bytes');

    const batch = await post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(batch.status).toBe(400);
    expect(batch.errors?.[0]?.message).toBe('Batching is not supported.');

    const getMutation = await fetch(`${server.url}/graphql?query=${encodeURIComponent('mutation { deleteSource(id: "x") { deletedId } }')}`, {
      headers: { accept: graphqlResponse, 'x-pantau-client': 'test' },
    });
    expect(getMutation.status).toBe(405);
    expect(((await getMutation.json()) as { errors: { message: string }[] }).errors[0]?.message).toBe('Can only perform a mutation operation from a POST request.');

    const plain = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', accept: graphqlResponse },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(plain.status).toBe(403);
    expect(((await plain.json()) as { errors: { message: string }[] }).errors[0]?.message).toBe('Required CSRF header(s) not present');
  });

  it('never grants credentials to an arbitrary origin, and does not let it send a key', async () => {
    const preflight = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-credentials')).not.toBe('true');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).not.toContain('authorization');
  });

  it('exports a metric series as CSV, JSON with sources and licence, and SDMX-CSV', async () => {
    // Sent with a key, so the anonymous requests of the other tests do not use up this client's tokens.
    const keyed = { headers: { authorization: `Bearer ${key}` } };
    const params = 'metric=passports_issued&groupBy=passport_type&regionCode=53&from=2025-01-01&to=2025-12-31';
    const csv = await fetch(`${server.url}/export/metric-series.csv?${params}`, keyed);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('link')).toBe(`</export/metric-series.json?${params}>; rel="describedby"; type="application/json"`);
    expect(csv.headers.get('x-pantau-sources')).toBe('antara-20260126-ntt-passports-2025');
    // Without `asOf` the export answers as the figures stand now, and says which moment that was.
    const asOf = csv.headers.get('x-pantau-as-of') ?? '';
    expect(Number.isNaN(Date.parse(asOf))).toBe(false);
    expect(await csv.text()).toBe(
      'period,period_start,period_end,passport_type,value,unit,suppressed,suppression_rule,is_lower_bound,synthetic,sources,as_of\r\n' +
        `2025,2025-01-01,2025-12-31,electronic,14213,DOCUMENT,false,,false,false,antara-20260126-ntt-passports-2025,${asOf}\r\n` +
        `2025,2025-01-01,2025-12-31,ordinary,7150,DOCUMENT,false,,false,false,antara-20260126-ntt-passports-2025,${asOf}\r\n`,
    );
    const json = (await (await fetch(`${server.url}/export/metric-series.json?${params}`, keyed)).json()) as {
      total: { value: string };
      licence: string;
      sources: { key: string; publisher: string }[];
    };
    expect(json.total.value).toBe('21363');
    expect(json.licence).toMatch(/CC0-1\.0/);
    expect(json.sources).toEqual([expect.objectContaining({ key: 'antara-20260126-ntt-passports-2025', publisher: 'ANTARA' })]);
    const sdmx = await fetch(`${server.url}/export/metric-series.sdmx.csv?${params}`, keyed);
    expect(sdmx.headers.get('content-type')).toMatch(/^application\/vnd\.sdmx\.data\+csv/);
    expect((await sdmx.text()).split('\r\n').slice(0, 2)).toEqual([
      'STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,OFFICE,PROGRAMME,CAMPAIGN,PASSPORT_TYPE,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,LOWER_BOUND,SYNTHETIC,SOURCE,OBS_STATUS,CONF_STATUS',
      'dataflow,PANTAU:DF_PASSPORTS_ISSUED(1.0),I,A,53,_T,_T,_T,electronic,2025,14213,DOCUMENT,false,false,antara-20260126-ntt-passports-2025,A,F',
    ]);
    const bad = await fetch(`${server.url}/export/metric-series.csv?metric=visas`, keyed);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(/^Unknown metric "visas" in argument `metric`/);
  });

  it('refuses a list over its maximum and a variable the operation does not declare', async () => {
    const ids = Array.from({ length: 501 }, (_, i) => Buffer.from(`Observation:${i + 1}`).toString('base64'));
    const nodes = await post(JSON.stringify({ query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids } }));
    expect(nodes.status).toBe(400);
    expect(nodes.errors?.[0]?.message).toBe('Argument `ids` takes at most 500 items (got 501)');
    expect(nodes.extensions?.trace).toBeUndefined();
    const junk = await post(JSON.stringify({ query: '{ __typename }', variables: { junk: 1 } }));
    expect(junk.status).toBe(400);
    expect(junk.errors?.[0]?.message).toBe('Variable "$junk" is not declared by the operation: send only the variables it declares');
  });
});
