import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.ts';
import './scalars.ts';
import './date-time.ts';
import './types/region.ts';
import './types/office.ts';
import './types/program.ts';
import './types/metric.ts';
import './types/source.ts';
import './types/observation.ts';
import './types/observation-revision.ts';
import './types/campaign.ts';
import './types/partner-village.ts';
import './types/metric-series.ts';
import './types/metric-table.ts';
import './types/metric-suppression.ts';
import './types/target.ts';
import './types/campaign-totals.ts';
import './types/partner-village-map.ts';
import './types/tppo-coverage.ts';
import './types/observation-mutations.ts';
import './types/audit-log.ts';
import './types/import-mutation.ts';

export const schema: GraphQLSchema = builder.toSchema();

/** The contract as committed in `schema/schema.graphql`: sorted so diffs show real changes only. */
export function printContract(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
