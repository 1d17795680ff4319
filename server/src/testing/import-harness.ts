import { afterAll, beforeAll, expect } from 'vitest';
import { createTestDatabase, prepareDatabase, type TestDatabase } from '@pantau/prisma';
import { createApiKey } from '../auth/api-keys.ts';
import { createPantauYoga } from '../yoga.ts';
import { multipartBody } from './multipart-upload.ts';

/** The header and a valid row of the import tests' CSV files: a June 2025 figure for Kanwil Ditjenim NTT. */
export const header = 'metric,value,period_start,period_end,office_code,region_code,source,dim.passport_type';
export const row = (value = '610', day = '01') => `passports_issued,${value},2025-06-${day},2025-06-${day},kanwil-ditjenim-ntt,53,hostile-files-report,electronic`;
export const csv = (...lines: string[]) => `${lines.join('\n')}\n`;
export const bytes = (...parts: (string | number[] | Uint8Array)[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

/** The same rows as Excel writes them under Indonesian regional settings: `;` between fields. */
export const idHeader = header.replaceAll(',', ';');
export const idRow = (value: string, day = '01') => row('VALUE', day).replaceAll(',', ';').replace('VALUE', value);

/** What the API answered to an upload; the tests read into `data` freely. */
export interface ImportAnswer {
  status: number;
  idempotencyKey: string;
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export type UploadOptions = { filename?: string; format?: 'CSV' | 'JSONL'; dryRun?: boolean };

/**
 * A fresh database with a writing key and the source the rows cite, opened before the suite's tests
 * and closed after them, and the ways the tests send files.
 */
export function importHarness(kind: TestDatabase['kind']) {
  let database: TestDatabase;
  let yoga: ReturnType<typeof createPantauYoga>;
  let key = '';
  let nextKey = 0;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    yoga = createPantauYoga(database, { log: { error: (...args: unknown[]) => console.error(...args) } });
    key = (await createApiKey(database, { name: 'data-desk', scopes: ['WRITE_OBSERVATIONS'] })).secret;
    await database.prisma.source.create({
      data: {
        key: 'hostile-files-report',
        kind: 'DATASET',
        publisher: 'Kanwil Ditjenim NTT',
        title: 'Laporan bulanan Juni 2025',
        claimId: 'Laporan bulanan',
        claimEn: 'Monthly report',
      },
    });
  });
  afterAll(() => database.close());

  async function upload(file: Uint8Array | string, options: UploadOptions = {}): Promise<ImportAnswer> {
    // Every upload carries a fresh idempotency key, so the tests can show that none was recorded.
    const idempotencyKey = `hostile-${++nextKey}`;
    const { body, contentType } = await multipartBody(file, options.filename ?? 'figures.csv', {
      format: options.format ?? 'CSV',
      dryRun: options.dryRun ?? false,
      key: idempotencyKey,
    });
    const response = await yoga.fetch('http://pantau.test/graphql', {
      method: 'POST',
      headers: {
        accept: 'application/graphql-response+json',
        authorization: `Bearer ${key}`,
        'x-pantau-client': 'hostile-files-test',
        'content-type': contentType,
        'content-length': String(body.length),
      },
      body,
    });
    return { status: response.status, idempotencyKey, ...((await response.json()) as object) };
  }

  const counts = async () => ({
    observations: await database.prisma.observation.count(),
    audit: await database.prisma.auditEntry.count(),
    idempotency: await database.prisma.idempotencyRecord.count(),
  });

  /** Uploads a file that must be refused as a whole: 400, the message given, and nothing written. */
  async function expectRefused(file: Uint8Array | string, message: string, options: UploadOptions & { line?: number | null; column?: number | null } = {}) {
    const before = await counts();
    const answer = await upload(file, options);
    expect(answer.status, message).toBe(400);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]?.message).toBe(message);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'file', line: options.line === undefined ? expect.anything() : options.line });
    if (options.column !== undefined) expect(answer.errors?.[0]?.extensions?.column).toBe(options.column);
    expect(await counts()).toEqual(before);
  }

  return { upload, counts, expectRefused, database: () => database };
}
