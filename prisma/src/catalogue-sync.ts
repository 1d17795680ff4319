import type { Metric, PrismaClient, Program } from '../generated/client.ts';
import { catalogue as shippedCatalogue, type Catalogue, type MetricDefinition, type ProgramDefinition } from './seed/catalog.ts';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** Held for the length of a sync, so two servers starting on one PostgreSQL never sync at once. */
const CATALOGUE_LOCK_KEY = 72707370;

/** What a sync changed, each entry as `metric <key>` or `program <key>`. */
export interface CatalogueReport {
  readonly added: string[];
  readonly updated: string[];
  readonly removed: string[];
}

/** The catalogue asks for a change the figures already recorded forbid; nothing was changed. */
export class CatalogueError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The metric catalogue cannot be applied, so nothing of it was changed:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
    this.name = 'CatalogueError';
  }
}

const where = 'prisma/src/seed/data/metrics.ts';
const figures = (count: number) => `${count} figure${count === 1 ? '' : 's'}`;
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, index) => item === b[index]);
const labelsDiffer = (row: Metric | Program, wanted: MetricDefinition | ProgramDefinition) =>
  row.nameId !== wanted.nameId || row.nameEn !== wanted.nameEn || row.descriptionId !== wanted.descriptionId || row.descriptionEn !== wanted.descriptionEn;

/**
 * How the figures of a metric are read (unit, aggregation, dimensions). Recorded figures were counted
 * under them, so with figures on record only new dimension keys may be added.
 */
function meaningProblems(row: Metric, wanted: MetricDefinition, recorded: number): string[] {
  if (recorded === 0) return [];
  const changed = [
    row.unit !== wanted.unit && `change its unit from ${row.unit} to ${wanted.unit}`,
    row.timeAggregation !== wanted.timeAggregation && `change its time aggregation from ${row.timeAggregation} to ${wanted.timeAggregation}`,
    row.spaceAggregation !== wanted.spaceAggregation && `change its space aggregation from ${row.spaceAggregation} to ${wanted.spaceAggregation}`,
    ...row.dimensions.filter((key) => !wanted.dimensions.includes(key)).map((key) => `drop its dimension "${key}"`),
  ].filter((change): change is string => Boolean(change));
  return changed.map((change) => `metric "${row.key}" has ${figures(recorded)} on record, so ${where} cannot ${change}; restore it, or add a metric under a new key`);
}

async function syncMetrics(tx: Tx, wanted: readonly MetricDefinition[], report: CatalogueReport, problems: string[]): Promise<void> {
  const rows = await tx.metric.findMany({ include: { _count: { select: { observations: true } } } });
  const byKey = new Map(rows.map((row) => [row.key, row]));
  for (const metric of wanted) {
    const row = byKey.get(metric.key);
    const data = { ...metric, dimensions: [...metric.dimensions] };
    if (!row) {
      await tx.metric.create({ data });
      report.added.push(`metric ${metric.key}`);
      continue;
    }
    const meaning = meaningProblems(row, metric, row._count.observations);
    problems.push(...meaning);
    const meaningDiffers =
      row.unit !== metric.unit ||
      row.timeAggregation !== metric.timeAggregation ||
      row.spaceAggregation !== metric.spaceAggregation ||
      !sameList(row.dimensions, metric.dimensions);
    if (meaning.length === 0 && (meaningDiffers || labelsDiffer(row, metric))) {
      await tx.metric.update({ where: { id: row.id }, data });
      report.updated.push(`metric ${metric.key}`);
    }
  }
  const kept = new Set(wanted.map((metric) => metric.key));
  for (const row of rows.filter((row) => !kept.has(row.key))) {
    if (row._count.observations > 0) {
      problems.push(`metric "${row.key}" is no longer in ${where}, but ${figures(row._count.observations)} cite it; put it back, or delete its figures first`);
    } else {
      await tx.metric.delete({ where: { id: row.id } });
      report.removed.push(`metric ${row.key}`);
    }
  }
}

async function syncPrograms(tx: Tx, wanted: readonly ProgramDefinition[], report: CatalogueReport, problems: string[]): Promise<void> {
  const rows = await tx.program.findMany({ include: { _count: { select: { observations: true, campaigns: true } } } });
  const byKey = new Map(rows.map((row) => [row.key, row]));
  for (const program of wanted) {
    const row = byKey.get(program.key);
    const data = { ...program, themes: [...program.themes] };
    if (!row) {
      await tx.program.create({ data });
      report.added.push(`program ${program.key}`);
    } else if (labelsDiffer(row, program) || !sameList(row.themes, program.themes) || row.directorate !== program.directorate) {
      await tx.program.update({ where: { id: row.id }, data });
      report.updated.push(`program ${program.key}`);
    }
  }
  const kept = new Set(wanted.map((program) => program.key));
  for (const row of rows.filter((row) => !kept.has(row.key))) {
    const uses = row._count.observations + row._count.campaigns;
    if (uses > 0) {
      problems.push(
        `program "${row.key}" is no longer in prisma/src/seed/data/programs.ts, but ${figures(row._count.observations)} and ${row._count.campaigns} campaigns cite it; put it back, or remove those first`,
      );
    } else {
      await tx.program.delete({ where: { id: row.id } });
      report.removed.push(`program ${row.key}`);
    }
  }
}

/**
 * Brings the database's metrics and programs in line with the catalogue, inside `tx`: adds what is
 * new, updates labels, removes what is gone and unused. Refuses (CatalogueError, every problem at
 * once) to remove or reinterpret anything recorded figures depend on.
 */
export async function syncCatalogueIn(tx: Tx, catalogue: Catalogue = shippedCatalogue): Promise<CatalogueReport> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${CATALOGUE_LOCK_KEY})`);
  const report: CatalogueReport = { added: [], updated: [], removed: [] };
  const problems: string[] = [];
  await syncPrograms(tx, catalogue.programs, report, problems);
  await syncMetrics(tx, catalogue.metrics, report, problems);
  if (problems.length > 0) throw new CatalogueError(problems);
  return report;
}

/** `syncCatalogueIn` in a transaction of its own: all of it or, when refused, none of it. */
export function syncCatalogue(prisma: PrismaClient, catalogue: Catalogue = shippedCatalogue): Promise<CatalogueReport> {
  return prisma.$transaction((tx) => syncCatalogueIn(tx, catalogue), { timeout: 60_000 });
}
