import type { Database } from '@pantau/prisma';
import { badArgument, forbidden } from '../schema/errors.ts';
import { isUniqueViolation } from './idempotency.ts';

/**
 * What an import does with a row whose natural key (metric, period, office, place, program,
 * campaign, dimensions) is already stored: refuse it (`APPEND`), revise the stored figure (`UPSERT`),
 * or, for one office and period, make the file the whole of that office's figures (`REPLACE`).
 */
export type ImportMode = 'APPEND' | 'UPSERT' | 'REPLACE';

/** The office and period a `REPLACE` import replaces, as the caller names them. */
export interface ReplaceScope {
  officeCode: string;
  periodStart: string;
  periodEnd: string;
}

export interface ResolvedMode {
  mode: ImportMode;
  /** Set for `REPLACE` only. */
  scope: { officeId: number; officeCode: string; from: string; to: string } | null;
}

const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);

/** Checks the mode and, for `REPLACE`, its office (known, and one the caller may write) and period. */
export async function resolveMode(database: Database, mode: ImportMode, scope: ReplaceScope | null | undefined, writable: Set<number> | null): Promise<ResolvedMode> {
  if (mode !== 'REPLACE') {
    if (scope) throw badArgument('replace', '`replace` names the office and period of a REPLACE import: leave it out, or set `mode` to REPLACE');
    return { mode, scope: null };
  }
  if (!scope) throw badArgument('replace', '`replace` is required with mode REPLACE: the office (`officeCode`) and period (`periodStart`, `periodEnd`) the file replaces');
  for (const field of ['periodStart', 'periodEnd'] as const) {
    if (!isDay(scope[field])) throw badArgument(`replace.${field}`, `\`replace.${field}\` must be a real day written YYYY-MM-DD (got "${scope[field].slice(0, 40)}")`);
  }
  if (scope.periodEnd < scope.periodStart) throw badArgument('replace.periodEnd', '`replace.periodEnd` must not be before `replace.periodStart`');
  const office = await database.prisma.office.findUnique({ where: { code: scope.officeCode }, select: { id: true } });
  if (!office) throw badArgument('replace.officeCode', `\`replace.officeCode\` must be a known office code (got "${scope.officeCode.slice(0, 80)}")`);
  if (writable && !writable.has(office.id))
    throw forbidden(`This API key may only replace figures of its own office and the offices under it; "${scope.officeCode}" is another office's`);
  return { mode, scope: { officeId: office.id, officeCode: scope.officeCode, from: scope.periodStart, to: scope.periodEnd } };
}

/** The parameters `$5`–`$9` of the key rules (`import-key-rules.ts`). */
export function keyRuleParameters({ mode, scope }: ResolvedMode): unknown[] {
  return [mode, scope?.officeId ?? null, scope?.from ?? null, scope?.to ?? null, scope?.officeCode ?? null];
}

/** A `reason` is kept with every revision: up to 500 characters. */
export function checkReason(reason: string | null | undefined, argument = 'reason'): void {
  if (reason && reason.length > 500) throw badArgument(argument, `\`${argument}\` must be at most 500 characters (got ${reason.length})`);
}

/** The natural key refused a row: another writer stored the same key after this write's checks ran. */
export function isNaturalKeyViolation(error: unknown): boolean {
  const { constraint, message } = error as { constraint?: string; message?: string };
  return isUniqueViolation(error) && (constraint === 'observation_natural_key' || /observation_natural_key/.test(message ?? ''));
}
