import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@pantau/prisma';
import { passportsHeader, sdmxServer } from './sdmx-test-kit.ts';

/**
 * SDMX-CSV 2.0 as the field guide (sdmx-twg/sdmx-csv, tag v2.0.0, data-message/docs/sdmx-csv-field-guide.md)
 * lays it out. The seeded figures: ANTARA reported 7,150 ordinary and 14,213 electronic passports
 * issued in NTT (53) in 2025, by the NTT regional office of immigration.
 */
const source = 'antara-20260126-ntt-passports-2025';

describe.each(testDatabaseKinds)('SDMX-CSV files on %s', (kind) => {
  let sdmx: Awaited<ReturnType<typeof sdmxServer>>;
  let url = '';
  const sdmxCsv = (query: string) => sdmx.sdmxCsv(query);

  beforeAll(async () => {
    sdmx = await sdmxServer(kind);
    url = sdmx.url;
  });
  afterAll(() => sdmx?.close());

  it('writes SDMX-CSV 2.0 column by column: structure, action, dimension codes, time, value, attributes', async () => {
    const [head, ...rows] = await sdmxCsv('metric=passports_issued&groupBy=passport_type&regionCode=53');
    // "The header field of the first column always contains the term STRUCTURE" (no [;]: no multi-valued component),
    // "the second column ... STRUCTURE_ID", "the next column should contain the term ACTION".
    expect(head?.slice(0, 3)).toEqual(['STRUCTURE', 'STRUCTURE_ID', 'ACTION']);
    expect(head?.join(',')).toBe(passportsHeader);
    // "all records must have an identical structure (determined column number)".
    expect(rows.map((row) => row.length)).toEqual([17, 17]);
    const column = (name: string) => rows.map((row) => row[head?.indexOf(name) ?? -1]);
    // "dataflow, datastructure or dataprovision"; "AGENCY:ARTEFACT_ID(VERSION)"; one of I, A, R, D.
    expect(column('STRUCTURE')).toEqual(['dataflow', 'dataflow']);
    expect(column('STRUCTURE_ID')).toEqual(['PANTAU:DF_PASSPORTS_ISSUED(1.0)', 'PANTAU:DF_PASSPORTS_ISSUED(1.0)']);
    expect(column('ACTION')).toEqual(['I', 'I']);
    // Codes, not labels: annual, NTT (the region filter kept as the area), all offices, programmes and campaigns.
    expect(column('FREQ')).toEqual(['A', 'A']);
    expect(column('REF_AREA')).toEqual(['53', '53']);
    expect(column('OFFICE')).toEqual(['_T', '_T']);
    expect(column('PROGRAMME')).toEqual(['_T', '_T']);
    expect(column('CAMPAIGN')).toEqual(['_T', '_T']);
    expect(column('PASSPORT_TYPE')).toEqual(['electronic', 'ordinary']);
    expect(column('TIME_PERIOD')).toEqual(['2025', '2025']);
    expect(column('OBS_VALUE')).toEqual(['14213', '7150']);
    expect(column('UNIT_MEASURE')).toEqual(['DOCUMENT', 'DOCUMENT']);
    expect(column('LOWER_BOUND')).toEqual(['false', 'false']);
    expect(column('SYNTHETIC')).toEqual(['false', 'false']);
    expect(column('SOURCE')).toEqual([source, source]);
  });

  it('keeps the same columns whatever the grouping, the area with a region filter, and totals as _T', async () => {
    const national = await sdmxCsv('metric=passports_issued');
    const ntt = await sdmxCsv('metric=passports_issued&regionCode=53');
    const byOffice = await sdmxCsv('metric=passports_issued&groupBy=office,province');
    for (const file of [national, ntt, byOffice]) expect(file[0]?.join(',')).toBe(passportsHeader);
    // 7,150 + 14,213 = 21,363, once for Indonesia and once for NTT.
    expect(national.slice(1)).toEqual([
      ['dataflow', 'PANTAU:DF_PASSPORTS_ISSUED(1.0)', 'I', 'A', '_T', '_T', '_T', '_T', '_T', '2025', '21363', 'DOCUMENT', 'false', 'false', source, 'A', 'F'],
    ]);
    expect(ntt.slice(1)).toEqual([
      ['dataflow', 'PANTAU:DF_PASSPORTS_ISSUED(1.0)', 'I', 'A', '53', '_T', '_T', '_T', '_T', '2025', '21363', 'DOCUMENT', 'false', 'false', source, 'A', 'F'],
    ]);
    // The office's code, not its name.
    expect(byOffice.slice(1)).toEqual([
      ['dataflow', 'PANTAU:DF_PASSPORTS_ISSUED(1.0)', 'I', 'A', '53', 'kanwil-ditjenim-ntt', '_T', '_T', '_T', '2025', '21363', 'DOCUMENT', 'false', 'false', source, 'A', 'F'],
    ]);
    // Quarters are written 2025-Q1 with frequency Q; the annual figure starts in January.
    const quarterly = await sdmxCsv('metric=passports_issued&granularity=QUARTER&groupBy=passport_type');
    expect(quarterly.slice(1).map((row) => [row[3], row[9], row[10]])).toEqual([
      ['Q', '2025-Q1', '14213'],
      ['Q', '2025-Q1', '7150'],
    ]);
    // A regency's Kemendagri code without its dot: 36.71 (Kota Tangerang) is 3671; the campaign by its slug.
    const seedlings = await sdmxCsv('metric=coconut_seedlings&groupBy=regency,campaign');
    expect(seedlings[0]?.slice(3, 10)).toEqual(['FREQ', 'REF_AREA', 'OFFICE', 'PROGRAMME', 'CAMPAIGN', 'VARIETY', 'TIME_PERIOD']);
    expect(seedlings.slice(1).map((row) => row.slice(4, 11))).toEqual([['3671', '_T', '_T', 'hbi-76-2026', '_T', '2026', '20000']]);
  });

  it("runs an export as the caller: a refused key gets the API's 401, an unknown metric its 400", async () => {
    const refused = await fetch(`${url}/export/metric-series.sdmx.csv?metric=passports_issued`, {
      headers: { authorization: 'Bearer pk_live_unknown_key_000000000000000000000000' },
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const unknown = await fetch(`${url}/export/metric-series.sdmx.csv?metric=visas`);
    expect(unknown.status).toBe(400);
    const body = (await unknown.json()) as { errors: { message: string; extensions: { code: string; requestId: string } }[] };
    expect(body.errors[0]?.message).toMatch(/^Unknown metric "visas" in argument `metric`/);
    expect(body.errors[0]?.extensions.requestId).toMatch(/\S/);
  });
});
