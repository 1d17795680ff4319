import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface QueryQueueOptions {
  /** Executions that may run at once; the rest wait their turn. @default 4 */
  concurrency?: number;
  /** Executions that may wait; one more is answered 503 with `Retry-After`. @default 1_000 */
  maxWaiting?: number;
}

/**
 * First come, first served: at most `concurrency` executions run, the others wait in arrival order.
 * Without it, fifty requests share the database's connections statement by statement and all finish
 * late together; with it, each runs its statements in one go and they finish in the order they came.
 */
export class QueryQueue {
  readonly concurrency: number;
  readonly maxWaiting: number;
  readonly #waiting: (() => void)[] = [];
  #running = 0;

  constructor({ concurrency = 4, maxWaiting = 1_000 }: QueryQueueOptions = {}) {
    this.concurrency = concurrency;
    this.maxWaiting = maxWaiting;
  }

  get running(): number {
    return this.#running;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  /**
   * Resolves with the function that gives the turn back; null when the queue is full. A request whose
   * `signal` aborts while it waits (its client went away) leaves the line and resolves with null.
   */
  enter(signal?: AbortSignal): Promise<(() => void) | null> | null {
    if (this.#running < this.concurrency) {
      this.#running += 1;
      return Promise.resolve(this.#release());
    }
    if (this.#waiting.length >= this.maxWaiting) return null;
    return new Promise((resolve) => {
      const turn = () => {
        signal?.removeEventListener('abort', leave);
        resolve(this.#release());
      };
      const leave = () => {
        const at = this.#waiting.indexOf(turn);
        if (at >= 0) this.#waiting.splice(at, 1);
        resolve(null);
      };
      signal?.addEventListener('abort', leave, { once: true });
      this.#waiting.push(turn);
    });
  }

  #release(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      // The turn passes straight to the next in line, so `running` never dips and lets a newcomer ahead.
      if (next) next();
      else this.#running -= 1;
    };
  }
}

/**
 * Runs every execution (what reaches the database) through `queue`; over its bound, answers 503 with
 * `Retry-After: 1`. A request abandoned by its client while waiting never runs.
 */
export function useQueryQueue(queue: QueryQueue): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        const { request } = args.contextValue as { request?: Request };
        const turn = queue.enter(request?.signal);
        if (!turn) {
          return {
            errors: [
              new GraphQLError(`The server is busy: ${queue.maxWaiting} requests are already waiting; try again in 1 s`, {
                extensions: { code: 'BUSY', http: { status: 503, headers: { 'Retry-After': '1' } } },
              }),
            ],
          };
        }
        const release = await turn;
        if (!release) return { errors: [new GraphQLError('The client went away before its turn', { extensions: { code: 'ABANDONED' } })] };
        try {
          return await executeFn(args);
        } finally {
          release();
        }
      });
    },
  };
}
