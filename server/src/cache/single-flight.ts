/** At most one computation per key in flight: a caller arriving meanwhile shares its answer. */
export class SingleFlight<T> {
  readonly #inFlight = new Map<string, Promise<T>>();

  run(key: string, start: () => Promise<T>): { answer: Promise<T>; shared: boolean } {
    const pending = this.#inFlight.get(key);
    if (pending) return { answer: pending, shared: true };
    const answer = start().finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, answer);
    return { answer, shared: false };
  }
}
