import { describe, expect, it } from 'vitest';
import { causesMarker, parseResults, renderMarkdown, type BenchResults } from './render.ts';

const load = (rps: number, p50: number, p99: number) => ({ rps, p50, p99, failures: 0 });

/** A run as `pnpm bench` writes it to bench/results.json, one operation, small numbers. */
const fixture: BenchResults = {
  date: '2026-12-02T05:20:00.000Z',
  machine: '2 × Test CPU, 8 GiB, Node v20.0.0',
  scale: 'large',
  dataset: {
    observations: 1_094_204,
    offices: 2_411,
    partnerVillages: 20_000,
    postgresLoad: { references: 2.5, copy: 40, rollups: 30, total: 73, reused: true },
    xlarge: null,
    pgliteLoad: null,
  },
  settings: { runs: 5, secondsPerRun: 2, coldRuns: 3, coldSecondsPerRun: 8, connections: 50 },
  operations: {
    'campaign totals': { warm: load(900, 40, 90), cold: load(120, 300, 1_200), ceiling: load(1_500, 20, 60), floor: load(400, 100, 200), bytes: 3_300 },
  },
  bareYoga: load(600, 70, 150),
  statements: { ten: 9, hundred: 9 },
  singleClientP50: { postgresql: { 'campaign totals': 12 }, pglite: null },
  nationalMap: { ms: 160, bytes: 966_000 },
  readsUnderWrites: { ...load(800, 30, 140), writes: 10, writeP50: 9 },
  singleWriteMs: 8.5,
  widgets: { oneWidgetGzip: 253_000, allFourGzip: 261_700, firstChartMs: 900 },
  imports: { rows: 1_000_000, importSeconds: 20, copySeconds: 5, importRowsPerSecond: 50_000, copyRowsPerSecond: 200_000 },
  loadAverage: { start: 9.5, end: 12.25 },
  totalSeconds: 900,
};

describe('bench/RESULTS.md from bench/results.json', () => {
  const markdown = renderMarkdown(parseResults(JSON.stringify(fixture)), '\nWritten by hand.\n');

  it('states each target with its verdict, worked out from the fixture by hand', () => {
    // 12 ms against 20 ms; 160 ms against 150 ms; 120 / 600 = 0.20 against 0.5; 1200 / 300 = 4.0 against 3.
    expect(markdown).toContain('| campaign totals: one client, cold, p50 | 12 ms | ≤ 20 ms | met |');
    expect(markdown).toContain('| national map: one cold request, time and size | 160 ms, 966.0 kB | ≤ 150 ms, ≤ 1,000 kB | missed, by 10 ms and 0.0 kB |');
    expect(markdown).toContain('| campaign totals: 50 connections, cold ÷ bare Yoga (600 req/s) | 0.20 | ≥ 0.5 | missed, by 0.30 |');
    expect(markdown).toContain('| campaign totals: 50 connections, cold p99 ÷ p50 | 4.0 | ≤ 3 | missed, by 1.0 |');
    // 120 / 400 = 0.30 against 0.6; 900 / 1500 = 0.60 against 0.5; 50,000 / 200,000 = 0.25 against 0.5.
    expect(markdown).toContain('| campaign totals: cold ÷ hand-written SQL floor | 0.30 | ≥ 0.6 | missed, by 0.30 |');
    expect(markdown).toContain('| campaign totals: warm (cached GET) ÷ node:http ceiling | 0.60 | ≥ 0.5 | met |');
    expect(markdown).toContain('| single-row write (createObservation), idle server, p50 of 30 | 8.5 ms | ≤ 10 ms | met |');
    expect(markdown).toContain('= 0.25 (20.0 s vs 5.0 s) | ≥ 0.5 | missed, by 0.25 |');
    expect(markdown).toContain('read p99 | 140 ms (p50 30 ms, 800 req/s, 0 failures) | ≤ 100 ms | missed, by 40 ms |');
  });

  it('says how the dataset was loaded, phase by phase, and the load average', () => {
    expect(markdown).toContain('PostgreSQL in 73 s (references 2.5 s, COPY 40.0 s, rollups 30.0 s; by an earlier run, this one copied it)');
    expect(markdown).toContain('PGlite not measured at this scale');
    expect(markdown).toContain('(15.0 minutes)');
    expect(markdown).toContain('load average (1 minute) 9.5 at the start and 12.3 at the end');
  });

  it('says a figure the run could not measure is missing, not met', () => {
    const unmeasured = renderMarkdown(parseResults(JSON.stringify({ ...fixture, widgets: { ...fixture.widgets, firstChartMs: NaN } })));
    expect(unmeasured).toContain('| first chart drawn, demo page, headless Chromium | – ms | ≤ 1,000 ms | missed, by – ms |');
  });

  it('keeps what was written by hand below the marker', () => {
    expect(markdown.slice(markdown.indexOf(causesMarker))).toBe(`${causesMarker}\nWritten by hand.\n`);
  });

  it('refuses a results file of another format, naming what is missing', () => {
    const { dataset, ...old } = fixture;
    expect(() => parseResults(JSON.stringify({ ...old, dataset: { ...dataset, postgresLoad: undefined }, nationalMapMs: 2 }))).toThrow(/dataset\.postgresLoad/);
    expect(() => parseResults(JSON.stringify({ ...fixture, bareYoga: undefined }))).toThrow(/bareYoga/);
  });
});
