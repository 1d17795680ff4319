import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@pantau/prisma';
import type { ApiScope } from '@pantau/prisma/client';

export const apiScopes = ['READ_RESTRICTED', 'WRITE_OBSERVATIONS', 'ADMIN'] as const satisfies readonly ApiScope[];

/** As typed on the command line and in the README: `read:restricted`, `write:observations`, `admin`. */
export function scopeFromText(text: string): ApiScope {
  const scope = text.trim().toUpperCase().replace(/[:-]/g, '_');
  if ((apiScopes as readonly string[]).includes(scope)) return scope as ApiScope;
  throw new Error(`Unknown scope "${text}". Valid scopes: read:restricted, write:observations, admin`);
}

export function scopeToText(scope: ApiScope): string {
  return scope.toLowerCase().replace('_', ':');
}

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

export interface NewApiKey {
  name: string;
  scopes: readonly ApiScope[];
  officeCode?: string | undefined;
}

/** Creates a key and returns its secret, which is never stored and cannot be shown again. */
export async function createApiKey(database: Database, request: NewApiKey): Promise<{ secret: string; name: string }> {
  if (!/^[\w.-]{3,60}$/.test(request.name)) throw new Error('--name must be 3 to 60 letters, digits, dots, dashes or underscores');
  if (request.scopes.length === 0) throw new Error('--scopes needs at least one of read:restricted, write:observations, admin');
  const office = request.officeCode ? await database.prisma.office.findUnique({ where: { code: request.officeCode } }) : null;
  if (request.officeCode && !office) throw new Error(`--office: no office with code "${request.officeCode}"`);
  if (await database.prisma.apiKey.findUnique({ where: { name: request.name } })) throw new Error(`--name: a key named "${request.name}" already exists`);
  const secret = `pantau_${randomBytes(32).toString('base64url')}`;
  await database.prisma.apiKey.create({
    data: { name: request.name, prefix: secret.slice(0, 14), hash: hashOf(secret), scopes: [...new Set(request.scopes)], officeId: office?.id ?? null },
  });
  return { secret, name: request.name };
}

export async function listApiKeys(database: Database) {
  return database.prisma.apiKey.findMany({ include: { office: { select: { code: true } } }, orderBy: { name: 'asc' } });
}

export async function revokeApiKey(database: Database, name: string): Promise<void> {
  const { count } = await database.prisma.apiKey.updateMany({ where: { name, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw new Error(`No active key named "${name}"`);
}

/** Who is calling: nobody in particular, or the holder of a key. */
export type Caller =
  | { kind: 'anonymous' }
  /** The `pnpm pantau` command line: whoever can run it can reach the database anyway. */
  | { kind: 'cli' }
  | { kind: 'key'; id: number; name: string; scopes: readonly ApiScope[]; officeId: number | null };

export class AuthenticationError extends Error {
  override name = 'AuthenticationError';
}

/** What an `Authorization` header holds, read once per request. */
export type Credential = { kind: 'none' } | { kind: 'malformed' } | { kind: 'bearer'; secret: string };

/**
 * Reads `Authorization: Bearer <key>`: the scheme in any case, any whitespace around and between, so
 * `bearer  KEY ` is the same credential as `Bearer KEY` (and counts against the same rate-limit bucket).
 */
export function parseAuthorization(header: string | null | undefined): Credential {
  if (header === null || header === undefined || header.trim() === '') return { kind: 'none' };
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ? { kind: 'bearer', secret: match[1] } : { kind: 'malformed' };
}

/** Every key `createApiKey` makes: anything else is unknown without asking the database. */
export const keyFormat = /^pantau_[A-Za-z0-9_-]{43}$/;

/** The SHA-256 a key is stored (and looked up, and remembered when unknown) by. */
export const keyHashOf = hashOf;

/** The key with this hash, or why it is refused: unknown or revoked keys are never downgraded to anonymous. */
export async function lookUpKey(database: Database, hash: string): Promise<Caller | AuthenticationError> {
  const key = await database.prisma.apiKey.findUnique({ where: { hash } });
  if (!key) return new AuthenticationError('Unknown API key');
  if (key.revokedAt) return new AuthenticationError('This API key has been revoked');
  return { kind: 'key', id: key.id, name: key.name, scopes: key.scopes, officeId: key.officeId };
}

export const malformedAuthorization = 'The Authorization header must be "Bearer <API key>"';

/** Reads `Authorization: Bearer <key>`; a key that is unknown or revoked is refused, never downgraded to anonymous. */
export async function authenticate(database: Database, authorization: string | null): Promise<Caller> {
  const credential = parseAuthorization(authorization);
  if (credential.kind === 'none') return { kind: 'anonymous' };
  if (credential.kind === 'malformed') throw new AuthenticationError(malformedAuthorization);
  const caller = keyFormat.test(credential.secret) ? await lookUpKey(database, hashOf(credential.secret)) : new AuthenticationError('Unknown API key');
  if (caller instanceof AuthenticationError) throw caller;
  return caller;
}

export function hasScope(caller: Caller, scope: ApiScope): boolean {
  if (caller.kind === 'cli') return true;
  return caller.kind === 'key' && (caller.scopes.includes(scope) || caller.scopes.includes('ADMIN'));
}
