import type { Prisma } from '@pantau/prisma/client';
import { conflict } from '../schema/errors.ts';
import { isUniqueViolation } from './idempotency.ts';
import type { ObservationData } from './observation-rules.ts';

/** What names one figure: metric, period, office, place, program, campaign and dimensions (the unique index `observation_natural_key`). */
export function sameKeyWhere(data: ObservationData): Prisma.ObservationWhereInput {
  return {
    metricId: data.metricId,
    periodStart: data.periodStart,
    periodEnd: data.periodEnd,
    officeId: data.officeId,
    regionCode: data.regionCode,
    programId: data.programId,
    campaignId: data.campaignId,
    dimensions: { equals: data.dimensions },
  };
}

export const globalObservationId = (id: number) => Buffer.from(`Observation:${id}`).toString('base64');

export const keyTaken = (id: number | null, hint: string) =>
  conflict(
    `A figure with this key (metric, period, office, region, program, campaign and dimensions) is already stored${id === null ? '' : ` as observation ${globalObservationId(id)}`}: ${hint}`,
    { argument: 'input', ...(id === null ? {} : { observationId: globalObservationId(id) }) },
  );

/** Runs a single write; the unique key refusing it (a concurrent writer stored the key first) is a 409, not a fault. */
export async function refusingKeyConflicts<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw keyTaken(null, 'send `revise: true` to createObservation to correct it, or correct that observation with updateObservation');
    throw error;
  }
}
