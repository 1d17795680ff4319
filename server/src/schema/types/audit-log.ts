import type { AuditEntry as AuditEntryRow } from '@pantau/prisma/client';
import { builder } from '../builder.ts';
import { dateRange } from '../filters.ts';
import { paginate, withTotalCount } from '../pagination.ts';

const JsonText = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

const AuditEntry = builder.objectRef<AuditEntryRow>('AuditEntry').implement({
  description: 'One accepted change, as the append-only audit log recorded it.',
  fields: (t) => ({
    id: t.string({ description: 'Sequence number of the entry.', resolve: (e) => e.id.toString() }),
    at: t.string({ description: 'When, as an ISO timestamp (UTC).', resolve: (e) => e.at.toISOString() }),
    actor: t.exposeString('actor', { description: 'Name of the API key, or `cli`.' }),
    action: t.exposeString('action', { description: 'What was done, e.g. `observation.create` or `observations.import`.' }),
    entity: t.exposeString('entity', { description: 'Kind of record changed.' }),
    entityId: t.exposeString('entityId', { nullable: true, description: 'Its database id (ids for a batch).' }),
    idempotencyKey: t.exposeString('idempotencyKey', { nullable: true, description: 'The idempotency key the request carried.' }),
    before: t.string({ nullable: true, description: 'The record before the change, as JSON.', resolve: (e) => JsonText(e.before) }),
    after: t.string({ nullable: true, description: 'The record after the change, as JSON.', resolve: (e) => JsonText(e.after) }),
    fileHash: t.exposeString('fileHash', { nullable: true, description: 'SHA-256 of an imported file.' }),
    inserted: t.exposeInt('inserted', { description: 'Rows inserted.' }),
    updated: t.exposeInt('updated', { description: 'Rows updated.' }),
    deleted: t.exposeInt('deleted', { description: 'Rows deleted.' }),
    rejected: t.exposeInt('rejected', { description: 'Rows rejected (imports).' }),
  }),
});

const AuditFilter = builder.inputType('AuditFilter', {
  description: 'Narrows the audit log.',
  fields: (t) => ({
    actor: t.string({ description: 'Only changes by this key name (or `cli`).' }),
    action: t.string({ description: 'Only this action, e.g. `observation.create`.' }),
    from: t.field({ type: 'Date', description: 'Only changes on or after this day (UTC).' }),
    to: t.field({ type: 'Date', description: 'Only changes on or before this day (UTC).' }),
  }),
});

builder.queryField('auditLog', (t) =>
  t.connection(
    {
      type: AuditEntry,
      authScopes: { admin: true },
      description: 'Every accepted change, newest first. Needs an `admin` key.',
      args: { filter: t.arg({ type: AuditFilter, description: 'Conditions the entries must meet.' }) },
      resolve: (_root, args, context) => {
        const range = dateRange(args.filter?.from, args.filter?.to, 'filter');
        const where = {
          ...(args.filter?.actor ? { actor: args.filter.actor } : {}),
          ...(args.filter?.action ? { action: args.filter.action } : {}),
          at: { ...(range.from ? { gte: range.from } : {}), ...(range.to ? { lt: new Date(range.to.getTime() + 86_400_000) } : {}) },
        };
        return paginate(
          args,
          (page) => context.database.prisma.auditEntry.findMany({ where, orderBy: { id: 'desc' }, ...page }),
          () => context.database.prisma.auditEntry.count({ where }),
        );
      },
    },
    withTotalCount,
  ),
);
