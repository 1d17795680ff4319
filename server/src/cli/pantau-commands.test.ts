import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { createApiKey } from '../auth/api-keys.ts';
import { multipartBody } from '../testing/multipart-upload.ts';
import { createPantauYoga } from '../yoga.ts';
import { runCommand } from './pantau-commands.ts';

const sample = (name: string) => fileURLToPath(new URL(`../../samples/${name}`, import.meta.url));

describe.each(testDatabaseKinds)('pnpm pantau on %s', (kind) => {
  let database: TestDatabase;
  let folder = '';

  /** Runs a command as `pnpm pantau` does, collecting what it prints. */
  async function pantau(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCommand(database, argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
    return { code, out, err };
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    folder = await mkdtemp(join(tmpdir(), 'pantau-cli-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
    await database.close();
  });

  it('refuses the sample before its source exists, then checks, imports and replays it (the README’s own order: readme-cli.test.ts)', async () => {
    const refusedFirst = await pantau('import', sample('observations.csv'), '--dry-run');
    expect(refusedFirst.code).toBe(2);
    expect(refusedFirst.out[0]).toBe('line 2 (record 1), column source: source must be a known source key (got "kanwil-ntt-monthly-report-2026-01"; create the source first)');

    const created = await pantau(
      'sources',
      'create',
      '--key',
      'kanwil-ntt-monthly-report-2026-01',
      '--publisher',
      'Kanwil Ditjenim NTT',
      '--title',
      'Laporan bulanan Januari 2026',
      '--claim-id',
      'Dokumen perjalanan dan kegiatan pencegahan TPPO Kanwil Ditjenim NTT, Januari 2026',
      '--claim-en',
      'Travel documents and TPPO-prevention activities of Kanwil Ditjenim NTT, January 2026',
    );
    expect(created).toEqual({ code: 0, out: ['Created source "kanwil-ntt-monthly-report-2026-01". Figures cite it with source "kanwil-ntt-monthly-report-2026-01".'], err: [] });
    expect((await pantau('sources', 'list')).out).toContainEqual(
      expect.stringMatching(/^kanwil-ntt-monthly-report-2026-01\tDATASET\tKanwil Ditjenim NTT\t-\tLaporan bulanan Januari 2026$/),
    );
    const duplicate = await pantau('sources', 'create', '--key', 'kanwil-ntt-monthly-report-2026-01', '--publisher', 'x', '--title', 'x', '--claim-id', 'x', '--claim-en', 'x');
    expect(duplicate.code).toBe(2);
    expect(duplicate.err).toEqual(['Source "kanwil-ntt-monthly-report-2026-01": the key, slug or village is already taken']);

    const dryRun = await pantau('import', sample('observations.csv'), '--dry-run');
    expect(dryRun.code).toBe(0);
    expect(dryRun.out).toEqual([expect.stringMatching(/^3 rows read, 0 rejected \(dry run\): nothing written\. File SHA-256 [0-9a-f]{64}$/)]);
    expect((await pantau('import', sample('observations.jsonl'), '--dry-run')).out).toEqual([expect.stringMatching(/^1 rows read, 0 rejected \(dry run\): nothing written\./)]);

    const before = await database.prisma.observation.count();
    const imported = await pantau('import', sample('observations.csv'), '--idempotency-key', 'kanwil-ntt-2026-01');
    expect(imported.out).toEqual([expect.stringMatching(/^3 rows read, 0 rejected: 3 observations written\./)]);
    const replayed = await pantau('import', sample('observations.csv'), '--idempotency-key', 'kanwil-ntt-2026-01');
    expect(replayed.out).toEqual([expect.stringMatching(/^3 rows read, 0 rejected: already imported earlier with this idempotency key: nothing written\./)]);
    expect(await database.prisma.observation.count()).toBe(before + 3);
  });

  it('gives the same report and the same refusal as the importObservations mutation', async () => {
    const key = (await createApiKey(database, { name: 'cli-parity', scopes: ['WRITE_OBSERVATIONS'] })).secret;
    const yoga = createPantauYoga(database);
    const viaApi = async (file: Uint8Array | string) => {
      const { body, contentType } = await multipartBody(file, 'figures.csv', { dryRun: true });
      const response = await yoga.fetch('http://pantau.test/graphql', {
        method: 'POST',
        headers: {
          accept: 'application/graphql-response+json',
          authorization: `Bearer ${key}`,
          'x-pantau-client': 'cli-test',
          'content-type': contentType,
          'content-length': String(body.length),
        },
        body,
      });
      return (await response.json()) as { data?: { importObservations: unknown }; errors?: { message: string; extensions: Record<string, unknown> }[] };
    };
    const files: Record<string, string | Uint8Array> = {
      'rejected-rows.csv':
        'metric;value;period_start;office_code;source\npassports_issued;1.234;2026-01-01;kanwil-ditjenim-ntt;kanwil-ntt-monthly-report-2026-01\npassports_issued;-3;2026-01-01;nowhere;kanwil-ntt-monthly-report-2026-01\n',
      'unclosed-quote.csv': 'metric,value,period_start,office_code,source\npassports_issued,"5,2026-01-01,kanwil-ditjenim-ntt,x\n',
      'compressed.csv': gzipSync('metric,value\n'),
    };
    for (const [name, content] of Object.entries(files)) {
      const path = join(folder, name);
      await writeFile(path, content);
      const cli = await pantau('import', path, '--dry-run', '--json');
      const api = await viaApi(content);
      const printed = JSON.parse(cli.out[0] ?? 'null') as { error?: { message: string; extensions: Record<string, unknown> } };
      if (api.errors) {
        expect(cli.code, name).toBe(2);
        const extensions = { ...api.errors[0]?.extensions };
        delete extensions.http;
        delete extensions.requestId; // one per request
        expect(printed, name).toEqual({ error: { message: api.errors[0]?.message, extensions } });
        // Without --json the CLI prints the same message.
        expect((await pantau('import', path, '--dry-run')).err, name).toEqual([`Refused, nothing written: ${api.errors[0]?.message}`]);
      } else {
        expect(printed, name).toEqual(api.data?.importObservations);
      }
    }
  });
});
