import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';

describe('one process at a time on an embedded database directory', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pantau-lock-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a second opening while the first is open, saying what to do, and allows it once closed', async () => {
    const first = await openDatabase({ dataDir });
    await expect(openDatabase({ dataDir })).rejects.toThrow(
      `The embedded database in ${dataDir} is open in another Pantau process (pid ${process.pid}). PGlite serves one process at a time: stop the server`,
    );
    // The refused opening did not disturb the first.
    expect(await first.prisma.$queryRawUnsafe<{ one: number }[]>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await first.close();
    const second = await openDatabase({ dataDir });
    expect(await second.prisma.$queryRawUnsafe<{ one: number }[]>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await second.close();
  });

  it('takes over the claim of a process that died without releasing it', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(join(dataDir, 'pantau.pid'), dead.stdout);
    const database = await openDatabase({ dataDir });
    await database.close();
  });
});
