import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { createApiKey } from './auth/api-keys.ts';
import { createRequestHandler } from './http/app.ts';
import { multipartBody } from './testing/multipart-upload.ts';
import { defaultLimits } from './protection/limits.ts';
import { createPantauYoga } from './yoga.ts';

const header = 'metric,value,period_start,period_end,office_code,region_code,source,dim.passport_type';

/** A valid CSV of at least `bytes` bytes: daily June 2025 figures for Kanwil Ditjenim NTT. */
function csvOfSize(bytes: number): string {
  const lines = [header];
  let size = header.length + 1;
  for (let i = 0; size < bytes; i += 1) {
    // A period of its own for each row (one figure per natural key): 9,000 start days from 2000, each with up to 31 lengths.
    const start = new Date(Date.UTC(2000, 0, 1 + (i % 9000)));
    const end = new Date(start.getTime() + Math.floor(i / 9000) * 86_400_000);
    const line = `passports_issued,${i + 1},${start.toISOString().slice(0, 10)},${end.toISOString().slice(0, 10)},kanwil-ditjenim-ntt,53,upload-limit-report,electronic`;
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

describe.each(testDatabaseKinds)('the upload limit on %s', (kind) => {
  let database: TestDatabase;
  let key = '';
  let server: Server;
  let url = '';
  let close: () => Promise<void> = async () => {};

  const counts = async () => ({
    observations: await database.prisma.observation.count(),
    audit: await database.prisma.auditEntry.count(),
    idempotency: await database.prisma.idempotencyRecord.count(),
  });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    key = (await createApiKey(database, { name: 'data-desk', scopes: ['WRITE_OBSERVATIONS'] })).secret;
    await database.prisma.source.create({
      data: {
        key: 'upload-limit-report',
        kind: 'DATASET',
        publisher: 'Kanwil Ditjenim NTT',
        title: 'Laporan bulanan Juni 2025',
        claimId: 'Laporan bulanan',
        claimEn: 'Monthly report',
      },
    });
    const handler = await createRequestHandler(database, { log: { error: (...args: unknown[]) => console.error(...args) } });
    server = createServer((request, response) => void handler.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    close = async () => {
      await handler.close();
      await new Promise((resolve) => server.close(resolve));
    };
  });
  afterAll(async () => {
    await close();
    await database.close();
  });

  it('refuses an upload over PANTAU_MAX_UPLOAD_BYTES with 413 naming the limit, writing nothing (yoga.fetch)', async () => {
    const limit = 64 * 1024;
    const yoga = createPantauYoga(database, { limits: { ...defaultLimits, maxUploadBytes: limit } });
    const before = await counts();
    const { body, contentType } = await multipartBody(csvOfSize(100 * 1024), 'figures.csv', { key: 'over-the-limit' });
    const response = await yoga.fetch('http://pantau.test/graphql', {
      method: 'POST',
      headers: {
        accept: 'application/graphql-response+json',
        authorization: `Bearer ${key}`,
        'x-pantau-client': 'upload-limit-test',
        'content-type': contentType,
        'content-length': String(body.length),
      },
      body,
    });
    expect(response.status).toBe(413);
    const answer = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(answer.errors[0]?.message).toBe(
      'The upload is larger than 65536 bytes (0.1 MB), the most this server accepts in one request. Split the file, or import it on the server with `pnpm pantau import FILE`',
    );
    expect(answer.errors[0]?.extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limit });
    // Under the limit, the same server takes it.
    const small = await multipartBody(csvOfSize(10 * 1024), 'figures.csv', { dryRun: true });
    const accepted = await yoga.fetch('http://pantau.test/graphql', {
      method: 'POST',
      headers: {
        accept: 'application/graphql-response+json',
        authorization: `Bearer ${key}`,
        'x-pantau-client': 'upload-limit-test',
        'content-type': small.contentType,
        'content-length': String(small.body.length),
      },
      body: small.body,
    });
    expect(accepted.status).toBe(200);
    expect(await counts()).toEqual(before);
  });

  it.runIf(kind === testDatabaseKinds[0])(
    'takes a 26 MB import over HTTP: Yoga no longer cuts uploads at 25 MB, the README’s 100 MB holds',
    async () => {
      const file = csvOfSize(26 * 1024 * 1024);
      const rows = file.split('\n').length - 2;
      const { body, contentType } = await multipartBody(file, 'figures.csv', { dryRun: true });
      expect(body.length).toBeGreaterThan(26 * 1024 * 1024);
      const response = await fetch(url, {
        method: 'POST',
        headers: { accept: 'application/graphql-response+json', authorization: `Bearer ${key}`, 'x-pantau-client': 'upload-limit-test', 'content-type': contentType },
        body: body as BodyInit,
      });
      const answer = (await response.json()) as { data?: { importObservations: Record<string, unknown> }; errors?: unknown[] };
      expect(answer.errors).toBeUndefined();
      expect(response.status).toBe(200);
      expect(answer.data?.importObservations).toMatchObject({ rows, rejectedCount: 0, inserted: 0, rolledBack: true });
    },
    600_000,
  ); // a hang guard: a 26 MB file on a loaded machine takes minutes
});
