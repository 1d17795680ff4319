import type { GraphQLContext } from '../context.ts';
import { visibilityAsked } from '../visibility/observations.ts';

/** True when the caller asked for unpublished figures and may see them; refuses callers without `read:restricted`. */
export function requireRestricted(context: GraphQLContext, asked: boolean | null | undefined, argument: string): boolean {
  return visibilityAsked(context, asked, argument).unpublished;
}
