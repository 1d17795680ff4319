import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@pantau/prisma';
import { keyedYoga } from './testing/keyed-yoga.ts';

/**
 * A CSV of `rows` valid figures, each a figure of its own (start days repeat every 28 rows, so the
 * period ends a day later each round); `badLine` (1-based file line, header is line 1) gets a negative value.
 */
function csvFile(rows: number, badLine?: number): string {
  const lines = ['metric,value,period_start,period_end,office_code,region_code,source,dim.passport_type'];
  for (let i = 0; i < rows; i += 1) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const end = new Date(Date.UTC(2025, 5, (i % 28) + 1 + Math.floor(i / 28))).toISOString().slice(0, 10);
    lines.push(`passports_issued,${lines.length + 1 === badLine ? '-5' : String(i + 1)},2025-06-${day},${end},kanwil-ditjenim-ntt,53,kanwil-ntt-report-2026-01,electronic`);
  }
  return `${lines.join('\n')}\n`;
}

describe.each(testDatabaseKinds)('imports by an office-limited key on %s', (kind) => {
  const { send, counts, keys, database } = keyedYoga(kind);

  function upload(file: string, options: { key: string; dryRun?: boolean; idempotencyKey?: string }) {
    const form = new FormData();
    form.append(
      'operations',
      JSON.stringify({
        query:
          'mutation($file: File!, $dryRun: Boolean, $key: String) { importObservations(file: $file, dryRun: $dryRun, idempotencyKey: $key) { rows inserted rejectedCount rejected { line column reason } rolledBack replayed fileHash } }',
        variables: { file: null, dryRun: options.dryRun ?? false, key: options.idempotencyKey ?? null },
      }),
    );
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    form.append('0', new File([file], 'figures.csv', { type: 'text/csv' }));
    return send(form, { 'x-pantau-client': 'partner-test' }, options.key);
  }

  it('imports nothing when one row in 10,000 is bad, and reports its line and reason', async () => {
    const before = await counts();
    const report = await upload(csvFile(10_000, 5_001), { key: keys.ntt });
    expect(report.errors).toBeUndefined();
    expect(report.data?.importObservations).toMatchObject({
      rows: 10_000,
      inserted: 0,
      rejectedCount: 1,
      rolledBack: true,
      rejected: [{ line: 5_001, column: 'value', reason: 'value must be a non-negative decimal with at most 16 digits before and 4 after the point (got "-5")' }],
    });
    expect(await counts()).toEqual(before);
  });

  it('imports a file once per idempotency key, with one audit row carrying the file hash and counts', async () => {
    const before = await counts();
    const file = csvFile(2_500);
    const dryRun = await upload(file, { key: keys.ntt, dryRun: true });
    expect(dryRun.data?.importObservations).toMatchObject({ rows: 2_500, inserted: 0, rolledBack: true });
    const first = await upload(file, { key: keys.ntt, idempotencyKey: 'june-2025-upload' });
    const second = await upload(file, { key: keys.ntt, idempotencyKey: 'june-2025-upload' });
    expect(first.data?.importObservations).toMatchObject({ rows: 2_500, inserted: 2_500, rejectedCount: 0, rolledBack: false, replayed: false });
    expect(second.data?.importObservations).toMatchObject({ inserted: 2_500, replayed: true, fileHash: first.data?.importObservations.fileHash });
    expect(await counts()).toEqual({ observations: before.observations + 2_500, audit: before.audit + 1 });
    const other = await upload(csvFile(3), { key: keys.ntt, idempotencyKey: 'june-2025-upload' });
    expect(other.status).toBe(409);
    const entry = await database().prisma.auditEntry.findFirstOrThrow({ where: { action: 'observations.import' }, orderBy: { id: 'desc' } });
    expect(entry).toMatchObject({ actor: 'kanwil-ntt', idempotencyKey: 'june-2025-upload', fileHash: first.data?.importObservations.fileHash, inserted: 2_500, rejected: 0 });
  });
});
