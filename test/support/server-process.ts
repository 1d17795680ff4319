import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
// As `pnpm start` runs it: one Node process with tsx as a loader, so signals reach the server itself.
const serverArgs = ['--import', 'tsx', 'server/src/main.ts'];

export interface ServerProcess {
  readonly url: string;
  readonly output: () => string;
  /** Resolves once the server's output matches `pattern` (at once if it already does). */
  waitForOutput(pattern: RegExp): Promise<void>;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

/** Runs the server exactly as `pnpm start` does, in its own process, and waits until it is ready. */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 90_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, serverArgs, { cwd: root, env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Server not ready after ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = () => {
      const match = /ready at (http:\/\/\S+?)\s/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Server exited with code ${code}:\n${output}`));
    });
  });

  return {
    url,
    output: () => output,
    waitForOutput: (pattern) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (!pattern.test(output)) return;
          child.stdout?.off('data', check);
          child.stderr?.off('data', check);
          resolve();
        };
        child.stdout?.on('data', check);
        child.stderr?.on('data', check);
        check();
      }),
    async stop() {
      child.kill('SIGTERM');
      return exited(child);
    },
  };
}

/** Runs the server with a configuration that should be refused, and returns its exit code and output. */
export async function runRefusedServer(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, serverArgs, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await exited(child);
  return { code, output };
}
