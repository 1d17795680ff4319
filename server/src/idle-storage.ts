import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * An AsyncLocalStorage switched off whenever nobody holds it. On Node 20 an enabled one runs a hook on
 * every promise the process makes, whoever made it, until it is disabled: left on after its first
 * use, it made every later answer, cached ones too, pay for hooks nobody read (pnpm bench:observability).
 */
export class IdleStorage<T> {
  readonly #storage = new AsyncLocalStorage<T>();
  #holders = 0;

  getStore(): T | undefined {
    return this.#storage.getStore();
  }

  /** Keeps the storage on until the matching `release`. */
  hold(): void {
    this.#holders += 1;
  }

  /** Ends one `hold`. After the last, code still running in the storage finds nothing in it. */
  release(): void {
    this.#holders -= 1;
    if (this.#holders === 0) this.#storage.disable();
  }

  /** Runs `work` so that what it awaits finds `store`; only inside a `hold`. */
  run<R>(store: T, work: () => R): R {
    return this.#storage.run(store, work);
  }

  /** Runs `work` with `store`, holding the storage until what `work` returns settles. */
  runUntilSettled<R>(store: T, work: () => R): R {
    this.hold();
    let result: R;
    try {
      result = this.#storage.run(store, work);
    } catch (error) {
      this.release();
      throw error;
    }
    if (result instanceof Promise) return result.finally(() => this.release()) as R;
    this.release();
    return result;
  }
}
