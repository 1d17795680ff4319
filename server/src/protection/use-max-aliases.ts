import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import type { Plugin } from 'graphql-yoga';
import { reportAsValidationError } from './refusal.ts';

export interface MaxAliasesOptions {
  /** Aliased fields one document may have, `__typename` included. @default 30 */
  maxAliases?: number;
}

/** Refuses documents with too many aliases: each alias runs its field again, as batching would. */
export function useMaxAliases({ maxAliases = 30 }: MaxAliasesOptions = {}): Plugin {
  return maxAliasesPlugin({ n: maxAliases, allowList: [], ...reportAsValidationError }) as Plugin;
}
