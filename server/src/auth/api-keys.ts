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
  await database.prisma.apiKey.create({ data: { name: request.name, prefix: secret.slice(0, 14), hash: hashOf(secret), scopes: [...new Set(request.scopes)], officeId: office?.id ?? null } });
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

/** Reads `Authorization: Bearer <key>`; a key that is unknown or revoked is refused, never downgraded to anonymous. */
export async function authenticate(database: Database, authorization: string | null): Promise<Caller> {
  if (!authorization) return { kind: 'anonymous' };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match?.[1]) throw new AuthenticationError('The Authorization header must be "Bearer <API key>"');
  const key = await database.prisma.apiKey.findUnique({ where: { hash: hashOf(match[1]) } });
  if (!key) throw new AuthenticationError('Unknown API key');
  if (key.revokedAt) throw new AuthenticationError('This API key has been revoked');
  return { kind: 'key', id: key.id, name: key.name, scopes: key.scopes, officeId: key.officeId };
}

export function hasScope(caller: Caller, scope: ApiScope): boolean {
  if (caller.kind === 'cli') return true;
  return caller.kind === 'key' && (caller.scopes.includes(scope) || caller.scopes.includes('ADMIN'));
}
