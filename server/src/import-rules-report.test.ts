import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { createApiKey } from './auth/api-keys.ts';
import { multipartBody } from './testing/multipart-upload.ts';
import { createPantauYoga } from './yoga.ts';

type Result = { status: number; data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] };

const header = 'metric,value,unit,period_start,period_end,office_code,region_code,program,campaign,source,is_lower_bound,dim.passport_type,dim.colour';
/** A valid row with some columns replaced; the columns in `header` order. */
const row = (changes: Partial<Record<string, string>> = {}) => {
  const good: Record<string, string> = {
    metric: 'passports_issued',
    value: '610',
    unit: '',
    period_start: '2025-06-01',
    period_end: '2025-06-30',
    office_code: 'kanwil-ditjenim-ntt',
    region_code: '53',
    program: '',
    campaign: '',
    source: 'rules-report',
    is_lower_bound: '',
    'dim.passport_type': 'electronic',
    'dim.colour': '',
  };
  return header
    .split(',')
    .map((column) => changes[column] ?? good[column])
    .join(',');
};

describe.each(testDatabaseKinds)('the rules an import reports, row by row, on %s', (kind) => {
  let database: TestDatabase;
  let yoga: ReturnType<typeof createPantauYoga>;
  let writer = '';
  let ntt = '';

  async function send(body: BodyInit, headers: Record<string, string>, key: string): Promise<Result> {
    const response = await yoga.fetch('http://pantau.test/graphql', {
      method: 'POST',
      headers: { accept: 'application/graphql-response+json', authorization: `Bearer ${key}`, 'x-pantau-client': 'rules-test', ...headers },
      body,
    });
    return { status: response.status, ...((await response.json()) as object) };
  }
  async function upload(file: string, format: 'CSV' | 'JSONL' = 'CSV', key = writer) {
    const { body, contentType } = await multipartBody(file, 'figures.csv', { format, dryRun: true });
    return send(body as BodyInit, { 'content-type': contentType }, key);
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    yoga = createPantauYoga(database, { log: { error: (...args: unknown[]) => console.error(...args) } });
    writer = (await createApiKey(database, { name: 'data-desk', scopes: ['WRITE_OBSERVATIONS'] })).secret;
    ntt = (await createApiKey(database, { name: 'kanwil-ntt', scopes: ['WRITE_OBSERVATIONS'], officeCode: 'kanwil-ditjenim-ntt' })).secret;
    await database.prisma.source.create({
      data: { key: 'rules-report', kind: 'DATASET', publisher: 'Kanwil Ditjenim NTT', title: 'Laporan', claimId: 'Laporan', claimEn: 'Report' },
    });
  });
  afterAll(() => database.close());

  it('names every broken rule of every row, in the order of the columns, with its line and record', async () => {
    const file = [
      header,
      row(),
      row({ metric: '', value: 'abc', source: '' }),
      row({ metric: 'no_such_metric', value: '-5', is_lower_bound: 'maybe' }),
      row({ unit: 'PERSON', 'dim.colour': 'red', 'dim.passport_type': 'x'.repeat(101) }),
      row({ period_start: '2025-02-29', period_end: '2025-13-01' }),
      row({ period_start: '2025-06-30', period_end: '2025-06-01' }),
      row({ period_start: '1949-12-31', period_end: '1949-12-31' }),
      row({ period_start: '2099-01-01', period_end: '2099-01-01' }),
      row({ period_start: '2015-01-01', period_end: '2021-01-01' }),
      row({ office_code: 'kanim-atlantis', region_code: '99.99', program: 'no-program', campaign: 'no-campaign', source: 'no-source' }),
      row({ office_code: '', region_code: '' }),
      row({ period_start: '2025-06-01', period_end: '', value: '12345678901234567' }),
      // A row whose key is complete but whose value is no number: resolved before it is checked, never cast.
      row({ period_start: '2025-07-01', period_end: '2025-07-31', value: '12 ribu' }),
    ].join('\n');
    const answer = await upload(`${file}\n`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.importObservations).toMatchObject({ rows: 13, inserted: 0, rolledBack: true, rejectedCount: 23 });
    expect(answer.data?.importObservations.rejected).toEqual([
      { line: 3, record: 2, column: 'metric', reason: 'metric is required (a metric key such as `passports_issued`)' },
      { line: 3, record: 2, column: 'value', reason: 'value must be a non-negative decimal with at most 16 digits before and 4 after the point (got "abc")' },
      { line: 3, record: 2, column: 'source', reason: 'source is required: every figure cites the source it comes from (a source key)' },
      { line: 4, record: 3, column: 'metric', reason: 'metric must be a known metric key (got "no_such_metric"; the `metrics` query lists them)' },
      { line: 4, record: 3, column: 'value', reason: 'value must be a non-negative decimal with at most 16 digits before and 4 after the point (got "-5")' },
      { line: 4, record: 3, column: 'is_lower_bound', reason: 'is_lower_bound must be true or false (got "maybe")' },
      { line: 5, record: 4, column: 'unit', reason: 'unit must be DOCUMENT, the unit of `passports_issued` (got "PERSON")' },
      { line: 5, record: 4, column: 'dim.passport_type', reason: 'dim.passport_type must be 1 to 100 characters' },
      { line: 5, record: 4, column: 'dim.colour', reason: 'dim.colour is not a dimension of `passports_issued` (valid: passport_type)' },
      { line: 6, record: 5, column: 'period_start', reason: 'period_start must be a real day written YYYY-MM-DD (got "2025-02-29")' },
      { line: 6, record: 5, column: 'period_end', reason: 'period_end must be a real day written YYYY-MM-DD (got "2025-13-01")' },
      { line: 7, record: 6, column: 'period_end', reason: 'period_end must not be before `periodStart`' },
      { line: 8, record: 7, column: 'period_start', reason: 'period_start must be 1950-01-01 or later' },
      { line: 9, record: 8, column: 'period_end', reason: 'period_end must be within a year from today' },
      { line: 10, record: 9, column: 'period_end', reason: 'period_end must be at most five years after `periodStart`' },
      { line: 11, record: 10, column: 'office_code', reason: 'office_code must be a known office code (got "kanim-atlantis")' },
      { line: 11, record: 10, column: 'region_code', reason: 'region_code must be a Kemendagri code in the `regions` list (got "99.99")' },
      { line: 11, record: 10, column: 'program', reason: 'program must be a known program key (got "no-program")' },
      { line: 11, record: 10, column: 'campaign', reason: 'campaign must be a known campaign slug (got "no-campaign")' },
      { line: 11, record: 10, column: 'source', reason: 'source must be a known source key (got "no-source"; create the source first)' },
      { line: 12, record: 11, column: 'office_code', reason: 'office_code or `regionCode` is required: a figure belongs to an office or a place' },
      { line: 13, record: 12, column: 'value', reason: 'value must be a non-negative decimal with at most 16 digits before and 4 after the point (got "12345678901234567")' },
      { line: 14, record: 13, column: 'value', reason: 'value must be a non-negative decimal with at most 16 digits before and 4 after the point (got "12 ribu")' },
    ]);
  });

  it('names JSON fields as sent, keeps the key office limit, and answers a single write with the same rules', async () => {
    const jsonl = [
      {
        metric: 'passports_issued',
        value: 610,
        periodStart: '2025-06-01',
        officeCode: 'kanim-tangerang',
        source: 'rules-report',
        isLowerBound: 'ya',
        dimensions: { passport_type: 'electronic' },
      },
      { metric: 'passports_issued', value: '1.5', periodStart: '2025-06-01', regionCode: '53', source: 'rules-report', isLowerBound: 2, dimensions: { colour: 'red' } },
    ]
      .map((object) => JSON.stringify(object))
      .join('\n');
    const answer = await upload(`${jsonl}\n`, 'JSONL', ntt);
    expect(answer.data?.importObservations.rejected).toEqual([
      { line: 1, record: 1, column: 'officeCode', reason: 'officeCode is outside what this API key may write (its office and the offices under it; got "kanim-tangerang")' },
      { line: 2, record: 2, column: 'dimensions.colour', reason: 'dimensions.colour is not a dimension of `passports_issued` (valid: passport_type)' },
      { line: 2, record: 2, column: 'officeCode', reason: 'officeCode is required: this API key may only write figures of its own office and its units' },
      { line: 2, record: 2, column: 'isLowerBound', reason: 'isLowerBound must be true or false (got "2")' },
    ]);
    const single = await send(
      JSON.stringify({
        query: 'mutation($input: ObservationInput!) { createObservation(input: $input) { observation { id } } }',
        variables: {
          input: {
            metric: 'passports_issued',
            value: '1.23456',
            periodStart: '2025-06-01',
            periodEnd: '2025-05-01',
            regionCode: '53',
            source: 'rules-report',
            dimensions: [{ key: 'colour', value: 'red' }],
          },
        },
      }),
      { 'content-type': 'application/json' },
      writer,
    );
    expect(single.status).toBe(400);
    expect(single.errors?.[0]?.extensions?.violations).toEqual([
      { field: 'input.value', rule: 'must be a non-negative decimal with at most 16 digits before and 4 after the point (got "1.23456")' },
      { field: 'input.periodEnd', rule: 'must not be before `periodStart`' },
      { field: 'input.dimensions.colour', rule: 'is not a dimension of `passports_issued` (valid: passport_type)' },
    ]);
  });

  it('answers a single write that breaks five rules with all five, each naming its field, and writes nothing', async () => {
    const before = await database.prisma.observation.count();
    const input = {
      metric: 'passports_issued',
      value: '-3',
      unit: 'PERSON',
      periodStart: '2026-02-10',
      periodEnd: '2026-02-01',
      officeCode: 'kanwil-ditjenim-ntt',
      regionCode: '53',
      source: 'nope',
      dimensions: [{ key: 'colour', value: 'red' }],
    };
    const answer = await send(
      JSON.stringify({ query: 'mutation($input: ObservationInput!) { createObservation(input: $input) { observation { id } } }', variables: { input } }),
      { 'content-type': 'application/json' },
      writer,
    );
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions?.violations).toEqual([
      { field: 'input.value', rule: 'must be a non-negative decimal with at most 16 digits before and 4 after the point (got "-3")' },
      { field: 'input.unit', rule: 'must be DOCUMENT, the unit of `passports_issued` (got "PERSON")' },
      { field: 'input.periodEnd', rule: 'must not be before `periodStart`' },
      { field: 'input.dimensions.colour', rule: 'is not a dimension of `passports_issued` (valid: passport_type)' },
      { field: 'input.source', rule: 'must be a known source key (got "nope"; create the source first)' },
    ]);
    expect(await database.prisma.observation.count()).toBe(before);
  });
});
