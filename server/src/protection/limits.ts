/**
 * The protection defaults. Every widget operation and README example fits under them with room to
 * spare (the deepest, the map's `partnerVillageMap.points.partnerVillage.source.key`, has depth 5; the
 * metric chart uses 13 aliases). Each can be changed through the environment (`config.ts`).
 */
export interface ProtectionLimits {
  /** Deepest selection, fragments flattened. Armor's stock 6 is too low for Relay (`edges.node...`). */
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Lexer tokens in one document. */
  maxTokens: number;
  /** Armor's cost estimate (objects 2, scalars 1, ×1.5 per level). */
  maxCost: number;
  /** Characters of the `query` text. */
  maxDocumentBytes: number;
  /** JSON and GET requests. */
  maxBodyBytes: number;
  /** Multipart imports by keyed callers (`importObservations`). */
  maxUploadBytes: number;
  /** Deepest selection of an introspection query (`__schema`), fragments flattened: graphql-js's own (GraphiQL's) is 15 deep. */
  maxIntrospectionDepth: number;
  /**
   * Token bucket per verified API key, else per client address: burst size... A request whose cost
   * exceeds the burst could never pass, and is refused with 400.
   */
  rateLimitBurst: number;
  /** ...and tokens regained per second. A request costs 1, plus 1 per aliased field (`__typename` too). */
  rateLimitPerSecond: number;
  /** Proxies of ours in front of the server, whose `X-Forwarded-For` entries are believed. 0 believes none. */
  trustProxy: number;
  /** Bytes the persisted-GET answer cache may hold (bodies, keys and headers). */
  cacheMaxBytes: number;
  /** Whether callers without a key may introspect the schema (keyed callers always may). */
  anonymousIntrospection: boolean;
  /** Origins whose pages may send an API key from the browser; everyone else reads anonymously. */
  keyedCorsOrigins: readonly string[];
  /** Callers without a key may only run the persisted operations of `schema/operations/` (by hash). */
  persistedOnlyForAnonymous: boolean;
  /** Keyed callers (admin keys excepted) may only run the persisted operations: the widgets' and those registered for their key. */
  persistedOnlyForKeys: boolean;
}

export const defaultLimits: ProtectionLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 10,
  maxTokens: 2_000,
  maxCost: 20_000,
  maxDocumentBytes: 20_000,
  maxBodyBytes: 2 * 1024 * 1024,
  maxUploadBytes: 100 * 1024 * 1024,
  maxIntrospectionDepth: 20,
  rateLimitBurst: 120,
  rateLimitPerSecond: 20,
  trustProxy: 0,
  cacheMaxBytes: 64 * 1024 * 1024,
  anonymousIntrospection: true,
  keyedCorsOrigins: [],
  persistedOnlyForAnonymous: false,
  persistedOnlyForKeys: false,
};

const integerLimits = {
  maxDepth: 'PANTAU_MAX_DEPTH',
  maxAliases: 'PANTAU_MAX_ALIASES',
  maxDirectives: 'PANTAU_MAX_DIRECTIVES',
  maxTokens: 'PANTAU_MAX_TOKENS',
  maxCost: 'PANTAU_MAX_COST',
  maxDocumentBytes: 'PANTAU_MAX_DOCUMENT_BYTES',
  maxBodyBytes: 'PANTAU_MAX_BODY_BYTES',
  maxUploadBytes: 'PANTAU_MAX_UPLOAD_BYTES',
  maxIntrospectionDepth: 'PANTAU_MAX_INTROSPECTION_DEPTH',
  rateLimitBurst: 'PANTAU_RATE_LIMIT_BURST',
  rateLimitPerSecond: 'PANTAU_RATE_LIMIT_PER_SECOND',
  cacheMaxBytes: 'PANTAU_CACHE_MAX_BYTES',
} as const satisfies Partial<Record<keyof ProtectionLimits, string>>;

/** Reads overrides from the environment; a bad value throws naming its variable. */
export function limitsFromEnv(env: NodeJS.ProcessEnv, fail: (message: string) => Error): ProtectionLimits {
  const limits: ProtectionLimits = { ...defaultLimits };
  for (const [field, variable] of Object.entries(integerLimits) as [keyof typeof integerLimits, string][]) {
    const raw = env[variable]?.trim();
    if (!raw) continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw fail(`${variable} must be a whole number of at least 1 (got "${raw}")`);
    limits[field] = value;
  }
  const hops = env.PANTAU_TRUST_PROXY?.trim();
  if (hops) {
    if (!/^\d{1,2}$/.test(hops)) throw fail(`PANTAU_TRUST_PROXY must be the number of proxies in front of the server, 0 to 99 (got "${hops}")`);
    limits.trustProxy = Number(hops);
  }
  const flag = (variable: string): boolean | undefined => {
    const raw = env[variable]?.trim().toLowerCase();
    if (!raw) return undefined;
    if (!['0', '1', 'true', 'false'].includes(raw)) throw fail(`${variable} must be 1/true or 0/false (got "${raw}")`);
    return raw === '1' || raw === 'true';
  };
  limits.anonymousIntrospection = flag('PANTAU_ANONYMOUS_INTROSPECTION') ?? limits.anonymousIntrospection;
  limits.persistedOnlyForAnonymous = flag('PANTAU_PERSISTED_ONLY_ANONYMOUS') ?? limits.persistedOnlyForAnonymous;
  limits.persistedOnlyForKeys = flag('PANTAU_PERSISTED_ONLY_KEYS') ?? limits.persistedOnlyForKeys;
  const origins =
    env.PANTAU_KEYED_CORS_ORIGINS?.split(',')
      .map((o) => o.trim())
      .filter(Boolean) ?? [];
  for (const origin of origins)
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw fail(`PANTAU_KEYED_CORS_ORIGINS must list origins such as https://data.example.go.id (got "${origin}")`);
  return { ...limits, keyedCorsOrigins: origins };
}
