// bench/RESULTS.md from the figures of one run (bench/results.json). Everything below the causes
// marker is written by hand after a run, and kept when the figures are rendered again.
import type { Load } from './measure.ts';
import type { OperationLoad } from './server-bench.ts';

export interface PhaseSeconds {
  references: number;
  copy: number;
  rollups: number;
  total: number;
  reused: boolean;
}

export interface BenchResults {
  date: string;
  machine: string;
  scale: string;
  dataset: {
    observations: number;
    offices: number;
    partnerVillages: number;
    /** Seconds per phase of the load that made the cached copy this run started from (`reused`: loaded by an earlier run). */
    postgresLoad: PhaseSeconds;
    xlarge: { copySeconds: number; rollupSeconds: number } | null;
    pgliteLoad: PhaseSeconds | null;
  };
  settings: { runs: number; secondsPerRun: number; coldRuns: number; coldSecondsPerRun: number; connections: number };
  operations: Record<string, OperationLoad>;
  bareYoga: Load;
  statements: { ten: number; hundred: number };
  singleClientP50: { postgresql: Record<string, number>; pglite: Record<string, number> | null };
  nationalMap: { ms: number; bytes: number };
  readsUnderWrites: Load & { writes: number; writeP50: number };
  singleWriteMs: number;
  widgets: { oneWidgetGzip: number; allFourGzip: number; firstChartMs: number };
  imports: { rows: number; importSeconds: number; copySeconds: number; importRowsPerSecond: number; copyRowsPerSecond: number } | null;
  /** The machine's 1-minute load average when the run started and ended (other processes share the cores). */
  loadAverage: { start: number; end: number };
  totalSeconds: number;
}

const requiredPaths = [
  'date',
  'machine',
  'scale',
  'dataset.observations',
  'dataset.postgresLoad.total',
  'settings.coldSecondsPerRun',
  'operations',
  'bareYoga.rps',
  'statements.ten',
  'singleClientP50.postgresql',
  'nationalMap.ms',
  'readsUnderWrites.p99',
  'singleWriteMs',
  'widgets.firstChartMs',
  'loadAverage.start',
  'totalSeconds',
];

/** bench/results.json as `pnpm bench` writes it; a file of an older format is refused, naming the first field it lacks. */
export function parseResults(text: string): BenchResults {
  // A figure not measured is NaN in the run and null in JSON; the sections that may be absent stay null.
  const maybeAbsent = new Set(['xlarge', 'pgliteLoad', 'pglite', 'imports']);
  const results = JSON.parse(text, (key, value: unknown) => (value === null && !maybeAbsent.has(key) ? NaN : value)) as unknown;
  for (const path of requiredPaths) {
    const value = path.split('.').reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), results);
    if (value === undefined) throw new Error(`bench/results.json has no ${path}: it was written by another version of the bench; run \`pnpm bench\` again`);
  }
  return results as BenchResults;
}

export const causesMarker = '<!-- causes: written by hand after the run; kept by `pnpm bench --render` -->';

const n = (value: number, digits = 0) => (Number.isFinite(value) ? value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–');
const kB = (bytes: number) => `${n(bytes / 1000, 1)} kB`;
const verdict = (ok: boolean, shortBy: string) => (ok ? 'met' : `missed, by ${shortBy}`);
const atMost = (value: number, limit: number, unit = '', digits = 0) => verdict(value <= limit, `${n(value - limit, digits)}${unit}`);
const atLeast = (value: number, limit: number, digits = 2) => verdict(value >= limit, n(limit - value, digits));

function operationRows(r: BenchResults): string[] {
  return Object.entries(r.operations).map(([name, o]) => {
    const cold = o.cold.rps === 0 ? `0 | none within ${r.settings.coldSecondsPerRun} s` : `${n(o.cold.rps)} | ${n(o.cold.p50)} / ${n(o.cold.p99)}`;
    return `| ${name} | ${kB(o.bytes)} | ${n(o.warm.rps)} | ${n(o.warm.p50)} / ${n(o.warm.p99)} | ${n(o.ceiling.rps)} | ${n(o.warm.rps / o.ceiling.rps, 2)} | ${cold} | ${n(o.cold.rps / r.bareYoga.rps, 2)} | ${n(o.floor.rps)} | ${n(o.cold.rps / o.floor.rps, 2)} |`;
  });
}

function targetRows(r: BenchResults): string[] {
  const tenMillion = r.scale === 'xlarge';
  const singleLimit = tenMillion ? 50 : 20;
  const rows: string[] = [];
  for (const [name, p50] of Object.entries(r.singleClientP50.postgresql))
    rows.push(`| ${name}: one client, cold, p50 | ${n(p50)} ms | ≤ ${singleLimit} ms | ${atMost(p50, singleLimit, ' ms')} |`);
  rows.push(
    `| national map: one cold request, time and size | ${n(r.nationalMap.ms)} ms, ${kB(r.nationalMap.bytes)} | ≤ 150 ms, ≤ 1,000 kB | ${r.nationalMap.ms <= 150 && r.nationalMap.bytes <= 1_000_000 ? 'met' : `missed, by ${n(Math.max(0, r.nationalMap.ms - 150))} ms and ${kB(Math.max(0, r.nationalMap.bytes - 1_000_000))}`} |`,
  );
  for (const [name, o] of Object.entries(r.operations)) {
    const none = o.cold.rps === 0;
    rows.push(
      `| ${name}: 50 connections, cold ÷ bare Yoga (${n(r.bareYoga.rps)} req/s) | ${n(o.cold.rps / r.bareYoga.rps, 2)} | ≥ 0.5 | ${atLeast(o.cold.rps / r.bareYoga.rps, 0.5)} |`,
    );
    rows.push(
      `| ${name}: 50 connections, cold p99 ÷ p50 | ${none ? 'no answers' : n(o.cold.p99 / Math.max(o.cold.p50, 1), 1)} | ≤ 3 | ${none ? 'missed (no answers)' : atMost(o.cold.p99 / Math.max(o.cold.p50, 1), 3, '', 1)} |`,
    );
    rows.push(`| ${name}: cold ÷ hand-written SQL floor | ${n(o.cold.rps / o.floor.rps, 2)} | ≥ 0.6 | ${atLeast(o.cold.rps / o.floor.rps, 0.6)} |`);
    rows.push(`| ${name}: warm (cached GET) ÷ node:http ceiling | ${n(o.warm.rps / o.ceiling.rps, 2)} | ≥ 0.5 | ${atLeast(o.warm.rps / o.ceiling.rps, 0.5)} |`);
  }
  const w = r.readsUnderWrites;
  rows.push(
    `| widget reads at 50 connections, one write a second (${w.writes} writes): read p99 | ${n(w.p99)} ms (p50 ${n(w.p50)} ms, ${n(w.rps)} req/s, ${w.failures} failures) | ≤ 100 ms | ${atMost(w.p99, 100, ' ms')} |`,
  );
  rows.push(`| single-row write (createObservation), idle server, p50 of 30 | ${n(r.singleWriteMs, 1)} ms | ≤ 10 ms | ${atMost(r.singleWriteMs, 10, ' ms', 1)} |`);
  if (r.imports) {
    const ratio = r.imports.importRowsPerSecond / r.imports.copyRowsPerSecond;
    rows.push(
      `| import of ${n(r.imports.rows)} CSV rows ÷ PostgreSQL COPY | ${n(r.imports.importRowsPerSecond)} ÷ ${n(r.imports.copyRowsPerSecond)} rows/s = ${n(ratio, 2)} (${n(r.imports.importSeconds, 1)} s vs ${n(r.imports.copySeconds, 1)} s) | ≥ 0.5 | ${atLeast(ratio, 0.5)} |`,
    );
  }
  for (const [name, postgres] of Object.entries(r.singleClientP50.postgresql)) {
    const pglite = r.singleClientP50.pglite?.[name];
    if (pglite === undefined) continue;
    const ratio = pglite / Math.max(postgres, 1);
    rows.push(`| ${name}: PGlite ÷ PostgreSQL, one client, p50 | ${n(ratio, 1)} (${n(pglite)} / ${n(postgres)} ms) | ≤ 2.5 | ${atMost(ratio, 2.5, '', 1)} |`);
  }
  rows.push(
    `| SQL statements, 10 vs 100 offices with regions and observations | ${r.statements.ten} vs ${r.statements.hundred} | equal | ${verdict(r.statements.ten === r.statements.hundred, `${r.statements.hundred - r.statements.ten} statements`)} |`,
  );
  rows.push(`| widget JavaScript, heaviest single widget (gzip) | ${kB(r.widgets.oneWidgetGzip)} | ≤ 150 kB | ${atMost(r.widgets.oneWidgetGzip / 1000, 150, ' kB', 1)} |`);
  rows.push(`| widget JavaScript, all four (gzip) | ${kB(r.widgets.allFourGzip)} | ≤ 250 kB | ${atMost(r.widgets.allFourGzip / 1000, 250, ' kB', 1)} |`);
  rows.push(`| first chart drawn, demo page, headless Chromium | ${n(r.widgets.firstChartMs)} ms | ≤ 1,000 ms | ${atMost(r.widgets.firstChartMs, 1000, ' ms')} |`);
  return rows;
}

export function renderMarkdown(r: BenchResults, causes = ''): string {
  const d = r.dataset;
  const phases = (p: PhaseSeconds, where: string) =>
    `${where} in ${n(p.total)} s (references ${n(p.references, 1)} s, COPY ${n(p.copy, 1)} s, rollups ${n(p.rollups, 1)} s${p.reused ? '; by an earlier run, this one copied it' : ''})`;
  const loaded = [
    phases(d.postgresLoad, 'PostgreSQL'),
    d.xlarge ? `then copied to ${n(d.observations)} rows by COPY in ${n(d.xlarge.copySeconds)} s and rollups rebuilt in ${n(d.xlarge.rollupSeconds)} s` : null,
    d.pgliteLoad === null ? 'PGlite not measured at this scale' : phases(d.pgliteLoad, 'PGlite'),
  ]
    .filter(Boolean)
    .join('; ');
  const s = r.settings;
  return [
    '# Pantau benchmark',
    '',
    `Run ${r.date.slice(0, 16).replace('T', ' ')} UTC on ${r.machine}, by \`pnpm bench${r.scale === 'large' ? '' : ` --scale ${r.scale}`}\` (${n(r.totalSeconds / 60, 1)} minutes).`,
    `Machine load average (1 minute) ${n(r.loadAverage.start, 1)} at the start and ${n(r.loadAverage.end, 1)} at the end, on ${r.machine.split(' ')[0]} cores: above that, other processes took CPU from the run.`,
    `Dataset (scale \`${r.scale}\`): ${n(d.observations)} synthetic observations, ${n(d.offices)} offices, ${n(d.partnerVillages)} partner villages (loaded in ${loaded}).`,
    `Load: autocannon, ${s.connections} connections; warm and references ${s.runs} runs of ${s.secondsPerRun} s, cold ${s.coldRuns} runs of ${s.coldSecondsPerRun} s; medians; the server drains between runs and before every reference. Warm = anonymous persisted GET answered by the HTTP cache; cold = persisted POST through Yoga and SQL every time. Sizes in kB of 1,000 bytes.`,
    '',
    '| operation | answer | warm req/s | warm p50 / p99 ms | node:http ceiling req/s | warm ÷ ceiling | cold req/s | cold p50 / p99 ms | cold ÷ bare Yoga | SQL floor req/s | cold ÷ floor |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...operationRows(r),
    `| bare Yoga: \`{ __typename }\` through Pantau's server | – | – | – | – | – | ${n(r.bareYoga.rps)} | ${n(r.bareYoga.p50)} / ${n(r.bareYoga.p99)} | 1.00 | – | – |`,
    '',
    '| measure | value | target | verdict |',
    '| --- | --- | --- | --- |',
    ...targetRows(r),
    '',
    causesMarker,
    causes.trim(),
    '',
  ].join('\n');
}
