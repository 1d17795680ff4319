import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { Plugin } from 'graphql-yoga';
import type { CallerGate } from './caller-gate.ts';
import type { ProtectionLimits } from './limits.ts';
import { reportAsValidationError } from './refusal.ts';
import { useDeclaredVariables } from './use-declared-variables.ts';
import { useDocumentSize } from './use-document-size.ts';
import { useIntrospection } from './use-introspection.ts';
import { useListLimits } from './use-list-limits.ts';
import { usePageCap } from './use-page-cap.ts';
import { useQueryCost } from './use-query-cost.ts';
import { useRateLimit } from './use-rate-limit.ts';
import { useValidationStatus } from './use-validation-status.ts';

/**
 * Limits checked before any resolver runs, in this order: document size, tokens, rate (per verified
 * key or client address, aliases counted), then in validation depth, aliases (`__typename` too),
 * directives, list lengths, cost, declared variables and introspection; the page cap at execution.
 */
export function protectionPlugins(limits: ProtectionLimits, gate: CallerGate): Plugin[] {
  return [
    useDocumentSize({ maxBytes: limits.maxDocumentBytes }),
    maxTokensPlugin({ n: limits.maxTokens }) as Plugin,
    useRateLimit({ gate, burst: limits.rateLimitBurst }),
    maxDepthPlugin({ n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true, ...reportAsValidationError }) as Plugin,
    maxAliasesPlugin({ n: limits.maxAliases, allowList: [], ...reportAsValidationError }) as Plugin,
    maxDirectivesPlugin({ n: limits.maxDirectives, ...reportAsValidationError }) as Plugin,
    // List lengths before cost: "at most 500 ids" says more than the cost those ids add up to.
    useListLimits(),
    useQueryCost({ maxCost: limits.maxCost }),
    useDeclaredVariables(),
    useIntrospection({ gate, anonymous: limits.anonymousIntrospection, maxDepth: limits.maxIntrospectionDepth }),
    useValidationStatus(),
    usePageCap(),
  ];
}
