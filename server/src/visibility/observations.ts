import type { Prisma } from '@pantau/prisma/client';
import type { AuthScopes } from '../context.ts';
import { forbidden } from '../schema/errors.ts';

/**
 * Which observations a read may return. Unpublished figures exist only for callers with
 * `read:restricted` (admin keys have it too); every read of observations, GraphQL or SQL, HTML or
 * export, takes one of these and filters with `visibleObservationsWhere` or `visibleObservationsSql`,
 * so the rule is written once.
 */
export interface ObservationVisibility {
  readonly unpublished: boolean;
}

/** What anyone may see: published figures. Pages and answers that are cached publicly use this. */
export const publishedOnly: ObservationVisibility = Object.freeze({ unpublished: false });

const everything: ObservationVisibility = Object.freeze({ unpublished: true });

export function mayReadUnpublished(scopes: Pick<AuthScopes, 'readRestricted' | 'admin'>): boolean {
  return scopes.readRestricted || scopes.admin;
}

/**
 * For reads by id (`node`, `nodes`): all the caller may see. An observation outside it is answered
 * exactly as a missing one, so ids cannot be probed.
 */
export function visibilityById(context: { scopes: Pick<AuthScopes, 'readRestricted' | 'admin'> }): ObservationVisibility {
  return mayReadUnpublished(context.scopes) ? everything : publishedOnly;
}

/**
 * For lists and aggregates: published figures, plus unpublished ones when the caller asks with
 * `includeUnpublished` and may see them. Asking without `read:restricted` is refused (403), so a
 * caller never mistakes a public answer for the full one.
 */
export function visibilityAsked(context: { scopes: Pick<AuthScopes, 'readRestricted' | 'admin'> }, asked: boolean | null | undefined, argument: string): ObservationVisibility {
  if (!asked) return publishedOnly;
  if (!mayReadUnpublished(context.scopes)) throw forbidden(`\`${argument}\` needs an API key with the read:restricted scope`);
  return everything;
}

/** The rule as a Prisma condition on `Observation`. */
export function visibleObservationsWhere(visibility: ObservationVisibility): Prisma.ObservationWhereInput {
  return visibility.unpublished ? {} : { published: true };
}

/**
 * The rule as a SQL condition on the observation (or `observation_monthly`) row named `alias`. The
 * alias is always a literal of ours, never input.
 */
export function visibleObservationsSql(visibility: ObservationVisibility, alias: string): string {
  return visibility.unpublished ? 'true' : `${alias}.published`;
}
