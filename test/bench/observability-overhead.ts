// `pnpm bench:observability`: warm cached reads (a widget's persisted GET answered from the answer
// cache) against two servers side by side in one run, one with metrics and JSON request logs, one
// with neither, and the ratio. The budget: at most 10% fewer requests a second.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { loadPersistedOperations } from '@pantau/schema/persisted-operations';

const root = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = 9;
const SECONDS = 3;
const WARM_SECONDS = 6;
/** Two servers a variant: one process may settle into a slower state than another of the same code, for its life. */
const PROCESSES = 2;
const CONNECTIONS = 10;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

interface Variant {
  name: string;
  env: Record<string, string>;
}

const variants: Variant[] = [
  { name: 'without metrics and logs', env: { PANTAU_METRICS: '0', PANTAU_LOG_LEVEL: 'silent' } },
  { name: 'with metrics and JSON logs', env: { PANTAU_METRICS: '1', PANTAU_LOG_LEVEL: 'info' } },
];

/** A port free now: the silent variant prints no "ready at" line to read its port from. */
function freePort(): Promise<number> {
  const server = createServer();
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    }),
  );
}

/** A server process whose log lines go to a file, as a log shipper would read them; resolves once it answers. */
async function startVariant(variant: Variant, dir: string, copy: number): Promise<{ url: string; child: ChildProcess; logFile: string }> {
  const logFile = join(dir, `${variant.env.PANTAU_LOG_LEVEL}-${copy}.log`);
  const out = openSync(logFile, 'w');
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PANTAU_DATA_DIR: 'memory://',
    PANTAU_SYNTHETIC: 'none',
    PANTAU_RATE_LIMIT_BURST: '100000000',
    PANTAU_RATE_LIMIT_PER_SECOND: '100000000',
    ...variant.env,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: root, env, stdio: ['ignore', out, out] });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if ((await fetch(`${url}/health/live`).catch(() => null))?.ok) return { url, child, logFile };
    if (child.exitCode !== null) throw new Error(`${variant.name}: the server exited with ${child.exitCode}:\n${readFileSync(logFile, 'utf8')}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc: steadier than throughput on a shared machine. */
function cpuSecondsOf(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime, fields 14 and 15 of stat (11 and 12 after the command name), in clock ticks of 1/100 s.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function warmRead(base: string): string {
  const hash = [...loadPersistedOperations()].find(([, document]) => document.includes('query PantauCampaignTotals('))?.[0] ?? '';
  const url = new URL(`${base}/graphql`);
  url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
  url.searchParams.set('variables', JSON.stringify({ slug: 'hbi-76-2026', includeSynthetic: true }));
  return url.href;
}

export interface ObservabilityOverhead {
  withoutRps: number;
  withRps: number;
  /** Requests a second with metrics and logs, over those without: 0.9 is the budget's floor. */
  ratio: number;
  /** The servers' CPU time per request, in microseconds. */
  withoutCpuUs: number;
  withCpuUs: number;
  /** CPU per request without, over with: what throughput would be on a machine of its own (also at most 10% lower). */
  cpuRatio: number;
}

/** A server of one variant: its `n`th process. */
interface Running {
  variant: number;
  url: string;
  child: ChildProcess;
  logFile: string;
}

/**
 * Runs both variants, PROCESSES servers each, in turn RUNS times, after a warm-up of WARM_SECONDS
 * each; a run's ratio compares the variants' means over their processes, and the medians are taken.
 */
export async function measureObservabilityOverhead(log: (line: string) => void = console.log): Promise<ObservabilityOverhead> {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-bench-observability-'));
  const servers: Running[] = [];
  try {
    // One at a time: a port found free is taken before the next is looked for.
    for (let copy = 0; copy < PROCESSES; copy += 1) {
      for (const [variant, settings] of variants.entries()) servers.push({ variant, ...(await startVariant(settings, dir, copy)) });
    }
    const urls = servers.map((server) => warmRead(server.url));
    const load = (url: string, duration: number) => autocannon({ url, connections: CONNECTIONS, duration, headers: { 'x-pantau-client': 'bench' } });
    for (const url of urls) {
      const first = await fetch(url, { headers: { 'x-pantau-client': 'bench' } });
      if (first.status !== 200) throw new Error(`Warm-up answered ${first.status}: ${await first.text()}`);
    }
    // A new process's CPU a request still falls over its first tens of thousands of requests (the
    // compiler at work): measured without a warm-up, the first runs weigh that, not the variant.
    for (const url of urls) await load(url, WARM_SECONDS);
    const rps: number[][] = servers.map(() => []);
    const cpuUs: number[][] = servers.map(() => []);
    for (let run = 0; run < RUNS; run += 1) {
      // In turn, forwards on even runs and backwards on odd ones, so a slower minute of the shared machine falls on both variants.
      const order = servers.map((_, i) => (run % 2 === 0 ? i : servers.length - 1 - i));
      for (const i of order) {
        const server = servers[i] as Running;
        const cpuBefore = cpuSecondsOf(server.child.pid);
        const result = await load(urls[i] as string, SECONDS);
        const perRequest = ((cpuSecondsOf(server.child.pid) - cpuBefore) / result.requests.total) * 1e6;
        const name = `${variants[server.variant]?.name} (${Math.floor(i / variants.length) + 1})`;
        if (result.non2xx > 0 || result.errors > 0) throw new Error(`${name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
        rps[i]?.push(result.requests.average);
        cpuUs[i]?.push(perRequest);
        log(`  run ${run + 1}, ${name}: ${result.requests.average.toFixed(0)} requests/s, p99 ${result.latency.p99} ms, ${perRequest.toFixed(1)} µs CPU a request`);
      }
    }
    /** Each run's mean over a variant's processes. */
    const perRun = (values: number[][], variant: number) =>
      Array.from({ length: RUNS }, (_, run) => {
        const ofVariant = servers.flatMap((server, i) => (server.variant === variant ? [values[i]?.[run] ?? NaN] : []));
        return ofVariant.reduce((sum, value) => sum + value, 0) / ofVariant.length;
      });
    const [withoutRpsRuns, withRpsRuns] = [perRun(rps, 0), perRun(rps, 1)];
    const [withoutCpuRuns, withCpuRuns] = [perRun(cpuUs, 0), perRun(cpuUs, 1)];
    const [withoutRps, withRps, withoutCpuUs, withCpuUs] = [withoutRpsRuns, withRpsRuns, withoutCpuRuns, withCpuRuns].map(median) as [number, number, number, number];
    // A run's measurements were taken seconds apart: their ratios vary less than the medians' ratio.
    const ratio = median(withRpsRuns.map((value, run) => value / (withoutRpsRuns[run] ?? NaN)));
    const cpuRatio = median(withoutCpuRuns.map((value, run) => value / (withCpuRuns[run] ?? NaN)));
    const logged = servers
      .filter((server) => server.variant === 1)
      .reduce(
        (sum, server) =>
          sum +
          readFileSync(server.logFile, 'utf8')
            .split('\n')
            .filter((line) => line.includes('"msg":"request"')).length,
        0,
      );
    log(
      `\n| warm cached read (campaign totals), ${CONNECTIONS} connections, ${PROCESSES} processes a variant, median of ${RUNS} × ${SECONDS} s after ${WARM_SECONDS} s of warm-up | requests/s | server CPU a request |\n| --- | ---: | ---: |`,
    );
    log(`| ${variants[0]?.name} | ${withoutRps.toFixed(0)} | ${withoutCpuUs.toFixed(1)} µs |\n| ${variants[1]?.name} | ${withRps.toFixed(0)} | ${withCpuUs.toFixed(1)} µs |`);
    log(
      `\nthroughput with / without: ${ratio.toFixed(3)}; CPU a request without / with: ${cpuRatio.toFixed(3)} (medians of the ${RUNS} runs' ratios; ${logged} request lines logged)`,
    );
    return { withoutRps, withRps, ratio, withoutCpuUs, withCpuUs, cpuRatio };
  } finally {
    for (const server of servers) server.child.kill('SIGTERM');
    await Promise.all(servers.map((server) => new Promise((resolve) => (server.child.exitCode !== null ? resolve(null) : server.child.once('exit', resolve)))));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { ratio, cpuRatio } = await measureObservabilityOverhead();
  // Throughput on a machine shared with other work swings by more than the budget between runs; the
  // CPU each request costs the server does not, so it decides.
  if (cpuRatio < 0.9) {
    console.error(`Metrics and logging cost more than 10% of warm cached reads (CPU a request, without / with: ${cpuRatio.toFixed(3)}; throughput ratio ${ratio.toFixed(3)})`);
    process.exitCode = 1;
  }
}
