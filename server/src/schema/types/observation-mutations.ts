import type { Prisma } from '@pantau/prisma/client';
import type { GraphQLContext } from '../../context.ts';
import { auditedWrite, type Transaction } from '../../writes/audited-write.ts';
import { checkIdempotencyKey } from '../../writes/idempotency.ts';
import { checkObservation, type ObservationData } from '../../writes/observation-rules.ts';
import { writableOfficeIds } from '../../writes/office-scope.ts';
import { prismaStatements } from '../../writes/statements.ts';
import { builder } from '../builder.ts';
import { forbidden, invalidInput } from '../errors.ts';
import { DeletePayload, idempotencyKeyDescription } from './delete-payload.ts';
import { Unit } from './metric.ts';
import { Observation } from './observation.ts';

export const DimensionInput = builder.inputType('DimensionInput', {
  description: 'One dimension value of a figure, e.g. passport_type = electronic.',
  fields: (t) => ({
    key: t.string({ required: true, description: 'Dimension key, one of the metric’s `dimensions`.' }),
    value: t.string({ required: true, description: 'The value, e.g. `electronic`.' }),
  }),
});

const ObservationInput = builder.inputType('ObservationInput', {
  description: 'A figure to record. Every rule it breaks is reported at once, each naming its field.',
  fields: (t) => ({
    metric: t.string({ required: true, description: 'Metric key, e.g. `passports_issued`.' }),
    value: t.field({ type: 'Decimal', required: true, description: 'Non-negative, at most 4 decimals, e.g. `"7150"`.' }),
    unit: t.field({ type: Unit, description: 'If given, must be the metric’s unit (a guard against mixing units).' }),
    periodStart: t.field({ type: 'Date', required: true, description: 'First day the figure covers.' }),
    periodEnd: t.field({ type: 'Date', description: 'Last day it covers (default: `periodStart`).' }),
    officeCode: t.string({ description: 'Reporting office. Required for keys limited to one office.' }),
    regionCode: t.string({ description: 'Kemendagri code of the place the figure is about.' }),
    program: t.string({ description: 'Program key.' }),
    campaign: t.string({ description: 'Campaign slug.' }),
    source: t.string({ required: true, description: 'Key of the source the figure comes from (create it with `createSource`).' }),
    isLowerBound: t.boolean({ defaultValue: false, description: 'True when the source says "more than".' }),
    dimensions: t.field({ type: [DimensionInput], description: 'Dimension values allowed by the metric.' }),
    published: t.boolean({ description: 'Admin keys only: publish at once. Otherwise the figure waits, unpublished, for an admin.' }),
  }),
});

const ObservationPayload = builder.objectRef<{ observationId: number }>('ObservationPayload').implement({
  description: 'The observation as stored.',
  fields: (t) => ({
    observation: t.field({
      type: Observation,
      description: 'The observation.',
      // The writer sees the figure it wrote, published or not: by id (`node`), only `read:restricted` does.
      resolve: (p, _args, context) => context.database.prisma.observation.findUniqueOrThrow({ where: { id: p.observationId } }),
    }),
  }),
});

const PublishPayload = builder.objectRef<{ published: number }>('PublishPayload').implement({
  description: 'How many observations became public.',
  fields: (t) => ({ published: t.exposeInt('published', { description: 'Observations published by this request.' }) }),
});

type InputShape = typeof ObservationInput.$inferInput;

/**
 * Validates an input against the key's limits (403: `published` without admin, an office outside the
 * key's) and the catalogue (400, every broken rule at once), or throws.
 */
async function checkedInput(context: GraphQLContext, input: InputShape, writableOffices: Set<number> | null): Promise<ObservationData & { published: boolean }> {
  if (input.published && !context.scopes.admin) throw forbidden('`input.published` needs an admin key; leave it out and an admin publishes the figure');
  await checkOfficeLimit(context, writableOffices, input.officeCode);
  const result = await checkObservation(
    prismaStatements(context.database.prisma),
    { ...input, dimensions: Object.fromEntries((input.dimensions ?? []).map((d) => [d.key, d.value])) },
    { prefix: 'input.', writableOffices },
  );
  if (!result.data) throw invalidInput(result.violations);
  return { ...result.data, published: Boolean(input.published) };
}

/** A key limited to an office may name only that office or one under it: another office is a 403, as on update and delete. */
async function checkOfficeLimit(context: GraphQLContext, writable: Set<number> | null, officeCode: string | null | undefined): Promise<void> {
  if (!writable || !officeCode) return;
  const office = await context.database.prisma.office.findUnique({ where: { code: officeCode }, select: { id: true } });
  if (office && !writable.has(office.id)) throw officeForbidden(`\`input.officeCode\` "${officeCode}"`);
}

const officeForbidden = (what: string) => forbidden(`This API key may only write figures of its own office and the offices under it; ${what} is another office's`);

function observationRow(data: ObservationData & { published: boolean }): Prisma.ObservationUncheckedCreateInput {
  return { ...data, dimensions: data.dimensions, synthetic: false };
}

/**
 * What a change may touch, looked up before its transaction opens: on PGlite, whose one connection the
 * transaction holds, a query outside the transaction would wait for it forever.
 */
async function writeLimits(context: GraphQLContext, idempotencyKey: string | null | undefined): Promise<Set<number> | null> {
  checkIdempotencyKey(idempotencyKey);
  return writableOfficeIds(context.database, context.caller);
}

/** The observation, checked to exist and to be within the key's office limit. */
async function ownedObservation(tx: Transaction, id: number, writable: Set<number> | null) {
  const existing = await tx.observation.findUnique({ where: { id } });
  if (!existing) throw invalidInput([{ field: 'id', rule: 'must be the ID of an existing observation' }]);
  if (writable && (existing.officeId === null || !writable.has(existing.officeId))) throw officeForbidden(`observation ${id}`);
  if (existing.synthetic) throw invalidInput([{ field: 'id', rule: 'must not be a synthetic observation (synthetic data is replaced with `pnpm db:seed --synthetic`)' }]);
  return existing;
}

builder.mutationFields((t) => ({
  createObservation: t.field({
    type: ObservationPayload,
    authScopes: { writeObservations: true },
    description: 'Records a figure (unpublished unless an admin publishes it). Needs `write:observations`.',
    args: { input: t.arg({ type: ObservationInput, required: true, description: 'The figure.' }), idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }) },
    resolve: async (_root, args, context) => {
      const data = await checkedInput(context, args.input, await writeLimits(context, args.idempotencyKey));
      return auditedWrite(context.database, context.caller, { operation: 'observation.create', payload: args.input, idempotencyKey: args.idempotencyKey }, async (tx) => {
        const created = await tx.observation.create({ data: observationRow(data) });
        return { result: { observationId: created.id }, audit: { action: 'observation.create', entity: 'observation', entityId: String(created.id), after: created, inserted: 1 } };
      });
    },
  }),
  updateObservation: t.field({
    type: ObservationPayload,
    authScopes: { writeObservations: true },
    description: 'Replaces a figure with a corrected one; the audit log keeps the old and new values. Needs `write:observations`.',
    args: {
      id: t.arg.globalID({ required: true, for: Observation, description: 'Global ID of the observation.' }),
      input: t.arg({ type: ObservationInput, required: true, description: 'The corrected figure.' }),
      idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }),
    },
    resolve: async (_root, args, context) => {
      const writable = await writeLimits(context, args.idempotencyKey);
      const data = await checkedInput(context, args.input, writable);
      const id = args.id.id;
      return auditedWrite(
        context.database,
        context.caller,
        { operation: 'observation.update', payload: { id, input: args.input }, idempotencyKey: args.idempotencyKey },
        async (tx) => {
          const before = await ownedObservation(tx, id, writable);
          const after = await tx.observation.update({ where: { id }, data: observationRow(data) });
          return { result: { observationId: id }, audit: { action: 'observation.update', entity: 'observation', entityId: String(id), before, after, updated: 1 } };
        },
      );
    },
  }),
  deleteObservation: t.field({
    type: DeletePayload,
    authScopes: { writeObservations: true },
    description: 'Deletes a figure; the audit log keeps it. Needs `write:observations`.',
    args: {
      id: t.arg.globalID({ required: true, for: Observation, description: 'Global ID of the observation.' }),
      idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }),
    },
    resolve: async (_root, args, context) => {
      const id = args.id.id;
      const writable = await writeLimits(context, args.idempotencyKey);
      return auditedWrite(context.database, context.caller, { operation: 'observation.delete', payload: { id }, idempotencyKey: args.idempotencyKey }, async (tx) => {
        const before = await ownedObservation(tx, id, writable);
        await tx.observation.delete({ where: { id } });
        return {
          result: { deletedId: Buffer.from(`Observation:${id}`).toString('base64') },
          audit: { action: 'observation.delete', entity: 'observation', entityId: String(id), before, deleted: 1 },
        };
      });
    },
  }),
  publishObservations: t.field({
    type: PublishPayload,
    authScopes: { admin: true },
    description: 'Makes reported figures public. Needs `admin`.',
    args: {
      ids: t.arg.globalIDList({ required: true, for: Observation, description: 'Global IDs of the observations.' }),
      idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }),
    },
    resolve: async (_root, args, context) => {
      const ids = args.ids.map((id) => id.id);
      return auditedWrite(context.database, context.caller, { operation: 'observation.publish', payload: { ids }, idempotencyKey: args.idempotencyKey }, async (tx) => {
        const { count } = await tx.observation.updateMany({ where: { id: { in: ids }, published: false }, data: { published: true } });
        return {
          result: { published: count },
          audit: { action: 'observation.publish', entity: 'observation', entityId: ids.join(','), after: { published: ids }, updated: count },
        };
      });
    },
  }),
}));
