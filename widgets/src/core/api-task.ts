import { Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { endpointFor, requestGraphQL, type PersistedOperation } from './graphql.ts';

/** What an API task needs from its element. */
export interface ApiTaskHost extends ReactiveControllerHost {
  endpoint: string | null;
}

export interface ApiTaskOptions<Answer> {
  /** The element's typed document from `@pantau/schema` (`persistedDocument(...)`); read when the task runs. */
  operation: () => PersistedOperation;
  /** The operation's variables; the task runs again whenever they (or the endpoint) change. */
  variables: () => Record<string, unknown>;
  onComplete?: (answer: Answer) => void;
  onError?: (message: string) => void;
}

/**
 * A `@lit/task` that runs a persisted operation: it hands the request the task's AbortSignal (a newer
 * run or a disconnect aborts the older one) and renders pending / complete / error through `render()`.
 * `run()` asks again (the retry button).
 */
export function apiTask<Answer>(host: ApiTaskHost, options: ApiTaskOptions<Answer>): Task<[string, string], Answer> {
  const task = new Task(host, {
    // Variables as JSON, so that equal variables compare equal and do not ask again.
    args: (): [string, string] => [endpointFor(host.endpoint), JSON.stringify(options.variables())],
    task: async ([endpoint, variables], { signal }) => {
      try {
        const answer = await requestGraphQL<Answer>(endpoint, options.operation(), JSON.parse(variables) as Record<string, unknown>, signal);
        if (!signal.aborted) options.onComplete?.(answer);
        return answer;
      } catch (error) {
        if (!signal.aborted) options.onError?.((error as Error).message);
        throw error;
      }
    },
  });
  host.addController({
    hostDisconnected: () => task.abort(),
    // The arguments did not change, so the task would not ask again by itself after that abort.
    hostConnected: () => void (task.status === TaskStatus.ERROR && (task.error as Error | undefined)?.name === 'AbortError' && task.run()),
  });
  return task;
}
