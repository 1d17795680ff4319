import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { Plugin } from 'graphql-yoga';

export interface MaxTokensOptions {
  /** Lexer tokens one document may have. @default 2_000 */
  maxTokens?: number;
}

/** Refuses a document with too many tokens while it is parsed, before any validation rule walks it. */
export function useMaxTokens({ maxTokens = 2_000 }: MaxTokensOptions = {}): Plugin {
  return maxTokensPlugin({ n: maxTokens }) as Plugin;
}
