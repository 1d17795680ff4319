import { afterAll, beforeAll, expect } from 'vitest';
import { createTestDatabase, prepareDatabase, type TestDatabase } from '@pantau/prisma';
import { createApiKey } from '../auth/api-keys.ts';
import { createPantauYoga } from '../yoga.ts';

/** What the API answered; the tests read into `data` freely. */
export type Result = { status: number; data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] };

/**
 * A fresh seeded database and an in-process Yoga, opened before the suite's tests and closed after
 * them, with the keys the write tests act as (an admin, a read:restricted reader, the NTT regional
 * office limited to its own offices, an unlimited data desk) and the January 2026 NTT report their
 * figures cite.
 */
export function keyedYoga(kind: TestDatabase['kind']) {
  let database: TestDatabase;
  let yoga: ReturnType<typeof createPantauYoga>;
  const keys: Record<'admin' | 'reader' | 'ntt' | 'writer', string> = { admin: '', reader: '', ntt: '', writer: '' };

  async function send(body: BodyInit, headers: Record<string, string>, key?: string): Promise<Result> {
    const response = await yoga.fetch('http://pantau.test/graphql', {
      method: 'POST',
      headers: { accept: 'application/graphql-response+json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
      body,
    });
    return { status: response.status, ...((await response.json()) as object) };
  }

  const gql = (query: string, variables: Record<string, unknown> = {}, key?: string) => send(JSON.stringify({ query, variables }), { 'content-type': 'application/json' }, key);

  const counts = async () => ({ observations: await database.prisma.observation.count(), audit: await database.prisma.auditEntry.count() });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    yoga = createPantauYoga(database, { log: { error: (...args: unknown[]) => console.error(...args) } });
    keys.admin = (await createApiKey(database, { name: 'ministry-admin', scopes: ['ADMIN'] })).secret;
    keys.reader = (await createApiKey(database, { name: 'statistics-office', scopes: ['READ_RESTRICTED'] })).secret;
    keys.ntt = (await createApiKey(database, { name: 'kanwil-ntt', scopes: ['WRITE_OBSERVATIONS', 'READ_RESTRICTED'], officeCode: 'kanwil-ditjenim-ntt' })).secret;
    keys.writer = (await createApiKey(database, { name: 'data-desk', scopes: ['WRITE_OBSERVATIONS'] })).secret;
    const source = await gql(
      `mutation($input: SourceInput!) { createSource(input: $input) { source { key } } }`,
      {
        input: {
          key: 'kanwil-ntt-report-2026-01',
          kind: 'DATASET',
          publisher: 'Kanwil Ditjenim NTT',
          title: 'Laporan bulanan Januari 2026',
          claimId: 'Laporan bulanan',
          claimEn: 'Monthly report',
        },
      },
      keys.admin,
    );
    expect(source.errors).toBeUndefined();
  });
  afterAll(() => database.close());

  return { send, gql, counts, keys, database: () => database };
}
