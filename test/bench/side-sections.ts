// The bench's figures beside the read path's: embeds, the shared rate limiter and the cost of metrics
// and logs, each a few lines of RESULTS.md above the hand-written causes.
import { embedTables, type EmbedFigures } from './embeds.ts';
import type { LimiterComparison } from './limiter.ts';
import type { ObservabilityOverhead } from './observability-overhead.ts';

export interface SideFigures {
  embeds?: Record<string, EmbedFigures>;
  limiter?: LimiterComparison;
  observability?: ObservabilityOverhead;
}

const met = (ratio: number, floor: number) => (Number.isFinite(ratio) ? (ratio >= floor ? 'met' : `missed by ${((floor - ratio) * 100).toFixed(1)} points`) : 'not measured');

/** Markdown for whichever of the side figures the run has. */
export function sideSections({ embeds, limiter, observability }: SideFigures): string {
  const sections: string[] = [];
  if (embeds) sections.push(`## Embeds\n\n${embedTables(embeds)}`);
  if (limiter) {
    sections.push(
      [
        '## Rate limiter shared through PostgreSQL (issue 18)',
        '',
        '| warm campaign totals | requests/s | p99 |',
        '| --- | ---: | ---: |',
        `| limiter in memory | ${limiter.memory.rps.toFixed(0)} | ${limiter.memory.p99} ms |`,
        `| limiter shared through the database | ${limiter.shared.rps.toFixed(0)} | ${limiter.shared.p99} ms |`,
        '',
        `shared / in memory, median of the paired runs: ${limiter.ratio.toFixed(3)} (target at least 0.9: ${met(limiter.ratio, 0.9)})`,
      ].join('\n'),
    );
  }
  if (observability) {
    const o = observability;
    sections.push(
      [
        '## Metrics and JSON logs on warm cached reads (issue 19)',
        '',
        '| warm cached read, two servers side by side | requests/s | server CPU a request |',
        '| --- | ---: | ---: |',
        `| without metrics and logs | ${o.withoutRps.toFixed(0)} | ${o.withoutCpuUs.toFixed(1)} µs |`,
        `| with metrics and JSON logs | ${o.withRps.toFixed(0)} | ${o.withCpuUs.toFixed(1)} µs |`,
        '',
        `CPU a request without / with: ${o.cpuRatio.toFixed(3)}, throughput with / without: ${o.ratio.toFixed(3)} (target at least 0.9: ${met(o.cpuRatio, 0.9)})`,
      ].join('\n'),
    );
  }
  return sections.join('\n\n');
}
