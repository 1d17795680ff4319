/** The channel accepted changes are announced on (migrations `change_feed` and `change_feed_scope`). */
export const changeChannel = 'pantau_changes';

/** What a cached answer read; `null` is "could be any". */
export interface ReadScope {
  /** Metric keys. */
  readonly metrics: ReadonlySet<string> | null;
  /** Province codes (two digits). */
  readonly provinces: ReadonlySet<string> | null;
  /** Campaign slugs. */
  readonly campaigns: ReadonlySet<string> | null;
}

/** One announced change. */
export type Change =
  | { readonly kind: 'everything' }
  /** A source, campaign, partner village or other catalogue row: its names and citations appear in every kind of answer. */
  | { readonly kind: 'catalogue'; readonly entity: string }
  /** Observations written in one statement; a province is null when a figure had no place. */
  | { readonly kind: 'observations'; readonly metrics: readonly string[]; readonly provinces: readonly (string | null)[]; readonly campaigns: readonly string[] };

const stringsOrNulls = (value: unknown): value is (string | null)[] => Array.isArray(value) && value.every((v) => v === null || typeof v === 'string');
const strings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/**
 * Reads a notification. Anything it cannot read (an older server's payload, or `null` when the
 * feed reconnected and may have missed changes) counts as a change to everything.
 */
export function parseChange(payload: string | null): Change {
  try {
    const body = JSON.parse(payload ?? '') as Record<string, unknown>;
    if (typeof body.entity === 'string') return { kind: 'catalogue', entity: body.entity };
    if (strings(body.metrics) && stringsOrNulls(body.provinces) && strings(body.campaigns)) {
      return { kind: 'observations', metrics: body.metrics, provinces: body.provinces, campaigns: body.campaigns };
    }
  } catch {
    // Not JSON: see above.
  }
  return { kind: 'everything' };
}

const meets = (read: ReadonlySet<string> | null, changed: readonly (string | null)[]) => read === null || changed.some((value) => value === null || read.has(value));

/** Whether an answer that read `scope` may be different after `change`. */
export function touches(change: Change, scope: ReadScope): boolean {
  if (change.kind !== 'observations') return true;
  return meets(scope.metrics, change.metrics) && meets(scope.provinces, change.provinces) && meets(scope.campaigns, change.campaigns);
}
