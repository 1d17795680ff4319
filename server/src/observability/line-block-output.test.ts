import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { lineBlockOutput } from './line-block-output.ts';

const dir = mkdtempSync(join(tmpdir(), 'pantau-line-blocks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const child = fileURLToPath(new URL('./line-block-output.child.ts', import.meta.url));
const numbered = (count: number) => Array.from({ length: count }, (_, line) => `{"line":${line},"text":"baris ke-${line} · é 中 😀"}\n`);

/**
 * Runs the child writer with its standard output on a pipe. The pipe is read only once the child
 * says it has queued every line, so its writes first find the pipe full.
 */
function runChild(args: string[], { readAtOnce = false } = {}): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const process_ = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  process_.stdout.setEncoding('utf8');
  process_.stdout.on('data', (chunk: string) => (stdout += chunk));
  if (!readAtOnce) process_.stdout.pause();
  process_.stderr.setEncoding('utf8');
  process_.stderr.on('data', (chunk: string) => {
    stderr += chunk;
    if (stderr.includes('queued')) process_.stdout.resume();
  });
  return new Promise((resolve) => process_.on('close', (code) => resolve({ stdout, stderr, code })));
}

describe('the block output for log lines', () => {
  it('writes every line whole and in order, multi-byte characters and lines longer than a block too', async () => {
    const path = join(dir, 'lines.log');
    const fd = openSync(path, 'w');
    const output = lineBlockOutput(fd, { blockBytes: 256 });
    const long = `{"text":"${'ab·'.repeat(400)}"}\n`;
    const lines = [...numbered(3000).slice(0, 1500), long, ...numbered(3000).slice(1500)];
    for (const line of lines) output.write(line);
    await new Promise<void>((resolve, reject) => output.flush((error) => (error ? reject(error) : resolve())));
    closeSync(fd);
    expect(readFileSync(path, 'utf8')).toBe(lines.join(''));
  });

  it('writes a lone line of a quiet server without waiting for a block to fill', async () => {
    const path = join(dir, 'quiet.log');
    const fd = openSync(path, 'w');
    const output = lineBlockOutput(fd, { flushEveryMs: 20 });
    output.write('{"msg":"one line"}\n');
    await expect.poll(() => readFileSync(path, 'utf8'), { timeout: 10_000 }).toBe('{"msg":"one line"}\n');
    closeSync(fd);
  });

  it('waits for a full pipe and loses no line (20,000 lines of about 50 bytes)', async () => {
    const { stdout, stderr, code } = await runChild(['full', '20000']);
    expect(code).toBe(0);
    expect(stdout).toBe([...numbered(20_000), '{"line":"after"}\n'].join(''));
    const [, dropped, retries] = /done (\d+) (\d+)/.exec(stderr) ?? [];
    expect(dropped).toBe('0');
    // The reader started only once a write had met the full pipe.
    expect(Number(retries)).toBeGreaterThan(0);
  });

  it('drops what a reader cannot take beyond its bound and says how many lines it dropped', async () => {
    const { stdout, stderr } = await runChild(['all', '20000', '65536']);
    const [, dropped] = /queued (\d+)/.exec(stderr) ?? [];
    const lines = stdout.trimEnd().split('\n');
    const kept = numbered(20_000).slice(0, 20_000 - Number(dropped));
    expect(Number(dropped)).toBeGreaterThan(0);
    expect(lines.slice(0, kept.length).map((line) => `${line}\n`)).toEqual(kept);
    expect(JSON.parse(lines[kept.length] ?? '')).toMatchObject({ level: 40, msg: `${dropped} log lines dropped: the log output did not keep up` });
    expect(lines.slice(kept.length + 1)).toEqual(['{"line":"after"}']);
  });

  it('writes out what waits when the process exits at once', async () => {
    const { stdout, code } = await runChild(['exit', '20000'], { readAtOnce: true });
    expect(code).toBe(0);
    // A block on its way at the exit may be written twice; none is missing and all stay whole.
    const lines = stdout.trimEnd().split('\n');
    expect(new Set(lines).size).toBe(20_000);
    expect(new Set(lines)).toEqual(new Set(numbered(20_000).map((line) => line.trimEnd())));
  });
});
