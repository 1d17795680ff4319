import type { ObservationRevision as RevisionRow } from '@pantau/prisma/client';
import { mayReadUnpublished } from '../../visibility/observations.ts';
import { suppressionPolicy } from '../../visibility/small-cells.ts';
import { builder } from '../builder.ts';
import { Metric } from './metric.ts';
import { Observation } from './observation.ts';
import { Source } from './source.ts';

export const ObservationRevision = builder.objectRef<RevisionRow>('ObservationRevision').implement({
  description: 'An earlier version of a figure, kept when it was corrected or withdrawn: it was the figure from `validFrom` until `revisedAt`.',
  fields: (t) => ({
    value: t.field({ type: 'Decimal', description: 'The value then, exact.', resolve: (r) => r.value }),
    isLowerBound: t.exposeBoolean('isLowerBound', { description: 'True when the value then was a lower bound ("more than").' }),
    periodStart: t.field({ type: 'Date', description: 'First day of the period then.', resolve: (r) => r.periodStart }),
    periodEnd: t.field({ type: 'Date', description: 'Last day of the period then.', resolve: (r) => r.periodEnd }),
    published: t.exposeBoolean('published', { description: 'Whether the version was public.' }),
    source: t.field({ type: Source, description: 'The source the earlier version cited.', resolve: (r) => r.sourceId }),
    validFrom: t.field({ type: 'DateTime', description: 'When this version became the figure.', resolve: (r) => r.validFrom }),
    revisedAt: t.field({ type: 'DateTime', description: 'When it stopped being the figure.', resolve: (r) => r.revisedAt }),
    revisedBy: t.exposeString('revisedBy', { description: 'Who changed it: the API key’s name, or `cli`.' }),
    reason: t.exposeString('reason', { description: 'Why it changed.' }),
    withdrawn: t.exposeBoolean('withdrawn', { description: 'True when the figure itself was removed then (deleted, or left out of a replacing import).' }),
  }),
});

builder.objectField(Observation, 'revisions', (t) =>
  t.loadableList({
    type: ObservationRevision,
    description:
      'Earlier versions of this figure, oldest first (empty when it was never corrected). Unpublished versions only for `read:restricted`; none of a sensitive metric’s figures without it, as their values are suppressed.',
    resolve: (o) => o.id,
    load: async (ids: readonly number[], context) => {
      const rows = await context.database.prisma.observationRevision.findMany({
        where: { observationId: { in: [...ids] }, ...(mayReadUnpublished(context.scopes) ? {} : { published: true }) },
        orderBy: [{ revisedAt: 'asc' }, { id: 'asc' }],
      });
      // The figure of a sensitive metric is suppressed for this caller: its earlier values would tell it.
      const metrics = await Promise.all([...new Set(rows.map((row) => row.metricId))].map((id) => Metric.getDataloader(context).load(id)));
      const hidden = new Set(metrics.filter((metric) => metric && suppressionPolicy(context.scopes, metric)).map((metric) => metric?.id));
      return ids.map((id) => rows.filter((row) => row.observationId === id && !hidden.has(row.metricId)));
    },
  }),
);
