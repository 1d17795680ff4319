import type { Plugin } from 'graphql-yoga';
import { listenToPlans } from '../trace.ts';
import type { ReadScope } from './change-scope.ts';

/** What one execution tells the answer cache: whether its result may be shared, and what it read. */
export interface ExecutionVerdict {
  /** A complete result: no errors at all (partial data is never shared). */
  readonly cacheable: boolean;
  /** The metrics the analytics planned, in any order. */
  readonly metrics: ReadonlySet<string>;
}

const verdicts = new WeakMap<Request, ExecutionVerdict>();

/** The verdict on the request's execution; undefined when it never executed (refused, malformed, unknown hash). */
export function verdictOf(request: Request): ExecutionVerdict | undefined {
  return verdicts.get(request);
}

/**
 * Records, for each execution, whether its result had errors and which metrics it read (from the
 * planner's notes), so the persisted-GET cache decides from the result, not from the bytes.
 */
export function useExecutionVerdict(): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn, args }) {
      const metrics = new Set<string>();
      setExecuteFn((executeArgs) =>
        listenToPlans(
          (note) => metrics.add(note.metric),
          () => executeFn(executeArgs),
        ),
      );
      const { request } = args.contextValue as { request?: Request };
      return {
        onExecuteDone({ result }) {
          if (!request) return;
          const streamed = Symbol.asyncIterator in result;
          verdicts.set(request, { cacheable: !streamed && !(result.errors?.length ?? 0), metrics });
        },
      };
    },
  };
}

const record = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const one = (value: unknown): ReadonlySet<string> | null => (typeof value === 'string' && value !== '' ? new Set([value]) : null);

/**
 * What a persisted widget answer read. Metrics come from the execution, except for a campaign's
 * totals, which read whatever metrics the campaign has (a new one included). Places and campaigns come
 * from the variables that restrict the whole answer (`filter.regionCode`, `filter.campaign`, `slug`);
 * a map or coverage zoomed to a province still shows national figures, so `province` restricts nothing.
 */
export function readScopeOf(variables: Record<string, unknown>, verdict: ExecutionVerdict): ReadScope {
  const filter = record(variables.filter);
  const region = filter.regionCode;
  const campaigns = one(variables.slug) ?? one(filter.campaign);
  const byCampaignSlug = typeof variables.slug === 'string';
  return {
    metrics: byCampaignSlug || verdict.metrics.size === 0 ? null : verdict.metrics,
    provinces: typeof region === 'string' && region !== '' ? new Set([region.split('.')[0] ?? region]) : null,
    campaigns,
  };
}
