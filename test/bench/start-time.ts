// `pnpm bench:start`: how long `pnpm start` takes until it serves, on a new embedded database (first
// start: migrate, seed, synthetic data) and again on the same data (later start). Each run is stopped
// by SIGTERM to the pnpm process itself, as a supervisor or Ctrl-C would, and must leave no server behind.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function timedStart(dataDir: string): Promise<{ seconds: number; url: string }> {
  const started = performance.now();
  const child = spawn('pnpm', ['--silent', 'start'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PANTAU_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready at (http:\/\/\S+?)\s/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`pnpm start exited with ${code}:\n${output}`)));
  });
  const seconds = (performance.now() - started) / 1000;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
  // The server must be gone with pnpm: a refused connection, not an answer.
  const stillServing = await fetch(`${url}/health`).then(
    () => true,
    () => false,
  );
  if (stillServing) throw new Error(`SIGTERM to pnpm left the server at ${url} running`);
  return { seconds, url };
}

const dataDir = mkdtempSync(join(tmpdir(), 'pantau-start-time-'));
try {
  const first = await timedStart(dataDir);
  const later = await timedStart(dataDir);
  console.log(`first start (new database): ${first.seconds.toFixed(1)} s (target 20 s)`);
  console.log(`later start (same database): ${later.seconds.toFixed(1)} s (target 5 s)`);
  console.log('SIGTERM to pnpm stopped the server both times');
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
