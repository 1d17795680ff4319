import type { Replay } from './response-cache.ts';

export interface Recomputation {
  key: string;
  replay: Replay;
  variables: Record<string, unknown>;
}

/**
 * Recomputes, in the background and `concurrency` at a time, the answers a change made out of date,
 * so the next visitor finds the new one. A key already waiting is not queued twice; a key added while
 * it runs runs once more after.
 */
export class RecomputeAhead<Job extends { key: string } = Recomputation> {
  readonly #waiting = new Map<string, Job>();
  #running = 0;
  #idle: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly work: (job: Job) => Promise<void>,
  ) {}

  add(job: Job): void {
    this.#waiting.set(job.key, job);
    this.#next();
  }

  /** Recomputations waiting or running. */
  get pending(): number {
    return this.#waiting.size + this.#running;
  }

  /** Resolves when nothing waits or runs. */
  idle(): Promise<void> {
    if (this.#running === 0 && this.#waiting.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #next(): void {
    while (this.#running < this.concurrency && this.#waiting.size > 0) {
      const [key, job] = this.#waiting.entries().next().value as [string, Job];
      this.#waiting.delete(key);
      this.#running += 1;
      void this.work(job)
        .catch(() => undefined)
        .finally(() => {
          this.#running -= 1;
          this.#next();
          if (this.#running === 0 && this.#waiting.size === 0) for (const resolve of this.#idle.splice(0)) resolve();
        });
    }
  }
}
