import type { Database } from '@pantau/prisma';
import type { Caller } from '../auth/api-keys.ts';
import { conflict, invalidInput } from '../schema/errors.ts';
import { auditedWrite, type Transaction } from './audited-write.ts';

/**
 * How one kind of catalogue record (a source, a campaign, a partner village) is stored. Its rules
 * run before the transaction opens and hand over checked `Data`.
 */
export interface CatalogueEntity<Data> {
  /** The GraphQL type, for global IDs: `PartnerVillage`. */
  typename: string;
  /** The audit log's entity: `partner_village`. */
  entity: string;
  /** The audit action's prefix: `partnerVillage` (`partnerVillage.create`). */
  action: string;
  /** How conflicts name a record with this data, e.g. `Source "antara-2026"`, or `This source` for a delete. */
  named: (data: Data | null) => string;
  create: (tx: Transaction, data: Data) => Promise<{ id: number; after: unknown }>;
  update: (tx: Transaction, id: number, data: Data) => Promise<unknown>;
  find: (tx: Transaction, id: number) => Promise<unknown>;
  remove: (tx: Transaction, id: number) => Promise<unknown>;
}

/** One change to a catalogue record, with the request it answers (hashed for idempotency). */
type Upsert<Data> = { kind: 'create'; data: Data; request: unknown } | { kind: 'update'; id: number; data: Data; request: unknown };
type Removal = { kind: 'delete'; id: number };
export type CatalogueChange<Data> = Upsert<Data> | Removal;

const globalId = (typename: string, id: number) => Buffer.from(`${typename}:${id}`).toString('base64');

/** A delete or key change that a foreign key refuses becomes a conflict that says why. */
async function explainingConflicts<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = (error as { code?: string }).code;
    // PostgreSQL reports a RESTRICT foreign key as 23001, which Prisma passes on as a generic database error.
    if (code === 'P2003' || /violates (RESTRICT setting of )?foreign key constraint/.test((error as Error).message))
      throw conflict(`${what} is still referenced by other records (figures, villages or offices); remove those first`);
    if (code === 'P2002') throw conflict(`${what}: the key, slug or village is already taken`);
    if (code === 'P2025') throw invalidInput([{ field: 'id', rule: 'must be the ID of an existing record' }]);
    throw error;
  }
}

/**
 * Creates, updates or deletes one catalogue record: audited with its before and after, idempotent
 * under `idempotencyKey`, a foreign-key or unique-key refusal answered as a conflict that says why.
 * Answers the record's id, or the deleted record's global ID.
 */
export function catalogueWrite<Data>(
  database: Database,
  caller: Caller,
  entity: CatalogueEntity<Data>,
  change: Upsert<Data>,
  idempotencyKey: string | null | undefined,
): Promise<{ id: number }>;
export function catalogueWrite<Data>(
  database: Database,
  caller: Caller,
  entity: CatalogueEntity<Data>,
  change: Removal,
  idempotencyKey: string | null | undefined,
): Promise<{ deletedId: string }>;
export function catalogueWrite<Data>(
  database: Database,
  caller: Caller,
  entity: CatalogueEntity<Data>,
  change: CatalogueChange<Data>,
  idempotencyKey: string | null | undefined,
): Promise<{ id: number } | { deletedId: string }> {
  const operation = `${entity.action}.${change.kind}`;
  const payload = change.kind === 'create' ? change.request : change.kind === 'update' ? { id: change.id, input: change.request } : { id: change.id };
  const facts = { entity: entity.entity, action: operation };
  return auditedWrite<{ id: number } | { deletedId: string }>(database, caller, { operation, payload, idempotencyKey }, (tx) => {
    if (change.kind === 'create') {
      return explainingConflicts(entity.named(change.data), async () => {
        const { id, after } = await entity.create(tx, change.data);
        return { result: { id }, audit: { ...facts, entityId: String(id), after, inserted: 1 } };
      });
    }
    if (change.kind === 'update') {
      return explainingConflicts(entity.named(change.data), async () => {
        const before = await entity.find(tx, change.id);
        if (!before) throw invalidInput([{ field: 'id', rule: `must be the ID of an existing ${entity.entity.replace('_', ' ')}` }]);
        const after = await entity.update(tx, change.id, change.data);
        return { result: { id: change.id }, audit: { ...facts, entityId: String(change.id), before, after, updated: 1 } };
      });
    }
    return explainingConflicts(entity.named(null), async () => {
      const before = await entity.remove(tx, change.id);
      return { result: { deletedId: globalId(entity.typename, change.id) }, audit: { ...facts, entityId: String(change.id), before, deleted: 1 } };
    });
  });
}
