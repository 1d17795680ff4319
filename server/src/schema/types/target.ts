import type { Target as TargetRow } from '@pantau/prisma/client';
import type { GraphQLContext } from '../../context.ts';
import { auditedWrite } from '../../writes/audited-write.ts';
import { conflict, invalidInput, type Violation } from '../errors.ts';
import { builder } from '../builder.ts';
import { metricFor } from '../filters.ts';
import { inKeyOrder, parseRowId, rowIds } from '../load-by-key.ts';
import { parseDate } from '../scalars.ts';
import { Metric } from './metric.ts';
import { DeletePayload, idempotencyKeyDescription } from './delete-payload.ts';
import { Region } from './region.ts';
import { Source } from './source.ts';

export const Target = builder.loadableNodeRef<TargetRow | null, number, number, number, TargetRow>('Target', {
  id: { resolve: (row) => row.id, parse: parseRowId },
  load: async (keys, context) => inKeyOrder(keys, await context.database.prisma.target.findMany({ where: { id: { in: rowIds(keys) } } }), (row) => row.id),
});

Target.implement({
  description: 'What a metric should reach over a period, nationally or for a region, with the source that sets it. Progress against it is `MetricSeriesRow.progress`.',
  fields: (t) => ({
    metric: t.field({ type: Metric, description: 'The metric.', resolve: (row) => row.metricId }),
    periodStart: t.field({ type: 'Date', description: 'First day of the period.', resolve: (row) => row.periodStart }),
    periodEnd: t.field({ type: 'Date', description: 'Last day of the period.', resolve: (row) => row.periodEnd }),
    region: t.field({ type: Region, nullable: true, description: 'The region; null for the national target.', resolve: (row) => row.regionCode }),
    value: t.field({ type: 'Decimal', description: 'The target, exact.', resolve: (row) => row.value.toFixed() }),
    source: t.field({ type: Source, description: 'The plan, decree or article that sets it.', resolve: (row) => row.sourceId }),
  }),
});

builder.queryField('targets', (t) =>
  t.field({
    type: [Target],
    description: 'The targets set for a metric, by period then place (national first).',
    args: { metric: t.arg.string({ required: true, description: 'Metric key, e.g. `passports_issued`.' }) },
    resolve: async (_root, args, context) => {
      const metric = await metricFor(context, args.metric);
      return context.database.prisma.target.findMany({
        where: { metricId: metric.id },
        orderBy: [{ periodStart: 'asc' }, { periodEnd: 'asc' }, { regionCode: { sort: 'asc', nulls: 'first' } }],
      });
    },
  }),
);

const TargetInput = builder.inputType('TargetInput', {
  description: 'A target: metric, period and place (no region for the national one), its value and its source.',
  fields: (t) => ({
    metric: t.string({ required: true, description: 'Metric key.' }),
    periodStart: t.field({ type: 'Date', required: true, description: 'First day of the period, e.g. `2025-01-01`.' }),
    periodEnd: t.field({ type: 'Date', required: true, description: 'Last day of the period, e.g. `2025-12-31` (progress is shown for rows of exactly this period).' }),
    regionCode: t.string({ description: 'Kemendagri region code; leave out for the national target.' }),
    value: t.field({ type: 'Decimal', required: true, description: 'The target: 0 or more, at most 4 decimals.' }),
    source: t.string({ required: true, description: 'Key of the source that sets the target.' }),
  }),
});

async function targetData(context: GraphQLContext, input: typeof TargetInput.$inferInput) {
  const prisma = context.database.prisma;
  const [metric, region, source] = await Promise.all([
    prisma.metric.findUnique({ where: { key: input.metric } }),
    input.regionCode ? prisma.region.findUnique({ where: { code: input.regionCode } }) : null,
    prisma.source.findUnique({ where: { key: input.source } }),
  ]);
  const violations: Violation[] = [];
  if (!metric) violations.push({ field: 'input.metric', rule: `must be a known metric key (got "${input.metric}")` });
  if (input.regionCode && !region) violations.push({ field: 'input.regionCode', rule: `must be a Kemendagri region code (got "${input.regionCode}")` });
  if (!source) violations.push({ field: 'input.source', rule: `must be a known source key (got "${input.source}")` });
  if (input.periodEnd < input.periodStart) violations.push({ field: 'input.periodEnd', rule: 'must not be before `periodStart`' });
  if (!/^\d{1,16}(\.\d{1,4})?$/.test(input.value))
    violations.push({ field: 'input.value', rule: `must be 0 or more with at most 16 digits before the point and 4 after (got "${input.value}")` });
  if (violations.length > 0) throw invalidInput(violations);
  return {
    metricId: metric?.id ?? 0,
    periodStart: parseDate(input.periodStart),
    periodEnd: parseDate(input.periodEnd),
    regionCode: input.regionCode ?? null,
    value: input.value,
    sourceId: source?.id ?? 0,
  };
}

/** One target per metric, period and place: a second is a conflict that names the first. */
async function explainingTaken<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002' || /target_metric_id_period_start_period_end_region_code_key/.test((error as Error).message))
      throw conflict('A target for this metric, period and place already exists; update it instead');
    throw error;
  }
}

const TargetPayload = builder.objectRef<{ targetId: number }>('TargetPayload').implement({
  description: 'The target as stored.',
  fields: (t) => ({ target: t.field({ type: Target, description: 'The target.', resolve: (p) => p.targetId }) }),
});

const globalId = (id: number) => Buffer.from(`Target:${id}`).toString('base64');

builder.mutationFields((t) => ({
  createTarget: t.field({
    type: TargetPayload,
    authScopes: { admin: true },
    description: 'Sets a target for a metric, period and place. Needs `admin`.',
    args: { input: t.arg({ type: TargetInput, required: true, description: 'The target.' }), idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }) },
    resolve: async (_root, args, context) => {
      const data = await targetData(context, args.input);
      return auditedWrite(context.database, context.caller, { operation: 'target.create', payload: args.input, idempotencyKey: args.idempotencyKey }, (tx) =>
        explainingTaken(async () => {
          const row = await tx.target.create({ data });
          return { result: { targetId: row.id }, audit: { action: 'target.create', entity: 'target', entityId: String(row.id), after: row, inserted: 1 } };
        }),
      );
    },
  }),
  updateTarget: t.field({
    type: TargetPayload,
    authScopes: { admin: true },
    description: 'Corrects a target. Needs `admin`.',
    args: {
      id: t.arg.globalID({ required: true, for: Target, description: 'Global ID of the target.' }),
      input: t.arg({ type: TargetInput, required: true, description: 'The corrected target.' }),
      idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }),
    },
    resolve: async (_root, args, context) => {
      const data = await targetData(context, args.input);
      const id = args.id.id;
      return auditedWrite(context.database, context.caller, { operation: 'target.update', payload: { id, input: args.input }, idempotencyKey: args.idempotencyKey }, (tx) =>
        explainingTaken(async () => {
          const before = await tx.target.findUnique({ where: { id } });
          if (!before) throw invalidInput([{ field: 'id', rule: 'must be the ID of an existing target' }]);
          const after = await tx.target.update({ where: { id }, data });
          return { result: { targetId: id }, audit: { action: 'target.update', entity: 'target', entityId: String(id), before, after, updated: 1 } };
        }),
      );
    },
  }),
  deleteTarget: t.field({
    type: DeletePayload,
    authScopes: { admin: true },
    description: 'Removes a target. Needs `admin`.',
    args: {
      id: t.arg.globalID({ required: true, for: Target, description: 'Global ID of the target.' }),
      idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }),
    },
    resolve: (_root, args, context) => {
      const id = args.id.id;
      return auditedWrite(context.database, context.caller, { operation: 'target.delete', payload: { id }, idempotencyKey: args.idempotencyKey }, async (tx) => {
        const before = await tx.target.findUnique({ where: { id } });
        if (!before) throw invalidInput([{ field: 'id', rule: 'must be the ID of an existing target' }]);
        await tx.target.delete({ where: { id } });
        return { result: { deletedId: globalId(id) }, audit: { action: 'target.delete', entity: 'target', entityId: String(id), before, deleted: 1 } };
      });
    },
  }),
}));
