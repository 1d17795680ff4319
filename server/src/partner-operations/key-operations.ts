import type { Database } from '@pantau/prisma';
import { operationHash } from '@pantau/schema/persisted-operations';
import { Kind, parse, validate, type GraphQLError, type OperationDefinitionNode } from 'graphql';
import { schema } from '../schema/index.ts';

/** Why an operation cannot be registered, in words the admin can act on. */
export class KeyOperationRefusal extends Error {
  override name = 'KeyOperationRefusal';
}

export interface RegisteredOperation {
  name: string;
  hash: string;
  createdAt: Date;
}

async function keyIdOf(database: Database, keyName: string): Promise<number> {
  const key = await database.prisma.apiKey.findUnique({ where: { name: keyName }, select: { id: true, revokedAt: true } });
  if (!key) throw new KeyOperationRefusal(`No API key is named "${keyName}" (see pnpm pantau keys list)`);
  return key.id;
}

/** The one named query of `document`, checked against the schema as the API would check it. */
function queryOf(document: string): OperationDefinitionNode {
  let parsed;
  try {
    parsed = parse(document);
  } catch (error) {
    throw new KeyOperationRefusal(`The document is not GraphQL: ${(error as GraphQLError).message}`);
  }
  const errors = validate(schema, parsed);
  if (errors.length > 0) throw new KeyOperationRefusal(`The document does not fit the schema: ${errors.map((e) => e.message).join('; ')}`);
  const operations = parsed.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const [operation] = operations;
  if (operations.length !== 1 || !operation) throw new KeyOperationRefusal(`The document must hold exactly one operation (got ${operations.length})`);
  if (operation.operation !== 'query')
    throw new KeyOperationRefusal(`Only queries can be registered (got a ${operation.operation}): writes go through the API with the key's scopes`);
  if (!operation.name) throw new KeyOperationRefusal('The query needs a name, e.g. `query NightlyPassports { ... }`: it is how the registration is listed and replaced');
  return operation;
}

/**
 * Registers `document` for the key named `keyName`, or replaces the key's operation of the same name.
 * Its id is the SHA-256 of the text byte for byte, like the widgets' operations.
 */
export async function registerKeyOperation(database: Database, keyName: string, document: string): Promise<RegisteredOperation> {
  const name = queryOf(document).name?.value ?? '';
  const apiKeyId = await keyIdOf(database, keyName);
  const hash = operationHash(document);
  const clash = await database.prisma.keyOperation.findUnique({ where: { apiKeyId_hash: { apiKeyId, hash } } });
  if (clash && clash.name !== name) throw new KeyOperationRefusal(`The key already has this document registered as "${clash.name}"`);
  return database.prisma.keyOperation.upsert({
    where: { apiKeyId_name: { apiKeyId, name } },
    create: { apiKeyId, name, hash, document },
    update: { hash, document, createdAt: new Date() },
    select: { name: true, hash: true, createdAt: true },
  });
}

export async function listKeyOperations(database: Database, keyName: string): Promise<RegisteredOperation[]> {
  const apiKeyId = await keyIdOf(database, keyName);
  return database.prisma.keyOperation.findMany({ where: { apiKeyId }, orderBy: { name: 'asc' }, select: { name: true, hash: true, createdAt: true } });
}

export async function removeKeyOperation(database: Database, keyName: string, name: string): Promise<void> {
  const apiKeyId = await keyIdOf(database, keyName);
  const { count } = await database.prisma.keyOperation.deleteMany({ where: { apiKeyId, name } });
  if (count === 0) throw new KeyOperationRefusal(`The key "${keyName}" has no operation named "${name}"`);
}

/** The document key `apiKeyId` registered under `hash`, or null. One indexed lookup per request. */
export async function keyOperationDocument(database: Database, apiKeyId: number, hash: string): Promise<string | null> {
  if (!/^[0-9a-f]{64}$/.test(hash)) return null;
  const found = await database.prisma.keyOperation.findUnique({ where: { apiKeyId_hash: { apiKeyId, hash } }, select: { document: true } });
  return found?.document ?? null;
}
