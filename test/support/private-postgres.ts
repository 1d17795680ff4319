import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = '/usr/lib/postgresql/15/bin';

/** Whether this machine can run a throwaway PostgreSQL server: Debian's binaries, and root to become `postgres`. */
export const canRunPrivatePostgres = existsSync(join(bin, 'pg_ctl')) && process.getuid?.() === 0;

function asPostgres(command: string, args: string[]): string {
  const quoted = [command, ...args].map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(' ');
  return execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', quoted], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * A PostgreSQL server of the test's own, in a temporary folder on a free port, so a test can stop and
 * start it under a running Pantau without touching the cluster other test files share.
 */
export function createPrivatePostgres(port: number) {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-pg-'));
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(dir, uid, gid);
  const data = join(dir, 'data');
  asPostgres(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  /** The postmaster (first line of its pid file) and its children. */
  const signalAll = (signal: 'STOP' | 'CONT') => {
    const pid = readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '';
    execFileSync('pkill', [`-${signal}`, '-P', pid]);
    execFileSync('kill', [`-${signal}`, pid]);
  };
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const server = {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    start: () => void asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']),
    /** Stops at once, as a crash or a lost host would: open connections are cut. */
    stop: () => void asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']),
    /**
     * Freezes the server and every backend (SIGSTOP), as a hung host would: connections stay open and
     * nothing answers. `thaw` lets it go on.
     */
    freeze: () => signalAll('STOP'),
    thaw: () => signalAll('CONT'),
    remove: () => {
      try {
        server.stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}
