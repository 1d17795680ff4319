import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import type { Plugin } from 'graphql-yoga';
import { reportAsValidationError } from './refusal.ts';

export interface MaxDirectivesOptions {
  /** Directives one document may use. @default 10 */
  maxDirectives?: number;
}

/** Refuses documents with too many directives: a document can repeat `@include` thousands of times, each one work for validation. */
export function useMaxDirectives({ maxDirectives = 10 }: MaxDirectivesOptions = {}): Plugin {
  return maxDirectivesPlugin({ n: maxDirectives, ...reportAsValidationError }) as Plugin;
}
