import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, getOperationAST, Kind, NoSchemaIntrospectionCustomRule, visit, type DocumentNode, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ProtectionLimits } from './limits.ts';
import { MAX_PAGE_SIZE } from '../schema/pagination.ts';
import { RateLimiter } from './rate-limit.ts';

function refused(status: number, message: string, headers: Record<string, string> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: status === 429 ? 'RATE_LIMITED' : 'BAD_REQUEST', http: { status, headers } } });
}

/**
 * Armor throws out of validation by default, which Yoga answers with 200; reported as validation
 * errors instead, they answer 400 like any invalid document.
 */
const reportAsValidationError = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

/** 1 for the request plus 1 for every aliased field: aliases multiply work as batching would. */
function requestCost(document: DocumentNode): number {
  let aliases = 0;
  visit(document, { Field: (field) => void (field.alias ? (aliases += 1) : undefined) });
  return 1 + aliases;
}

/** The API key's hash, or the client IP: what a bucket belongs to. */
function identityOf(request: Request, nodeRequest: IncomingMessage | undefined): string {
  const authorization = request.headers.get('authorization');
  if (authorization) return `key:${createHash('sha256').update(authorization).digest('hex')}`;
  return `ip:${nodeRequest?.socket.remoteAddress ?? 'unknown'}`;
}

/**
 * Limits checked before any resolver runs: document size, rate (per key or IP, aliases counted),
 * GraphQL Armor's depth, alias, directive, token and cost limits, and introspection for anonymous callers.
 */
export function protectionPlugins(limits: ProtectionLimits): Plugin[] {
  const limiter = new RateLimiter(limits.rateLimitBurst, limits.rateLimitPerSecond);
  const documentLimit: Plugin = {
    onParams({ params }) {
      if (typeof params.query === 'string' && Buffer.byteLength(params.query) > limits.maxDocumentBytes) {
        throw refused(413, `The GraphQL document is larger than ${limits.maxDocumentBytes} bytes`);
      }
    },
  };
  const rateLimit: Plugin = {
    onParse({ context }) {
      return ({ result }) => {
        if (!result || result instanceof Error || !('kind' in result) || result.kind !== Kind.DOCUMENT) return;
        const { request, req } = context as unknown as { request: Request; req?: IncomingMessage };
        const wait = limiter.take(identityOf(request, req), requestCost(result));
        if (wait > 0) throw refused(429, `Too many requests: try again in ${wait} s (each aliased field counts as a request)`, { 'Retry-After': String(wait) });
      };
    },
  };
  // The page cap is also checked by the resolvers; checking it here refuses the request before any runs.
  const pageCap: Plugin = {
    onExecute({ args }) {
      // A variable left out takes its declared default (`query($n: Int = 100000)`), as execution would.
      const defaults = new Map<string, number>();
      for (const definition of getOperationAST(args.document, args.operationName)?.variableDefinitions ?? []) {
        if (definition.defaultValue?.kind === Kind.INT) defaults.set(definition.variable.name.value, Number(definition.defaultValue.value));
      }
      visit(args.document, {
        Argument(argument) {
          if (argument.name.value !== 'first' && argument.name.value !== 'last') return;
          const variable = argument.value.kind === Kind.VARIABLE ? argument.value.name.value : null;
          const given = variable === null ? undefined : args.variableValues?.[variable];
          const value =
            argument.value.kind === Kind.INT ? Number(argument.value.value) : variable !== null ? Number(given ?? defaults.get(variable) ?? 0) : 0;
          if (value > MAX_PAGE_SIZE || value < 0) throw new GraphQLError(`Argument \`${argument.name.value}\` must be between 0 and ${MAX_PAGE_SIZE} (got ${value})`, { extensions: { code: 'BAD_USER_INPUT', argument: argument.name.value, http: { status: 400 } } });
        },
      });
    },
  };
  const introspection: Plugin = {
    onValidate({ context, addValidationRule }) {
      const { request } = context as unknown as { request: Request };
      if (!limits.anonymousIntrospection && !request.headers.get('authorization')) addValidationRule(NoSchemaIntrospectionCustomRule);
      // Armor's refusals are plain GraphQLErrors; mark them as validation failures so they answer 400.
      return ({ result, setResult }) => {
        if (result.length === 0) return;
        setResult(result.map((error) => (error.extensions.http ? error : new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code: error.extensions.code ?? 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } }))));
      };
    },
  };
  return [
    documentLimit,
    maxTokensPlugin({ n: limits.maxTokens }) as Plugin,
    rateLimit,
    maxDepthPlugin({ n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true, ...reportAsValidationError }) as Plugin,
    maxAliasesPlugin({ n: limits.maxAliases, ...reportAsValidationError }) as Plugin,
    maxDirectivesPlugin({ n: limits.maxDirectives, ...reportAsValidationError }) as Plugin,
    costLimitPlugin({ maxCost: limits.maxCost, ...reportAsValidationError }) as Plugin,
    introspection,
    pageCap,
  ];
}
