import { auditedWrite } from '../../writes/audited-write.ts';
import { invalidInput } from '../errors.ts';
import { builder } from '../builder.ts';
import { metricFor } from '../filters.ts';
import { Metric } from './metric.ts';
import { idempotencyKeyDescription } from './delete-payload.ts';

builder.objectFields(Metric, (t) => ({
  sensitive: t.exposeBoolean('sensitive', {
    description: 'True when small counts of this metric identify people: callers without `read:restricted` see its cells below `suppressionThreshold` suppressed.',
  }),
  suppressionThreshold: t.exposeInt('suppressionThreshold', {
    description: 'For a sensitive metric, cells above zero and below this are suppressed, and so are the cells that would give them away.',
  }),
}));

builder.mutationField('setMetricSuppression', (t) =>
  t.field({
    type: Metric,
    authScopes: { admin: true },
    description: 'Marks a metric sensitive (or not) and sets its suppression threshold. Needs `admin`.',
    args: {
      metric: t.arg.string({ required: true, description: 'Metric key, e.g. `tppo_prevention_activities`.' }),
      sensitive: t.arg.boolean({ required: true, description: 'Suppress small cells for callers without `read:restricted`.' }),
      threshold: t.arg.int({ defaultValue: 10, description: 'Cells above zero and below this are suppressed (1 to 1000000).' }),
      idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }),
    },
    resolve: async (_root, args, context) => {
      const threshold = args.threshold ?? 10;
      if (!Number.isInteger(threshold) || threshold < 1 || threshold > 1_000_000)
        throw invalidInput([{ field: 'threshold', rule: `must be a whole number from 1 to 1000000 (got ${threshold})` }]);
      const metric = await metricFor(context, args.metric);
      const payload = { metric: args.metric, sensitive: args.sensitive, threshold };
      return auditedWrite(context.database, context.caller, { operation: 'metric.suppression', payload, idempotencyKey: args.idempotencyKey }, async (tx) => {
        const after = await tx.metric.update({ where: { id: metric.id }, data: { sensitive: args.sensitive, suppressionThreshold: threshold } });
        const before = { sensitive: metric.sensitive, suppressionThreshold: metric.suppressionThreshold };
        return {
          result: metric.id,
          audit: {
            action: 'metric.suppression',
            entity: 'metric',
            entityId: String(metric.id),
            before,
            after: { sensitive: after.sensitive, suppressionThreshold: after.suppressionThreshold },
            updated: 1,
          },
        };
      });
    },
  }),
);
