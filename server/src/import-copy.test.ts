import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { createApiKey } from './auth/api-keys.ts';
import { createPantauYoga } from './yoga.ts';

type Result = { status: number; data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] };

const ROWS = 20_000;
const header = 'metric,value,period_start,period_end,office_code,region_code,source,dim.passport_type,is_lower_bound';

/**
 * Row i of the 20k-row file: a period starting on a 2019 day, a value with up to four decimals, both
 * passport types, a few lower bounds. Start day and passport type repeat every 84 rows, so the period
 * ends a day later each round: every row is a figure of its own (the natural key includes the period).
 */
function figure(i: number) {
  const month = (i % 12) + 1;
  const day = (i % 28) + 1;
  const start = Date.UTC(2019, month - 1, day);
  const tenThousandths = (BigInt(i) * 7919n) % 50_000_000n;
  return {
    month: `2019-${String(month).padStart(2, '0')}`,
    day: `2019-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    end: new Date(start + Math.floor(i / 84) * 86_400_000).toISOString().slice(0, 10),
    tenThousandths,
    value: `${tenThousandths / 10_000n}.${String(tenThousandths % 10_000n).padStart(4, '0')}`,
    passportType: i % 3 === 0 ? 'ordinary' : 'electronic',
    lowerBound: i % 1000 === 0,
  };
}

const decimal = (tenThousandths: bigint) => `${tenThousandths / 10_000n}.${String(tenThousandths % 10_000n).padStart(4, '0')}`.replace(/\.?0+$/, '');

describe.each(testDatabaseKinds)('imports through COPY on %s', (kind) => {
  let database: TestDatabase;
  let yoga: ReturnType<typeof createPantauYoga>;
  let admin = '';

  async function send(body: BodyInit, headers: Record<string, string> = {}): Promise<Result> {
    const response = await yoga.fetch('http://pantau.test/graphql', {
      method: 'POST',
      headers: { accept: 'application/graphql-response+json', authorization: `Bearer ${admin}`, ...headers },
      body,
    });
    return { status: response.status, ...((await response.json()) as object) };
  }

  function upload(file: string, variables: { publish?: boolean; dryRun?: boolean; key?: string }) {
    const form = new FormData();
    form.append(
      'operations',
      JSON.stringify({
        query:
          'mutation($file: File!, $publish: Boolean, $dryRun: Boolean, $key: String) { importObservations(file: $file, publish: $publish, dryRun: $dryRun, idempotencyKey: $key) { rows inserted rejectedCount rolledBack replayed } }',
        variables: { file: null, ...variables },
      }),
    );
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    form.append('0', new File([file], 'figures.csv', { type: 'text/csv' }));
    return send(form, { 'x-pantau-client': 'import-copy-test' });
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    yoga = createPantauYoga(database, { log: { error: (...args: unknown[]) => console.error(...args) } });
    admin = (await createApiKey(database, { name: 'ministry-admin', scopes: ['ADMIN'] })).secret;
    await database.prisma.source.create({
      data: {
        key: 'ntt-2019-ledger',
        kind: 'DATASET',
        publisher: 'Kanwil Ditjenim NTT',
        title: 'Buku register 2019',
        claimId: 'Register paspor 2019',
        claimEn: 'Passport register 2019',
      },
    });
  });
  afterAll(() => database.close());

  it('imports a 20,000-row file in one transaction and the series shows the sums worked out row by row', async () => {
    const lines = [header];
    const expected = new Map<string, { sum: bigint; lowerBound: boolean }>();
    for (let i = 0; i < ROWS; i += 1) {
      const f = figure(i);
      lines.push(`passports_issued,${f.value},${f.day},${f.end},kanwil-ditjenim-ntt,53,ntt-2019-ledger,${f.passportType},${f.lowerBound}`);
      const key = `${f.month}|${f.passportType}`;
      const cell = expected.get(key) ?? { sum: 0n, lowerBound: false };
      expected.set(key, { sum: cell.sum + f.tenThousandths, lowerBound: cell.lowerBound || f.lowerBound });
    }
    const file = `${lines.join('\n')}\n`;
    const before = await database.prisma.observation.count();

    const dryRun = await upload(file, { dryRun: true, publish: true });
    expect(dryRun.data?.importObservations).toEqual({ rows: ROWS, inserted: 0, rejectedCount: 0, rolledBack: true, replayed: false });
    expect(await database.prisma.observation.count()).toBe(before);

    const imported = await upload(file, { publish: true, key: 'ntt-2019-ledger-import' });
    expect(imported.errors).toBeUndefined();
    expect(imported.data?.importObservations).toEqual({ rows: ROWS, inserted: ROWS, rejectedCount: 0, rolledBack: false, replayed: false });
    const replayed = await upload(file, { publish: true, key: 'ntt-2019-ledger-import' });
    expect(replayed.data?.importObservations).toEqual({ rows: ROWS, inserted: ROWS, rejectedCount: 0, rolledBack: false, replayed: true });
    expect(await database.prisma.observation.count()).toBe(before + ROWS);

    const series = await send(
      JSON.stringify({
        query: `{ metricSeries(metric: "passports_issued", groupBy: ["passport_type"], granularity: MONTH, filter: { regionCode: "53", from: "2019-01-01", to: "2019-12-31" }) {
          rows { period dimensions { key value } value isLowerBound } total { value observationCount } } }`,
      }),
      { 'content-type': 'application/json' },
    );
    expect(series.errors).toBeUndefined();
    const rows = series.data?.metricSeries.rows as { period: string; dimensions: { value: string }[]; value: string; isLowerBound: boolean }[];
    const answered = new Map(rows.map((row) => [`${row.period}|${row.dimensions[0]?.value}`, { value: row.value, lowerBound: row.isLowerBound }]));
    expect(answered).toEqual(new Map([...expected].map(([key, cell]) => [key, { value: decimal(cell.sum), lowerBound: cell.lowerBound }])));
    const total = [...expected.values()].reduce((sum, cell) => sum + cell.sum, 0n);
    expect(series.data?.metricSeries.total).toMatchObject({ value: decimal(total), observationCount: ROWS });
  }, 900_000); // a hang guard: three passes over 20,000 rows take minutes on a loaded machine
});
