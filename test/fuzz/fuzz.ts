import fc from 'fast-check';
import type { FuzzServer } from './fuzz-server.ts';
import { send, type RawRequest } from './raw-http.ts';
import { targets } from './targets.ts';
import { verdict } from './verdict.ts';

export interface FuzzOptions {
  /** Requests in all, shared among the targets by weight. */
  runs: number;
  seed: number;
  /** Called after each target with how many requests it sent. */
  progress?: (line: string) => void;
}

const healthQuery = JSON.stringify({ query: '{ campaign(slug: "hbi-76-2026") { slug } offices(first: 1) { totalCount } }' });

/** The server still answers: `/health` is 200 and a real query returns the seeded campaign. */
export async function checkHealthy(server: FuzzServer): Promise<string | null> {
  const health = await send(server.url, { method: 'GET', path: '/health' });
  if (health.status !== 200) return `/health answered ${health.status}: ${health.text}`;
  const answer = await send(server.url, { method: 'POST', path: '/graphql', headers: [['content-type', 'application/json']], body: healthQuery });
  const body = JSON.parse(answer.text) as { data?: { campaign?: { slug?: string }; offices?: { totalCount?: number } } };
  if (answer.status !== 200 || body.data?.campaign?.slug !== 'hbi-76-2026' || !body.data.offices?.totalCount)
    return `a real query answered ${answer.status}: ${answer.text.slice(0, 300)}`;
  return null;
}

const describe = (request: RawRequest) =>
  `${request.method} ${request.path.slice(0, 300)}\n  headers: ${JSON.stringify(request.headers ?? []).slice(0, 300)}\n  body: ${JSON.stringify(String(request.body ?? '')).slice(0, 600)}`;

/**
 * Sends seeded, reproducible hostile requests from every target and throws at the first answer that
 * breaks the verdict (fast-check shrinks it to a small case and names the seed to replay it).
 */
export async function runFuzz(server: FuzzServer, options: FuzzOptions): Promise<void> {
  const all = targets(server.keys);
  const totalWeight = all.reduce((sum, target) => sum + target.weight, 0);
  for (const [index, target] of all.entries()) {
    const numRuns = Math.max(1, Math.round((options.runs * target.weight) / totalWeight));
    const seed = (options.seed + index) | 0;
    const property = fc.asyncProperty(target.request, async (request) => {
      const response = await send(server.url, request).catch((error: unknown) => {
        throw new Error(`no HTTP answer (${String(error)})\n  request: ${describe(request)}`);
      });
      const problem = verdict(request, response);
      if (problem) throw new Error(`${problem}\n  request: ${describe(request)}`);
    });
    const started = performance.now();
    const result = await fc.check(property, { numRuns, seed, endOnFailure: false, maxSkipsPerRun: 0 });
    if (result.failed) {
      throw new Error(
        `Fuzz target "${target.name}" failed (replay: --seed ${options.seed}; fast-check seed ${result.seed}, path "${result.counterexamplePath}")\n${String(result.errorInstance instanceof Error ? result.errorInstance.message : result.errorInstance)}`,
      );
    }
    const unhealthy = await checkHealthy(server);
    if (unhealthy) throw new Error(`After fuzz target "${target.name}" (seed ${options.seed}): ${unhealthy}`);
    options.progress?.(`${target.name}: ${numRuns} requests, no 5xx (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
}
