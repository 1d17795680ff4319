import type { IncomingMessage } from 'node:http';
import type { Database } from '@pantau/prisma';
import { AuthenticationError, keyFormat, keyHashOf, lookUpKey, malformedAuthorization, parseAuthorization, type Caller } from '../auth/api-keys.ts';
import { clientAddress } from './client-address.ts';
import type { ProtectionLimits } from './limits.ts';
import { RateLimiter, type TokenBuckets } from './rate-limit.ts';
import { UnknownKeys } from './unknown-keys.ts';

/** Who a request is from, settled once per request and shared by the HTTP layer and Yoga. */
export interface Admission {
  /** The verified key's holder, or anonymous (also when the key was refused). */
  readonly caller: Caller;
  /** The rate-limit bucket: the verified key, else the client address. A refused key counts against its address. */
  readonly identity: string;
  /** Why the presented credential is refused (answered 401 by the API), or null. */
  readonly refusal: string | null;
  /** Tokens taken for this request so far (the HTTP layer's one at the door, then its whole cost). */
  paid: number;
}

export interface CallerGateOptions {
  limits: ProtectionLimits;
  /** Milliseconds, for the token buckets and the memory of unknown keys. @default performance.now */
  clock?: () => number;
  /** The token buckets. @default in memory, this instance's alone */
  limiter?: TokenBuckets;
}

/**
 * Resolves each request's caller once (credential parsed once, unknown keys remembered) and keeps
 * the token buckets. The HTTP layer admits every request here, paying one token; Yoga reuses that
 * admission, so a request is never authenticated twice.
 */
export class CallerGate {
  readonly limiter: TokenBuckets;
  readonly unknownKeys: UnknownKeys;
  readonly #byNodeRequest = new WeakMap<IncomingMessage, Admission>();
  readonly #byRequest = new WeakMap<Request, Admission>();

  constructor(
    private readonly database: Database,
    private readonly options: CallerGateOptions,
  ) {
    const clock = options.clock ?? (() => performance.now());
    this.limiter = options.limiter ?? new RateLimiter(options.limits.rateLimitBurst, options.limits.rateLimitPerSecond, clock);
    this.unknownKeys = new UnknownKeys(clock);
  }

  async resolve(authorization: string | null | undefined, address: string): Promise<Admission> {
    const anonymous = (refusal: string | null): Admission => ({ caller: { kind: 'anonymous' }, identity: `address:${address}`, refusal, paid: 0 });
    const credential = parseAuthorization(authorization);
    if (credential.kind === 'none') return anonymous(null);
    if (credential.kind === 'malformed') return anonymous(malformedAuthorization);
    if (!keyFormat.test(credential.secret)) return anonymous('Unknown API key');
    const hash = keyHashOf(credential.secret);
    const remembered = this.unknownKeys.get(hash);
    if (remembered) return anonymous(remembered);
    const caller = await lookUpKey(this.database, hash);
    if (caller instanceof AuthenticationError) {
      this.unknownKeys.remember(hash, caller.message);
      return anonymous(caller.message);
    }
    return { caller, identity: `key:${caller.kind === 'key' ? caller.id : 'cli'}`, refusal: null, paid: 0 };
  }

  /** The HTTP layer's door: resolves the caller and takes one token. `wait` > 0 is the refusal's Retry-After. */
  async admit(request: IncomingMessage): Promise<{ admission: Admission; wait: number }> {
    const resolved = await this.resolve(request.headers.authorization, clientAddress(request, this.options.limits.trustProxy));
    const wait = this.limiter.take(resolved.identity, 1);
    const admission = { ...resolved, paid: wait === 0 ? 1 : 0 };
    if (wait === 0) this.#byNodeRequest.set(request, admission);
    return { admission, wait };
  }

  /** Yoga's view: the door's admission, or for an in-process `yoga.fetch` one resolved now with nothing paid. */
  async enter(request: Request, nodeRequest: IncomingMessage | undefined): Promise<Admission> {
    const admission =
      (nodeRequest && this.#byNodeRequest.get(nodeRequest)) ??
      (await this.resolve(request.headers.get('authorization'), nodeRequest ? clientAddress(nodeRequest, this.options.limits.trustProxy) : 'in-process'));
    this.#byRequest.set(request, admission);
    return admission;
  }

  /**
   * Charges a parsed operation's whole cost, counting what was already paid at the door. Refused,
   * the request keeps nothing taken, so its Retry-After is the wait for the whole cost.
   */
  charge(request: Request, cost: number): number {
    const admission = this.admissionOf(request);
    this.limiter.give(admission.identity, admission.paid);
    admission.paid = 0;
    const wait = this.limiter.take(admission.identity, cost);
    if (wait === 0) admission.paid = cost;
    return wait;
  }

  /** The admission `enter` made for this request; one that never entered gets no more than anonymous. */
  admissionOf(request: Request): Admission {
    const refusal = request.headers.has('authorization') ? 'The API key could not be checked: send the request again' : null;
    return this.#byRequest.get(request) ?? { caller: { kind: 'anonymous' }, identity: 'address:unknown', refusal, paid: 0 };
  }
}
