import type { Prisma } from '@pantau/prisma/client';
import type { GraphQLContext } from '../../context.ts';
import type { Transaction } from '../../writes/audited-write.ts';
import { checkIdempotencyKey } from '../../writes/idempotency.ts';
import { checkObservation, type ObservationData } from '../../writes/observation-rules.ts';
import { writableOfficeIds } from '../../writes/office-scope.ts';
import { prismaStatements } from '../../writes/statements.ts';
import { builder } from '../builder.ts';
import { forbidden, invalidInput } from '../errors.ts';
import { Unit } from './metric.ts';

export const DimensionInput = builder.inputType('DimensionInput', {
  description: 'One dimension value of a figure, e.g. passport_type = electronic.',
  fields: (t) => ({
    key: t.string({ required: true, description: 'Dimension key, one of the metric’s `dimensions`.' }),
    value: t.string({ required: true, description: 'The value, e.g. `electronic`.' }),
  }),
});

export const ObservationInput = builder.inputType('ObservationInput', {
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

export type InputShape = typeof ObservationInput.$inferInput;

/**
 * Validates an input against the key's limits (403: `published` without admin, an office outside the
 * key's) and the catalogue (400, every broken rule at once), or throws.
 */
export async function checkedInput(context: GraphQLContext, input: InputShape, writableOffices: Set<number> | null): Promise<ObservationData & { published: boolean }> {
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

export const officeForbidden = (what: string) => forbidden(`This API key may only write figures of its own office and the offices under it; ${what} is another office's`);

export function observationRow(data: ObservationData & { published: boolean }): Prisma.ObservationUncheckedCreateInput {
  return { ...data, dimensions: data.dimensions, synthetic: false };
}

/**
 * What a change may touch, looked up before its transaction opens: on PGlite, whose one connection the
 * transaction holds, a query outside the transaction would wait for it forever.
 */
export async function writeLimits(context: GraphQLContext, idempotencyKey: string | null | undefined): Promise<Set<number> | null> {
  checkIdempotencyKey(idempotencyKey);
  return writableOfficeIds(context.database, context.caller);
}

/** The observation, checked to exist and to be within the key's office limit. */
export async function ownedObservation(tx: Transaction, id: number, writable: Set<number> | null) {
  const existing = await tx.observation.findUnique({ where: { id } });
  if (!existing) throw invalidInput([{ field: 'id', rule: 'must be the ID of an existing observation' }]);
  if (writable && (existing.officeId === null || !writable.has(existing.officeId))) throw officeForbidden(`observation ${id}`);
  if (existing.synthetic) throw invalidInput([{ field: 'id', rule: 'must not be a synthetic observation (synthetic data is replaced with `pnpm db:seed --synthetic`)' }]);
  return existing;
}
