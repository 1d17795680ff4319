import type { GraphQLContext } from '../context.ts';
import { forbidden } from '../writes/invalid-input.ts';

/** True when the caller asked for restricted data and may see it; refuses callers without `read:restricted`. */
export function requireRestricted(context: GraphQLContext, asked: boolean | null | undefined, argument: string): boolean {
  if (!asked) return false;
  if (!context.scopes.readRestricted) throw forbidden(`\`${argument}\` needs an API key with the read:restricted scope`);
  return true;
}
