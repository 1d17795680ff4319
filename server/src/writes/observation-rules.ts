import type { Database } from '@pantau/prisma';
import type { Violation } from './invalid-input.ts';

/** An observation as a caller sends it: every field text, as in a CSV row or a GraphQL input. */
export interface ObservationFields {
  metric?: string | null;
  value?: string | null;
  unit?: string | null;
  periodStart?: string | null;
  periodEnd?: string | null;
  officeCode?: string | null;
  regionCode?: string | null;
  program?: string | null;
  campaign?: string | null;
  source?: string | null;
  isLowerBound?: boolean | string | null;
  dimensions?: Record<string, string> | null;
}

export interface ObservationData {
  metricId: number;
  value: string;
  periodStart: Date;
  periodEnd: Date;
  officeId: number | null;
  regionCode: string | null;
  programId: number | null;
  campaignId: number | null;
  sourceId: number;
  isLowerBound: boolean;
  dimensions: Record<string, string>;
}

const EARLIEST = new Date('1950-01-01T00:00:00Z');
const MAX_SPAN_DAYS = 366 * 5;
const DAY = 86_400_000;

/** Runs one parameterised SELECT: Prisma's raw query, or the connection of an open import transaction. */
export type Lookup = <Row>(sql: string, params: unknown[]) => Promise<Row[]>;

export function prismaLookup(database: Database): Lookup {
  return (sql, params) => database.prisma.$queryRawUnsafe(sql, ...params);
}

interface MetricRef {
  id: number;
  key: string;
  unit: string;
  dimensions: string[];
}

/**
 * Looks up the codes and keys an observation refers to, each distinct one once (an import of 10,000
 * rows naming five offices asks the database five times).
 */
export class ObservationReferences {
  readonly #cache = new Map<string, Promise<unknown>>();
  constructor(private readonly lookup: Lookup) {}

  #first<T>(cacheKey: string, sql: string, value: string): Promise<T | null> {
    let hit = this.#cache.get(cacheKey) as Promise<T | null> | undefined;
    if (!hit) {
      hit = this.lookup<T>(sql, [value]).then((rows) => rows[0] ?? null);
      this.#cache.set(cacheKey, hit);
    }
    return hit;
  }

  metric = (key: string) => this.#first<MetricRef>(`m:${key}`, 'SELECT id, key, unit::text AS unit, dimensions FROM metric WHERE key = $1', key);
  office = (code: string) => this.#first<{ id: number }>(`o:${code}`, 'SELECT id FROM office WHERE code = $1', code);
  region = (code: string) => this.#first<{ code: string }>(`r:${code}`, 'SELECT code FROM region WHERE code = $1', code);
  program = (key: string) => this.#first<{ id: number }>(`p:${key}`, 'SELECT id FROM program WHERE key = $1', key);
  campaign = (slug: string) => this.#first<{ id: number }>(`c:${slug}`, 'SELECT id FROM campaign WHERE slug = $1', slug);
  source = (key: string) => this.#first<{ id: number }>(`s:${key}`, 'SELECT id FROM source WHERE key = $1', key);
}

function parseDay(text: string | null | undefined): Date | null {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? null : date;
}

function parseBoolean(value: boolean | string | null | undefined): boolean | null {
  if (value === undefined || value === null || value === '') return false;
  if (typeof value === 'boolean') return value;
  const text = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'ya'].includes(text)) return true;
  if (['false', '0', 'no', 'tidak'].includes(text)) return false;
  return null;
}

/**
 * Checks one observation against the catalogue and returns either what to store or every rule it
 * breaks. `prefix` names fields as the caller knows them (`input.value`, or a CSV column `value`).
 */
export async function checkObservation(
  fields: ObservationFields,
  references: ObservationReferences,
  options: { prefix?: string; writableOffices: Set<number> | null },
): Promise<{ data: ObservationData; violations: [] } | { data: null; violations: Violation[] }> {
  const name = (field: string) => `${options.prefix ?? ''}${field}`;
  const violations: Violation[] = [];
  const broken = (field: string, rule: string) => violations.push({ field: name(field), rule });

  let metric: MetricRef | null = null;
  if (!fields.metric) broken('metric', 'is required (a metric key such as `passports_issued`)');
  else if (!(metric = await references.metric(fields.metric))) broken('metric', `must be a known metric key (got "${fields.metric}"; the \`metrics\` query lists them)`);

  const value = fields.value?.trim() ?? '';
  if (!value) broken('value', 'is required');
  else if (!/^\d{1,16}(\.\d{1,4})?$/.test(value)) broken('value', `must be a non-negative decimal with at most 16 digits before and 4 after the point (got "${value}")`);

  if (fields.unit && metric && fields.unit !== metric.unit) broken('unit', `must be ${metric.unit}, the unit of \`${metric.key}\` (got "${fields.unit}")`);

  const start = parseDay(fields.periodStart);
  const end = parseDay(fields.periodEnd ?? fields.periodStart);
  if (!start) broken('periodStart', `must be a real day written YYYY-MM-DD (got "${fields.periodStart ?? ''}")`);
  if (!end) broken('periodEnd', `must be a real day written YYYY-MM-DD (got "${fields.periodEnd ?? ''}")`);
  if (start && end) {
    if (end < start) broken('periodEnd', 'must not be before `periodStart`');
    else if (start < EARLIEST) broken('periodStart', 'must be 1950-01-01 or later');
    else if (end.getTime() > Date.now() + 366 * DAY) broken('periodEnd', 'must be within a year from today');
    else if ((end.getTime() - start.getTime()) / DAY > MAX_SPAN_DAYS) broken('periodEnd', 'must be at most five years after `periodStart`');
  }

  const dimensions = fields.dimensions ?? {};
  if (metric) {
    for (const [key, dimensionValue] of Object.entries(dimensions)) {
      if (!metric.dimensions.includes(key)) broken(`dimensions.${key}`, `is not a dimension of \`${metric.key}\` (valid: ${metric.dimensions.join(', ') || 'none'})`);
      else if (!dimensionValue || dimensionValue.length > 100) broken(`dimensions.${key}`, 'must be 1 to 100 characters');
    }
  }

  let officeId: number | null = null;
  if (fields.officeCode) {
    const office = await references.office(fields.officeCode);
    if (!office) broken('officeCode', `must be a known office code (got "${fields.officeCode}")`);
    else officeId = office.id;
  }
  if (options.writableOffices) {
    if (officeId === null) broken('officeCode', 'is required: this API key may only write figures of its own office and its units');
    else if (!options.writableOffices.has(officeId)) broken('officeCode', `is outside what this API key may write (its office and the offices under it; got "${fields.officeCode}")`);
  }
  if (fields.regionCode && !(await references.region(fields.regionCode))) broken('regionCode', `must be a Kemendagri code in the \`regions\` list (got "${fields.regionCode}")`);
  if (!fields.officeCode && !fields.regionCode) broken('officeCode', 'or `regionCode` is required: a figure belongs to an office or a place');

  let programId: number | null = null;
  if (fields.program) {
    const program = await references.program(fields.program);
    if (!program) broken('program', `must be a known program key (got "${fields.program}")`);
    else programId = program.id;
  }
  let campaignId: number | null = null;
  if (fields.campaign) {
    const campaign = await references.campaign(fields.campaign);
    if (!campaign) broken('campaign', `must be a known campaign slug (got "${fields.campaign}")`);
    else campaignId = campaign.id;
  }
  let sourceId: number | null = null;
  if (!fields.source) broken('source', 'is required: every figure cites the source it comes from (a source key)');
  else {
    const source = await references.source(fields.source);
    if (!source) broken('source', `must be a known source key (got "${fields.source}"; create the source first)`);
    else sourceId = source.id;
  }
  const isLowerBound = parseBoolean(fields.isLowerBound);
  if (isLowerBound === null) broken('isLowerBound', `must be true or false (got "${String(fields.isLowerBound)}")`);

  if (violations.length > 0 || !metric || !start || !end || sourceId === null || isLowerBound === null) return { data: null, violations };
  return {
    data: { metricId: metric.id, value, periodStart: start, periodEnd: end, officeId, regionCode: fields.regionCode || null, programId, campaignId, sourceId, isLowerBound, dimensions },
    violations: [],
  };
}

