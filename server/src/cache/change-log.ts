import { touches, type Change, type ReadScope } from './change-scope.ts';

/**
 * The latest changes, numbered, so a computation can ask whether one that touches its answer arrived
 * while it ran (it may have read the data from before). Past `limit` changes it assumes one did.
 */
export class ChangeLog {
  readonly #recent: Change[] = [];
  #position = 0;

  constructor(private readonly limit = 256) {}

  /** How many changes have arrived so far. */
  get position(): number {
    return this.#position;
  }

  record(change: Change): void {
    this.#recent.push(change);
    if (this.#recent.length > this.limit) this.#recent.shift();
    this.#position += 1;
  }

  touchedSince(position: number, scope: ReadScope): boolean {
    const missed = this.#position - position;
    if (missed === 0) return false;
    if (missed > this.#recent.length) return true;
    return this.#recent.slice(-missed).some((change) => touches(change, scope));
  }
}
