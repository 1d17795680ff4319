import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useMaxAliases } from './use-max-aliases.ts';
import { useMaxDepth } from './use-max-depth.ts';
import { useMaxDirectives } from './use-max-directives.ts';
import { useMaxTokens } from './use-max-tokens.ts';
import { usePageCap } from './use-page-cap.ts';
import { useValidationStatus } from './use-validation-status.ts';

/**
 * Each protection plugin alone, with no options: the limit its `@default` documents is the one it
 * enforces. A small schema of its own (a field that nests itself), so no database is needed.
 */
const schema = createSchema({
  typeDefs: 'type Query { n: Int, q: Query, page(first: Int): Int }',
  resolvers: { Query: { n: () => 1, q: () => ({}), page: () => 0 } },
});

async function status(plugin: Plugin, query: string): Promise<number> {
  const yoga = createYoga({ schema, plugins: [plugin, useValidationStatus()], logging: false });
  const response = await yoga.fetch('http://pantau.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  return response.status;
}

const repeat = (count: number, make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i)).join(' ');

describe('protection plugins with their documented defaults', () => {
  it('useMaxAliases: 30 aliases pass, 31 are refused', async () => {
    expect(await status(useMaxAliases(), `{ ${repeat(30, (i) => `a${i}: n`)} }`)).toBe(200);
    expect(await status(useMaxAliases(), `{ ${repeat(31, (i) => `a${i}: n`)} }`)).toBe(400);
  });

  it('useMaxDepth: 12 levels pass, 13 are refused', async () => {
    const nested = (depth: number) => `{ ${'q { '.repeat(depth - 1)}n${' }'.repeat(depth - 1)} }`;
    expect(await status(useMaxDepth(), nested(12))).toBe(200);
    expect(await status(useMaxDepth(), nested(13))).toBe(400);
  });

  it('useMaxDirectives: 10 directives pass, 11 are refused', async () => {
    expect(await status(useMaxDirectives(), `{ ${repeat(10, (i) => `a${i}: n @include(if: true)`)} }`)).toBe(200);
    expect(await status(useMaxDirectives(), `{ ${repeat(11, (i) => `a${i}: n @include(if: true)`)} }`)).toBe(400);
  });

  it('useMaxTokens: a document just under 2,000 tokens passes, one just over is refused', async () => {
    // `{`, three tokens per aliased field (`a0`, `:`, `n`) and `}`: 1,892 and 2,102 tokens.
    expect(await status(useMaxTokens(), `{ ${repeat(630, (i) => `a${i}: n`)} }`)).toBe(200);
    expect(await status(useMaxTokens(), `{ ${repeat(700, (i) => `a${i}: n`)} }`)).toBe(400);
  });

  it('usePageCap: first 500 passes, 501 and -1 are refused', async () => {
    expect(await status(usePageCap(), '{ page(first: 500) }')).toBe(200);
    expect(await status(usePageCap(), '{ page(first: 501) }')).toBe(400);
    expect(await status(usePageCap(), '{ page(first: -1) }')).toBe(400);
  });
});
