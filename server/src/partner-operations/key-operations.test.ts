import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { loadPersistedOperations } from '@pantau/schema/persisted-operations';
import { createApiKey } from '../auth/api-keys.ts';
import { runCommand } from '../cli/pantau-commands.ts';
import { defaultLimits } from '../protection/limits.ts';
import { createPantauYoga } from '../yoga.ts';

/** A partner's nightly pull: ANTARA's NTT passports of 2025, 7,150 ordinary + 14,213 electronic = 21,363. */
const nightly = `query NightlyPassports($region: String!) {
  metricSeries(metric: "passports_issued", filter: { regionCode: $region }) { total { value } }
}
`;
const nightlyHash = createHash('sha256').update(nightly).digest('hex');

describe.each(testDatabaseKinds)('operations registered for a key on %s', (kind) => {
  let database: TestDatabase;
  let folder = '';
  const keys = { partner: '', other: '', admin: '' };

  async function pantau(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCommand(database, argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
    return { code, out, err };
  }
  async function file(name: string, text: string): Promise<string> {
    const path = join(folder, name);
    await writeFile(path, text);
    return path;
  }
  function asker(yoga: ReturnType<typeof createPantauYoga>) {
    return async (body: object, key?: string) => {
      const response = await yoga.fetch('http://pantau.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify(body),
      });
      return { status: response.status, ...((await response.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] }) };
    };
  }
  const byHash = (sha256Hash: string, variables: Record<string, unknown> = {}) => ({ extensions: { persistedQuery: { version: 1, sha256Hash } }, variables });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    folder = await mkdtemp(join(tmpdir(), 'pantau-operations-'));
    keys.partner = (await createApiKey(database, { name: 'bps-ntt', scopes: ['READ_RESTRICTED'] })).secret;
    keys.other = (await createApiKey(database, { name: 'other-partner', scopes: ['READ_RESTRICTED'] })).secret;
    keys.admin = (await createApiKey(database, { name: 'ministry-admin', scopes: ['ADMIN'] })).secret;
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
    await database.close();
  });

  it('lets an admin register a query for one key, which only that key runs by its SHA-256', async () => {
    const registered = await pantau('operations', 'register', '--key', 'bps-ntt', '--file', await file('nightly.graphql', nightly));
    expect(registered.code).toBe(0);
    expect(registered.out.join('\n')).toContain(nightlyHash);
    const ask = asker(createPantauYoga(database));
    const pull = await ask(byHash(nightlyHash, { region: '53' }), keys.partner);
    expect([pull.status, pull.data?.metricSeries.total.value]).toEqual([200, '21363']);
    for (const key of [keys.other, undefined]) {
      const stranger = await ask(byHash(nightlyHash, { region: '53' }), key);
      expect([stranger.status, stranger.errors?.[0]?.message]).toEqual([404, 'PersistedQueryNotFound']);
    }
    const listed = await pantau('operations', 'list', '--key', 'bps-ntt');
    expect(listed.out.map((line) => line.split('\t').slice(0, 2))).toEqual([['NightlyPassports', nightlyHash]]);
  });

  it('refuses what is not one named query fitting the schema, or a key that does not exist, writing nothing', async () => {
    const cases: [string, string, string][] = [
      [
        'bps-ntt',
        'mutation Remove { deleteObservation(id: "1") { deletedId } }',
        "Refused, nothing written: Only queries can be registered (got a mutation): writes go through the API with the key's scopes",
      ],
      [
        'bps-ntt',
        '{ metrics { totalCount } }',
        'Refused, nothing written: The query needs a name, e.g. `query NightlyPassports { ... }`: it is how the registration is listed and replaced',
      ],
      ['bps-ntt', 'query Visas { visas { count } }', 'Refused, nothing written: The document does not fit the schema: Cannot query field "visas" on type "Query".'],
      ['bps-ntt', 'query A { metrics { totalCount } } query B { metrics { totalCount } }', 'Refused, nothing written: The document must hold exactly one operation (got 2)'],
      ['bps-ntt', 'query {', 'Refused, nothing written: The document is not GraphQL: Syntax Error: Expected Name, found <EOF>.'],
      ['nobody', nightly, 'Refused, nothing written: No API key is named "nobody" (see pnpm pantau keys list)'],
    ];
    for (const [key, document, message] of cases) {
      const refused = await pantau('operations', 'register', '--key', key, '--file', await file('refused.graphql', document));
      expect([refused.code, refused.err]).toEqual([2, [message]]);
    }
    expect(await database.prisma.keyOperation.count()).toBe(1);
  });

  it("with persisted-only mode for keys, a key runs its own and the widgets' operations only; admins anything", async () => {
    const ask = asker(createPantauYoga(database, { limits: { ...defaultLimits, persistedOnlyForKeys: true } }));
    expect((await ask(byHash(nightlyHash, { region: '53' }), keys.partner)).data?.metricSeries.total.value).toBe('21363');
    const [widgetHash] = [...loadPersistedOperations()].find(([, text]) => text.includes('query PantauCampaignTotals')) ?? [];
    expect((await ask(byHash(widgetHash ?? '', { slug: 'hbi-76-2026' }), keys.partner)).status).toBe(200);
    const arbitrary = await ask({ query: nightly, variables: { region: '53' } }, keys.partner);
    expect(arbitrary.status).toBe(403);
    expect(arbitrary.errors?.[0]).toMatchObject({
      message:
        'This API key may run only persisted operations: those of schema/operations and the ones an admin registered for the key (send extensions.persistedQuery.sha256Hash)',
      extensions: { code: 'PERSISTED_QUERY_ONLY' },
    });
    expect((await ask({ query: nightly, variables: { region: '53' } }, keys.admin)).data?.metricSeries.total.value).toBe('21363');
    // Anonymous callers follow their own switch, off here.
    expect((await ask({ query: nightly, variables: { region: '53' } })).status).toBe(200);
  });

  it('replaces an operation registered again under its name, and forgets a removed one', async () => {
    const changed = nightly.replace('regionCode: $region', 'regionCode: $region, from: "2025-01-01"');
    expect((await pantau('operations', 'register', '--key', 'bps-ntt', '--file', await file('nightly-2.graphql', changed))).code).toBe(0);
    const ask = asker(createPantauYoga(database));
    expect((await ask(byHash(nightlyHash, { region: '53' }), keys.partner)).status).toBe(404);
    const newHash = createHash('sha256').update(changed).digest('hex');
    expect((await ask(byHash(newHash, { region: '53' }), keys.partner)).data?.metricSeries.total.value).toBe('21363');
    expect((await pantau('operations', 'remove', '--key', 'bps-ntt', '--name', 'NightlyPassports')).code).toBe(0);
    expect((await ask(byHash(newHash, { region: '53' }), keys.partner)).status).toBe(404);
    const again = await pantau('operations', 'remove', '--key', 'bps-ntt', '--name', 'NightlyPassports');
    expect([again.code, again.err]).toEqual([2, ['Refused, nothing written: The key "bps-ntt" has no operation named "NightlyPassports"']]);
  });
});
