import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import config from './codegen.ts';
import * as documents from './documents.ts';
import { loadPersistedOperations } from './persisted-operations.ts';

const schemaDir = fileURLToPath(new URL('./', import.meta.url));

describe('typed documents', () => {
  it('are current: `pnpm --filter @pantau/schema codegen` writes what is committed', async () => {
    const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: schemaDir }, false);
    expect(outputs.map((o) => o.filename).sort()).toEqual([
      'generated/exports/gql.ts',
      'generated/exports/graphql.ts',
      'generated/exports/index.ts',
      'generated/gql.ts',
      'generated/graphql.ts',
      'generated/index.ts',
    ]);
    for (const { filename, content } of outputs) {
      expect(readFileSync(new URL(filename, import.meta.url), 'utf8'), `${filename} is stale: run pnpm --filter @pantau/schema codegen`).toBe(content);
    }
  });

  it('carry the persisted id the server knows for each operation file, and the same operation', () => {
    const store = loadPersistedOperations();
    // Every generated document, found by name, so a new operation needs no line here.
    const sent = Object.entries(documents)
      .filter(([name]) => /^Pantau\w+Document$/.test(name))
      .map(([, typed]) => documents.persistedDocument(typed as documents.TypedDocumentString<unknown, unknown>));
    expect(new Set(sent.map((s) => s.hash)).size).toBe(store.size);
    for (const operation of sent) {
      const file = store.get(operation.hash);
      expect(file, `no operation file hashes to ${operation.hash}`).toBeDefined();
      expect(print(parse(operation.document))).toBe(print(parse(file ?? '')));
    }
  });
});
