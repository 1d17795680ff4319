import type { Aggregation, Directorate, ProgramTheme, Unit } from '../../generated/enums.ts';
import { metrics } from './data/metrics.ts';
import { programs } from './data/programs.ts';

export interface ProgramDefinition {
  readonly key: string;
  readonly nameId: string;
  readonly nameEn: string;
  readonly descriptionId: string;
  readonly descriptionEn: string;
  readonly themes: readonly ProgramTheme[];
  readonly directorate: Directorate | null;
}

export interface MetricDefinition {
  readonly key: string;
  readonly nameId: string;
  readonly nameEn: string;
  readonly descriptionId: string;
  readonly descriptionEn: string;
  readonly unit: Unit;
  readonly timeAggregation: Aggregation;
  readonly spaceAggregation: Aggregation;
  readonly dimensions: readonly string[];
}

/**
 * What Pantau counts and the programs it counts for. It deploys like code: every start brings the
 * database in line with it (`catalogue-sync.ts`), so editing `data/metrics.ts` or `data/programs.ts`
 * needs no reset.
 */
export interface Catalogue {
  readonly metrics: readonly MetricDefinition[];
  readonly programs: readonly ProgramDefinition[];
}

export const catalogue: Catalogue = { metrics, programs };
export { metrics, programs };
