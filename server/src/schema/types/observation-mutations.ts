import type { Observation as ObservationRow } from '@pantau/prisma/client';
import { actorOf } from '../../writes/audit-row.ts';
import { auditedWrite } from '../../writes/audited-write.ts';
import { checkReason } from '../../writes/import-mode.ts';
import { globalObservationId, keyTaken, refusingKeyConflicts, sameKeyWhere } from '../../writes/observation-key.ts';
import { keepRevisions } from '../../writes/observation-revisions.ts';
import { prismaStatements } from '../../writes/statements.ts';
import type { GraphQLContext } from '../../context.ts';
import { builder } from '../builder.ts';
import { DeletePayload, idempotencyKeyDescription } from './delete-payload.ts';
import { Observation } from './observation.ts';
import { checkedInput, ObservationInput, observationRow, ownedObservation, writeLimits } from './observation-input.ts';

/**
 * The row as the write stored it, so the answer needs no second read. A symbol key, because an
 * idempotency key keeps the answer as JSON: a replay has only the id and reads the row again.
 */
const storedRow = Symbol('stored row');

const ObservationPayload = builder.objectRef<{ observationId: number; [storedRow]?: ObservationRow }>('ObservationPayload').implement({
  description: 'The observation as stored.',
  fields: (t) => ({
    observation: t.field({
      type: Observation,
      description: 'The observation.',
      // The writer sees the figure it wrote, published or not: by id (`node`), only `read:restricted` does.
      resolve: (p, _args, context) => p[storedRow] ?? context.database.prisma.observation.findUniqueOrThrow({ where: { id: p.observationId } }),
    }),
  }),
});

const PublishPayload = builder.objectRef<{ published: number }>('PublishPayload').implement({
  description: 'How many observations became public.',
  fields: (t) => ({ published: t.exposeInt('published', { description: 'Observations published by this request.' }) }),
});

const reasonDescription = 'Why the figure changes (at most 500 characters), kept with the revision that holds its earlier version.';

/** Who and why, for the revision keeping a figure's earlier version. */
function revisionNote(context: GraphQLContext, reason: string | null | undefined, fallback: string, withdrawn = false) {
  checkReason(reason);
  return { revisedBy: actorOf(context.caller).name, reason: reason?.trim() || fallback, withdrawn };
}

builder.mutationFields((t) => ({
  createObservation: t.field({
    type: ObservationPayload,
    authScopes: { writeObservations: true },
    description:
      'Records a figure (unpublished unless an admin publishes it). A figure with the same key (metric, period, office, region, program, campaign, dimensions) is refused (409) unless `revise` is true: then the stored figure takes the new value, source and bound, and its earlier version is kept as a revision. Needs `write:observations`.',
    args: {
      input: t.arg({ type: ObservationInput, required: true, description: 'The figure.' }),
      revise: t.arg.boolean({ defaultValue: false, description: 'Correct the stored figure with the same key instead of being refused.' }),
      reason: t.arg.string({ description: reasonDescription }),
      idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }),
    },
    resolve: async (_root, args, context) => {
      const note = revisionNote(context, args.reason, 'createObservation with revise');
      const data = await checkedInput(context, args.input, await writeLimits(context, args.idempotencyKey));
      const payload = args.revise ? { input: args.input, revise: true, reason: args.reason ?? null } : args.input;
      return refusingKeyConflicts(() =>
        auditedWrite(context.database, context.caller, { operation: 'observation.create', payload, idempotencyKey: args.idempotencyKey }, async (tx) => {
          const existing = await tx.observation.findFirst({ where: sameKeyWhere(data) });
          if (!existing) {
            const created = await tx.observation.create({ data: observationRow(data) });
            return {
              result: { observationId: created.id, [storedRow]: created },
              audit: { action: 'observation.create', entity: 'observation', entityId: String(created.id), after: created, inserted: 1 },
            };
          }
          if (!args.revise) throw keyTaken(existing.id, 'send `revise: true` (with a `reason`) to correct it; its current version is kept as a revision');
          if (existing.synthetic) throw keyTaken(existing.id, 'it is synthetic, and synthetic data is replaced with `pnpm db:seed --synthetic`');
          const same = existing.value.equals(data.value) && existing.isLowerBound === data.isLowerBound && existing.sourceId === data.sourceId;
          if (same)
            return {
              result: { observationId: existing.id, [storedRow]: existing },
              audit: { action: 'observation.revise', entity: 'observation', entityId: String(existing.id), before: existing },
            };
          await keepRevisions(prismaStatements(tx), [existing.id], note);
          const after = await tx.observation.update({
            where: { id: existing.id },
            data: { value: data.value, isLowerBound: data.isLowerBound, sourceId: data.sourceId, published: data.published },
          });
          return {
            result: { observationId: existing.id, [storedRow]: after },
            audit: { action: 'observation.revise', entity: 'observation', entityId: String(existing.id), before: existing, after, updated: 1 },
          };
        }),
      );
    },
  }),
  updateObservation: t.field({
    type: ObservationPayload,
    authScopes: { writeObservations: true },
    description:
      'Replaces a figure with a corrected one; its earlier version is kept as a revision (`Observation.revisions`) and the audit log keeps both. Needs `write:observations`.',
    args: {
      id: t.arg.globalID({ required: true, for: Observation, description: 'Global ID of the observation.' }),
      input: t.arg({ type: ObservationInput, required: true, description: 'The corrected figure.' }),
      reason: t.arg.string({ description: reasonDescription }),
      idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }),
    },
    resolve: async (_root, args, context) => {
      const note = revisionNote(context, args.reason, 'updateObservation');
      const writable = await writeLimits(context, args.idempotencyKey);
      const data = await checkedInput(context, args.input, writable);
      const id = args.id.id;
      const payload = args.reason ? { id, input: args.input, reason: args.reason } : { id, input: args.input };
      return refusingKeyConflicts(() =>
        auditedWrite(context.database, context.caller, { operation: 'observation.update', payload, idempotencyKey: args.idempotencyKey }, async (tx) => {
          const before = await ownedObservation(tx, id, writable);
          await keepRevisions(prismaStatements(tx), [id], note);
          const after = await tx.observation.update({ where: { id }, data: observationRow(data) });
          return {
            result: { observationId: id, [storedRow]: after },
            audit: { action: 'observation.update', entity: 'observation', entityId: String(id), before, after, updated: 1 },
          };
        }),
      );
    },
  }),
  deleteObservation: t.field({
    type: DeletePayload,
    authScopes: { writeObservations: true },
    description: 'Deletes a figure; it is kept as a withdrawn revision (reads `asOf` an earlier moment still see it) and in the audit log. Needs `write:observations`.',
    args: {
      id: t.arg.globalID({ required: true, for: Observation, description: 'Global ID of the observation.' }),
      reason: t.arg.string({ description: 'Why the figure is withdrawn (at most 500 characters), kept with its revision.' }),
      idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }),
    },
    resolve: async (_root, args, context) => {
      const id = args.id.id;
      const note = revisionNote(context, args.reason, 'deleteObservation', true);
      const writable = await writeLimits(context, args.idempotencyKey);
      const payload = args.reason ? { id, reason: args.reason } : { id };
      return auditedWrite(context.database, context.caller, { operation: 'observation.delete', payload, idempotencyKey: args.idempotencyKey }, async (tx) => {
        const before = await ownedObservation(tx, id, writable);
        await keepRevisions(prismaStatements(tx), [id], note);
        await tx.observation.delete({ where: { id } });
        return {
          result: { deletedId: globalObservationId(id) },
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
