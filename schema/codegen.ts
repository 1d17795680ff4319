import { readdirSync, readFileSync } from 'node:fs';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { type DocumentNode, Kind, parse } from 'graphql';
import { operationHash, operationsDir } from './persisted-operations.ts';

/**
 * The persisted id of each operation, by name: the SHA-256 of its file byte for byte, as the server's
 * store keys it (codegen's own persisted documents hash the reprinted text, which would differ).
 */
const persistedHashes = new Map(
  readdirSync(operationsDir)
    .filter((file) => file.endsWith('.graphql'))
    .flatMap((file) => {
      const text = readFileSync(new URL(file, operationsDir), 'utf8');
      return parse(text).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [[d.name.value, operationHash(text)] as const] : []));
    }),
);

function persistedMeta(document: DocumentNode): { hash: string } | undefined {
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const hash = operation?.name && persistedHashes.get(operation.name.value);
  return hash ? { hash } : undefined;
}

const presetConfig = { fragmentMasking: false, onExecutableDocumentNode: persistedMeta };
const typescriptConfig = {
  // Documents as strings, not syntax trees: what the widgets send, and no parsed AST in their bundle.
  documentMode: 'string',
  useTypeImports: true,
  enumsAsTypes: true,
  strictScalars: true,
  scalars: {
    Date: 'string',
    DateTime: 'string',
    Decimal: 'string',
    File: 'File',
    PartnerVillageColumns: '../scalars.ts#PartnerVillageColumns',
    MetricSeriesColumns: '../scalars.ts#MetricSeriesColumns',
  },
};

/**
 * `pnpm --filter @pantau/schema codegen`: typed documents for the widgets' operations in `generated/`,
 * and for the server's exports in `generated/exports/` (kept apart so no widget bundle carries them).
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'generated/': { documents: ['operations/*.graphql'], preset: 'client', presetConfig, config: typescriptConfig },
    'generated/exports/': {
      documents: ['exports/*.graphql'],
      preset: 'client',
      presetConfig,
      config: {
        ...typescriptConfig,
        scalars: {
          ...typescriptConfig.scalars,
          PartnerVillageColumns: '../../scalars.ts#PartnerVillageColumns',
          MetricSeriesColumns: '../../scalars.ts#MetricSeriesColumns',
        },
      },
    },
  },
  silent: true,
};

export default config;
