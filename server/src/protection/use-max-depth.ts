import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import type { Plugin } from 'graphql-yoga';
import { reportAsValidationError } from './refusal.ts';

export interface MaxDepthOptions {
  /** Deepest selection, fragments flattened. Armor's stock 6 is too low for Relay (`edges.node...`). @default 12 */
  maxDepth?: number;
}

/** Refuses selections nested deeper than the limit; introspection has its own limit (`useIntrospection`). */
export function useMaxDepth({ maxDepth = 12 }: MaxDepthOptions = {}): Plugin {
  return maxDepthPlugin({ n: maxDepth, flattenFragments: true, ignoreIntrospection: true, ...reportAsValidationError }) as Plugin;
}
