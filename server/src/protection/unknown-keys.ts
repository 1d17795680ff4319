/**
 * Hashes of keys recently found unknown or revoked, with the refusal to give, so a client repeating
 * a made-up key costs no database lookup per request. Bounded (oldest forgotten first) and short-lived.
 * Only refusals are remembered: a valid key is looked up on every request, so a key revoked a moment
 * ago is refused from the next request on. (Revocation is final, so remembering a revoked key is safe.)
 */
export class UnknownKeys {
  readonly #refusals = new Map<string, { message: string; until: number }>();

  constructor(
    private readonly now: () => number,
    /** @default 60_000 */
    private readonly ttlMs = 60_000,
    /** @default 10_000 */
    private readonly maxKeys = 10_000,
  ) {}

  get(hash: string): string | undefined {
    const refusal = this.#refusals.get(hash);
    if (!refusal) return undefined;
    if (refusal.until <= this.now()) {
      this.#refusals.delete(hash);
      return undefined;
    }
    return refusal.message;
  }

  remember(hash: string, message: string): void {
    this.#refusals.delete(hash);
    this.#refusals.set(hash, { message, until: this.now() + this.ttlMs });
    if (this.#refusals.size > this.maxKeys) this.#refusals.delete(this.#refusals.keys().next().value as string);
  }

  get size(): number {
    return this.#refusals.size;
  }
}
