import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { runCommand } from './pantau-commands.ts';

const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');

/** Shell words of one command line: double and single quotes, no expansion (the README uses none). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const match of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(match[1] ?? match[2] ?? match[3] ?? '');
  return words;
}

/**
 * The first-hour commands (keys, sources, import) of the README's `sh` blocks, in the order a reader
 * meets them. Registering a key's operations needs a partner's own query file: its commands are run
 * by partner-operations/key-operations.test.ts.
 */
function readmeCommands(): string[][] {
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  return blocks
    .flatMap((block) => block.replace(/\\\n\s*/g, ' ').split('\n'))
    .filter((line) => line.startsWith('pnpm pantau '))
    .map((line) => shellWords(line).slice(2))
    .filter(([command]) => command === 'keys' || command === 'sources' || command === 'import');
}

/**
 * A partner's first hour, exactly as the README writes it, on a fresh database: keys (create, list,
 * revoke), the source, the dry run, the import, then the same import again (the replay the README
 * promises returns the first report and writes nothing).
 */
describe.each(testDatabaseKinds)('the README’s CLI sequence on %s', (kind) => {
  let database: TestDatabase;

  async function pantau(argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCommand(database, argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
  });
  afterAll(() => database?.close());

  it('runs every command in order, each as the README says', async () => {
    const commands = readmeCommands();
    expect(commands.map((argv) => argv.slice(0, 2).join(' '))).toEqual([
      'keys create',
      'keys list',
      'keys revoke',
      'sources create',
      'import server/samples/observations.csv',
      'import server/samples/observations.csv',
      'import server/samples/observations.csv',
      'import server/samples/observations.csv',
    ]);
    const observationsBefore = await database.prisma.observation.count();
    const results = [];
    for (const argv of commands) results.push({ argv: argv.join(' '), ...(await pantau(argv)) });
    const [created, listed, revoked, source, dryRun, imported, upserted, replaced] = results;
    for (const result of results) expect(result, result.argv).toMatchObject({ code: 0, err: '' });
    expect(created?.out).toMatch(/^Created key "kanwil-ntt"\. Copy it now/);
    expect(listed?.out).toMatch(/^kanwil-ntt\t\S+…\twrite:observations,read:restricted\tkanwil-ditjenim-ntt\tcreated /);
    expect(revoked?.out).toBe('Revoked "kanwil-ntt": it stops working with the next request.');
    expect(source?.out).toBe('Created source "kanwil-ntt-monthly-report-2026-01". Figures cite it with source "kanwil-ntt-monthly-report-2026-01".');
    // The sample holds three rows.
    expect(dryRun?.out).toMatch(/^3 rows read, 0 rejected \(dry run\): nothing written\./);
    expect(imported?.out).toMatch(/^3 rows read, 0 rejected: 3 observations written\./);
    expect(await database.prisma.observation.count()).toBe(observationsBefore + 3);
    // The same file again, as a correction (UPSERT) and as the office's whole January (REPLACE): every figure is already stored as it is.
    expect(upserted?.out).toMatch(/^3 rows read, 0 rejected: 0 observations written, 0 revised, 3 unchanged, 0 withdrawn\./);
    expect(replaced?.out).toMatch(/^3 rows read, 0 rejected: 0 observations written, 0 revised, 3 unchanged, 0 withdrawn\./);
    expect(await database.prisma.observation.count()).toBe(observationsBefore + 3);

    const replayed = await pantau(commands.at(-1) ?? []);
    expect(replayed.out).toMatch(/^3 rows read, 0 rejected: already imported earlier with this idempotency key: nothing written\./);
    expect(await database.prisma.observation.count()).toBe(observationsBefore + 3);
    expect((await pantau(['sources', 'list'])).out).toContain('kanwil-ntt-monthly-report-2026-01\tDATASET\tKanwil Ditjenim NTT');
  });
});
