import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@pantau/prisma';
import { createApiKey, revokeApiKey } from './auth/api-keys.ts';
import { loadPersistedOperations } from '@pantau/schema/persisted-operations';
import { defaultLimits } from './protection/limits.ts';
import { createPantauYoga } from './yoga.ts';
import { keyedYoga } from './testing/keyed-yoga.ts';

/** The observation input the tests vary: a January 2026 figure for Kanwil Ditjenim NTT. */
const nttFigure = {
  metric: 'passports_issued',
  value: '610',
  periodStart: '2026-01-01',
  periodEnd: '2026-01-31',
  officeCode: 'kanwil-ditjenim-ntt',
  regionCode: '53',
  source: 'kanwil-ntt-report-2026-01',
  dimensions: [{ key: 'passport_type', value: 'ordinary' }],
};

const createObservation = `mutation($input: ObservationInput!, $key: String) {
  createObservation(input: $input, idempotencyKey: $key) { observation { id value published office { code } } }
}`;

describe.each(testDatabaseKinds)('partner access on %s', (kind) => {
  const { gql, counts, keys, database } = keyedYoga(kind);

  it('refuses a mutation without a key (401) or with the wrong scope (403), writing nothing', async () => {
    const before = await counts();
    const anonymous = await gql(createObservation, { input: nttFigure });
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0]?.message).toBe('`createObservation` needs an API key (Authorization: Bearer <key>)');
    const reader = await gql(createObservation, { input: nttFigure }, keys.reader);
    expect(reader.status).toBe(403);
    expect(reader.errors?.[0]?.message).toBe('The API key "statistics-office" lacks the scope `createObservation` needs');
    const writerMakingSource = await gql(`mutation { deleteSource(id: "U291cmNlOjE=") { deletedId } }`, {}, keys.writer);
    expect(writerMakingSource.status).toBe(403);
    const wrongKey = await gql(createObservation, { input: nttFigure }, 'pantau_not-a-real-key');
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.errors?.[0]?.message).toBe('Unknown API key');
    expect(await counts()).toEqual(before);
  });

  it('keeps a key limited to one office away from other offices’ figures', async () => {
    const before = await counts();
    const other = await gql(createObservation, { input: { ...nttFigure, officeCode: 'kanim-tangerang', regionCode: '36.71' } }, keys.ntt);
    // Outside the key's offices is a matter of permission (403), as for updates and deletes.
    expect(other.status).toBe(403);
    expect(other.errors?.[0]?.message).toBe(
      'This API key may only write figures of its own office and the offices under it; `input.officeCode` "kanim-tangerang" is another office\'s',
    );
    expect(await counts()).toEqual(before);
    const own = await gql(createObservation, { input: nttFigure }, keys.ntt);
    expect(own.errors).toBeUndefined();
    expect(own.data?.createObservation.observation).toMatchObject({ value: '610', published: false, office: { code: 'kanwil-ditjenim-ntt' } });
    expect(await counts()).toEqual({ observations: before.observations + 1, audit: before.audit + 1 });
  });

  it('writes once for one idempotency key, refuses the key with another payload, and survives a concurrent retry', async () => {
    const before = await counts();
    // One figure per key (metric, period, office, place, dimensions): these cover halves of the month.
    const firstHalf = { ...nttFigure, value: '11', periodEnd: '2026-01-15' };
    const first = await gql(createObservation, { input: firstHalf, key: 'jan-ordinary-1' }, keys.writer);
    const again = await gql(createObservation, { input: firstHalf, key: 'jan-ordinary-1' }, keys.writer);
    expect(again.data).toEqual(first.data);
    expect(await counts()).toEqual({ observations: before.observations + 1, audit: before.audit + 1 });
    const changed = await gql(createObservation, { input: { ...firstHalf, value: '12' }, key: 'jan-ordinary-1' }, keys.writer);
    expect(changed.status).toBe(409);
    expect(changed.errors?.[0]?.message).toBe('`idempotencyKey` "jan-ordinary-1" was already used for a different request (observation.create); use a new key for a new request');
    const concurrent = await Promise.all(
      [1, 2, 3].map(() => gql(createObservation, { input: { ...nttFigure, value: '13', periodStart: '2026-01-16' }, key: 'jan-ordinary-2' }, keys.writer)),
    );
    expect(concurrent.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    expect(new Set(concurrent.map((r) => r.data?.createObservation.observation.id)).size).toBe(1);
    expect(await counts()).toEqual({ observations: before.observations + 2, audit: before.audit + 2 });
  });

  it('keeps unpublished figures out of public reads until an admin publishes them', async () => {
    const total = `query($unpublished: Boolean) { metricSeries(metric: "passports_issued", filter: { regionCode: "53", from: "2026-01-01", to: "2026-01-31" }, includeUnpublished: $unpublished) { total { value } } }`;
    expect((await gql(total)).data?.metricSeries.total).toBeNull();
    expect((await gql(total, { unpublished: true })).status).toBe(403);
    const restricted = await gql(total, { unpublished: true }, keys.reader);
    expect(restricted.data?.metricSeries.total).toEqual({ value: '634' });
    const ids = (await database().prisma.observation.findMany({ where: { published: false, periodStart: { gte: new Date('2026-01-01') } }, select: { id: true } })).map((o) =>
      Buffer.from(`Observation:${o.id}`).toString('base64'),
    );
    const published = await gql(`mutation($ids: [ID!]!) { publishObservations(ids: $ids) { published } }`, { ids }, keys.admin);
    expect(published.data?.publishObservations.published).toBe(ids.length);
    expect((await gql(total)).data?.metricSeries.total).toEqual({ value: '634' });
  });

  it('stops a revoked key at once', async () => {
    const { secret } = await createApiKey(database(), { name: 'short-lived', scopes: ['WRITE_OBSERVATIONS'] });
    expect((await gql(createObservation, { input: { ...nttFigure, value: '1', periodEnd: '2026-01-01' } }, secret)).errors).toBeUndefined();
    await revokeApiKey(database(), 'short-lived');
    const refused = await gql(createObservation, { input: { ...nttFigure, value: '2' } }, secret);
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.message).toBe('This API key has been revoked');
  });

  it('runs only persisted operations for anonymous callers when so configured, anything for keyed ones', async () => {
    const strict = createPantauYoga(database(), { limits: { ...defaultLimits, persistedOnlyForAnonymous: true } });
    const [hash, document] = [...loadPersistedOperations()].find(([, text]) => text.includes('query PantauCampaignTotals')) ?? [];
    const ask = async (body: object, key?: string) => {
      const response = await strict.fetch('http://pantau.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify(body),
      });
      return { status: response.status, ...((await response.json()) as { data?: any; errors?: { message: string }[] }) };
    };
    const persisted = await ask({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } }, variables: { slug: 'hbi-76-2026' } });
    expect(persisted.data?.campaignTotals.metrics.map((m: any) => m.value)).toContain('20000');
    const arbitrary = await ask({ query: document, variables: { slug: 'hbi-76-2026' } });
    expect(arbitrary.status).toBe(403);
    expect(arbitrary.errors?.[0]?.message).toBe('Without an API key, only the persisted operations of schema/operations may run (send extensions.persistedQuery.sha256Hash)');
    expect((await ask({ query: document, variables: { slug: 'hbi-76-2026' } }, keys.reader)).status).toBe(200);
    const unknown = await ask({ extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } });
    expect(unknown.status).toBe(404);
    expect(unknown.errors?.[0]?.message).toBe('PersistedQueryNotFound');
  });

  it('records every accepted change in the audit log, readable by admins only', async () => {
    const log = await gql(`{ auditLog(first: 100) { totalCount edges { node { actor action idempotencyKey inserted } } } }`, {}, keys.admin);
    const entries = log.data?.auditLog.edges.map((e: any) => e.node) ?? [];
    expect(log.data?.auditLog.totalCount).toBe(await database().prisma.auditEntry.count());
    expect(entries.map((e: any) => e.action).sort()).toEqual(
      ['observation.create', 'observation.create', 'observation.create', 'observation.create', 'observation.publish', 'source.create'].sort(),
    );
    expect(entries).toContainEqual({ actor: 'data-desk', action: 'observation.create', idempotencyKey: 'jan-ordinary-2', inserted: 1 });
    expect((await gql(`{ auditLog(first: 1) { totalCount } }`, {}, keys.reader)).status).toBe(403);
  });

  it('refuses the same way before execution and in resolvers: 400 input, 403 office limits on create, update and delete, each error with a code and request id', async () => {
    const before = await counts();
    const badKeys = ['', 'x'.repeat(201), 'tab\there', 'kunci-ñ'];
    for (const idempotencyKey of badKeys) {
      const refused = await gql(createObservation, { input: nttFigure, key: idempotencyKey }, keys.writer);
      expect(refused.status, JSON.stringify(idempotencyKey)).toBe(400);
      expect(refused.errors?.[0]?.extensions?.violations?.[0]?.field).toBe('idempotencyKey');
    }
    // `first` from a variable's default is held to the page cap like a literal, before any resolver.
    const byDefault = await gql('query($n: Int = 100000) { offices(first: $n) { totalCount } }');
    expect(byDefault.status).toBe(400);
    expect(byDefault.errors?.[0]?.message).toBe('Argument `first` must be between 0 and 500 (got 100000)');
    expect(await counts()).toEqual(before);

    // A figure of another office, written by an unlimited key; the NTT key may neither change nor delete it.
    const theirs = await gql(createObservation, { input: { ...nttFigure, officeCode: 'kanim-tangerang', regionCode: '36.71' } }, keys.writer);
    const id = theirs.data?.createObservation.observation.id as string;
    const afterWrite = await counts();
    const update = await gql(
      'mutation($id: ID!, $input: ObservationInput!) { updateObservation(id: $id, input: $input) { observation { id } } }',
      { id, input: { ...nttFigure, officeCode: 'kanim-tangerang', regionCode: '36.71', value: '1' } },
      keys.ntt,
    );
    const remove = await gql('mutation($id: ID!) { deleteObservation(id: $id) { deletedId } }', { id }, keys.ntt);
    for (const refused of [update, remove]) {
      expect(refused.status).toBe(403);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await counts()).toEqual(afterWrite);

    for (const refused of [byDefault, update, remove, await gql(createObservation, { input: nttFigure }), await gql('{ metric(key: 1) }')]) {
      expect(refused.errors?.[0]?.extensions?.code, JSON.stringify(refused.errors)).toEqual(expect.any(String));
      expect(refused.errors?.[0]?.extensions?.requestId, JSON.stringify(refused.errors)).toEqual(expect.any(String));
    }
  });
});
