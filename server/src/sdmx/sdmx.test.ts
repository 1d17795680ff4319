import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { serveInProcess } from '../http/serve-in-process.ts';
import { defaultLimits } from '../protection/limits.ts';

/**
 * SDMX-CSV 2.0 as the field guide (sdmx-twg/sdmx-csv, tag v2.0.0, data-message/docs/sdmx-csv-field-guide.md)
 * lays it out, and the structures it names served as an SDMX-JSON 2.0 structure message. The seeded
 * figures: ANTARA reported 7,150 ordinary and 14,213 electronic passports issued in NTT (53) in 2025,
 * by the NTT regional office of immigration.
 */
interface Code {
  id: string;
  name: string;
  names: { id: string; en: string };
  parent?: string;
}
interface Message {
  meta: { contentLanguages: string[]; sender: { id: string } };
  data: {
    dataflows?: { id: string; agencyID: string; version: string; name: string; structure: string }[];
    dataStructures?: {
      id: string;
      dataStructureComponents: {
        dimensionList: { dimensions: { id: string; position: number; localRepresentation: { enumeration: string } }[]; timeDimension: { id: string } };
        measureList: { measures: { id: string }[] };
        attributeList: { attributes: { id: string; localRepresentation: { enumeration?: string; format?: { dataType: string } } }[] };
      };
    }[];
    conceptSchemes?: { id: string; concepts: { id: string; names: { id: string; en: string } }[] }[];
    codelists?: { id: string; name: string; codes: Code[] }[];
  };
}

const header = 'STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,OFFICE,PROGRAMME,CAMPAIGN,PASSPORT_TYPE,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,LOWER_BOUND,SYNTHETIC,SOURCE';
const source = 'antara-20260126-ntt-passports-2025';

describe.each(testDatabaseKinds)('SDMX on %s', (kind) => {
  let database: TestDatabase;
  let server: Awaited<ReturnType<typeof serveInProcess>>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    server = await serveInProcess(database, { log: { error: () => undefined }, limits: { ...defaultLimits, rateLimitBurst: 100_000, rateLimitPerSecond: 100_000 } });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  /** The file's records, split as RFC 4180 says: CRLF line ends, no quoted field in these files. */
  async function sdmxCsv(query: string): Promise<string[][]> {
    const response = await fetch(`${server.url}/export/metric-series.sdmx.csv?${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8');
    const text = await response.text();
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n"]/);
    return text
      .slice(0, -2)
      .split('\r\n')
      .map((line) => line.split(','));
  }
  async function structure(path: string, headers: Record<string, string> = {}): Promise<Message> {
    const response = await fetch(`${server.url}/sdmx/structure/${path}`, { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.sdmx.structure+json; version=2.0.0; charset=utf-8');
    return (await response.json()) as Message;
  }

  it('writes SDMX-CSV 2.0 column by column: structure, action, dimension codes, time, value, attributes', async () => {
    const [head, ...rows] = await sdmxCsv('metric=passports_issued&groupBy=passport_type&regionCode=53');
    // "The header field of the first column always contains the term STRUCTURE" (no [;]: no multi-valued component),
    // "the second column ... STRUCTURE_ID", "the next column should contain the term ACTION".
    expect(head?.slice(0, 3)).toEqual(['STRUCTURE', 'STRUCTURE_ID', 'ACTION']);
    expect(head?.join(',')).toBe(header);
    // "all records must have an identical structure (determined column number)".
    expect(rows.map((row) => row.length)).toEqual([15, 15]);
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
    for (const file of [national, ntt, byOffice]) expect(file[0]?.join(',')).toBe(header);
    // 7,150 + 14,213 = 21,363, once for Indonesia and once for NTT.
    expect(national.slice(1)).toEqual([
      ['dataflow', 'PANTAU:DF_PASSPORTS_ISSUED(1.0)', 'I', 'A', '_T', '_T', '_T', '_T', '_T', '2025', '21363', 'DOCUMENT', 'false', 'false', source],
    ]);
    expect(ntt.slice(1)).toEqual([['dataflow', 'PANTAU:DF_PASSPORTS_ISSUED(1.0)', 'I', 'A', '53', '_T', '_T', '_T', '_T', '2025', '21363', 'DOCUMENT', 'false', 'false', source]]);
    // The office's code, not its name.
    expect(byOffice.slice(1)).toEqual([
      ['dataflow', 'PANTAU:DF_PASSPORTS_ISSUED(1.0)', 'I', 'A', '53', 'kanwil-ditjenim-ntt', '_T', '_T', '_T', '2025', '21363', 'DOCUMENT', 'false', 'false', source],
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

  it('serves the dataflow, its data structure and every codelist it uses, and the file follows them', async () => {
    const message = await structure('dataflow/PANTAU/DF_PASSPORTS_ISSUED/1.0?references=descendants');
    expect(message.meta.sender.id).toBe('PANTAU');
    expect(message.data.dataflows?.map((f) => [f.id, f.agencyID, f.version, f.name, f.structure])).toEqual([
      ['DF_PASSPORTS_ISSUED', 'PANTAU', '1.0', 'Paspor diterbitkan', 'urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=PANTAU:DSD_PASSPORTS_ISSUED(1.0)'],
    ]);
    const components = message.data.dataStructures?.[0]?.dataStructureComponents;
    // "columns in the order of components as defined in the DSD, grouped by type": dimensions, measures, attributes.
    const dimensions = components?.dimensionList.dimensions ?? [];
    expect(dimensions.map((d) => d.position)).toEqual([0, 1, 2, 3, 4, 5]);
    const order = [
      ...dimensions.map((d) => d.id),
      components?.dimensionList.timeDimension.id,
      ...(components?.measureList.measures.map((m) => m.id) ?? []),
      ...(components?.attributeList.attributes.map((a) => a.id) ?? []),
    ];
    expect(['STRUCTURE', 'STRUCTURE_ID', 'ACTION', ...order].join(',')).toBe(header);
    expect(message.data.conceptSchemes?.[0]?.concepts.map((c) => c.id)).toEqual(expect.arrayContaining(order));
    // Every code the file writes is in the codelist its column is coded by.
    const codelists = new Map(message.data.codelists?.map((list) => [`urn:sdmx:org.sdmx.infomodel.codelist.Codelist=PANTAU:${list.id}(1.0)`, list]));
    expect([...codelists.values()].map((list) => list.id).sort()).toEqual(['CL_AREA', 'CL_CAMPAIGN', 'CL_FREQ', 'CL_OFFICE', 'CL_PASSPORT_TYPE', 'CL_PROGRAMME', 'CL_UNIT']);
    const [head, ...rows] = await sdmxCsv('metric=passports_issued&groupBy=passport_type,office,province');
    const coded = [...dimensions, ...(components?.attributeList.attributes ?? [])].filter((c) => c.localRepresentation.enumeration);
    for (const component of coded) {
      const list = codelists.get(component.localRepresentation.enumeration ?? '');
      for (const row of rows)
        expect(
          list?.codes.map((c) => c.id),
          `${component.id} code ${row[head?.indexOf(component.id) ?? -1]}`,
        ).toContain(row[head?.indexOf(component.id) ?? -1]);
    }
    const names = (listId: string, code: string) => message.data.codelists?.find((l) => l.id === listId)?.codes.find((c) => c.id === code);
    expect(names('CL_AREA', '53')?.names).toEqual({ id: 'Nusa Tenggara Timur', en: 'Nusa Tenggara Timur' });
    expect(names('CL_AREA', '3671')).toMatchObject({ name: 'Kota Tangerang', parent: '36' });
    expect(names('CL_PASSPORT_TYPE', 'electronic')?.names).toEqual({ id: 'Paspor elektronik', en: 'Electronic passport' });
    expect(names('CL_OFFICE', '_T')?.names).toEqual({ id: 'Semua kantor', en: 'All offices' });
    expect(names('CL_FREQ', 'Q')?.names).toEqual({ id: 'Triwulanan', en: 'Quarterly' });
  });

  it('answers each structure at its own URL, in English when asked, and 404 or 400 naming what is wrong', async () => {
    const metrics = await database.prisma.metric.count();
    const flows = await structure('dataflow/PANTAU');
    expect(flows.data.dataflows).toHaveLength(metrics);
    expect(flows.data.dataStructures).toBeUndefined();
    const dsd = await structure('datastructure/PANTAU/DSD_COCONUT_SEEDLINGS/1.0');
    expect(dsd.data.dataStructures?.[0]?.dataStructureComponents.dimensionList.dimensions.map((d) => d.id)).toEqual([
      'FREQ',
      'REF_AREA',
      'OFFICE',
      'PROGRAMME',
      'CAMPAIGN',
      'VARIETY',
    ]);
    const freq = await structure('codelist/PANTAU/CL_FREQ/1.0', { 'accept-language': 'en-GB, id;q=0.5' });
    expect(freq.meta.contentLanguages).toEqual(['en', 'id']);
    expect(freq.data.codelists?.map((l) => [l.name, l.codes.map((c) => `${c.id} ${c.name}`)])).toEqual([
      ['Frequency', ['A Annual', 'Q Quarterly', 'M Monthly', 'W Weekly', 'D Daily']],
    ]);
    const concepts = await structure('conceptscheme/PANTAU/CS_PANTAU/~');
    expect(concepts.data.conceptSchemes?.[0]?.concepts.find((c) => c.id === 'REF_AREA')?.names).toEqual({ id: 'Wilayah', en: 'Reference area' });

    const missing = await fetch(`${server.url}/sdmx/structure/dataflow/PANTAU/DF_VISAS/1.0`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { errors: { message: string }[] }).errors[0]?.message).toBe('No dataflow PANTAU:DF_VISAS(1.0): see /sdmx/structure/dataflow/PANTAU');
    expect((await fetch(`${server.url}/sdmx/structure/dataflow/ESTAT`)).status).toBe(404);
    expect((await fetch(`${server.url}/sdmx/structure/dataflow/PANTAU/DF_PASSPORTS_ISSUED/2.0`)).status).toBe(404);
    expect((await fetch(`${server.url}/sdmx/structure/metadataflow`)).status).toBe(404);
    const badReferences = await fetch(`${server.url}/sdmx/structure/dataflow?references=parents`);
    expect(badReferences.status).toBe(400);
    expect(((await badReferences.json()) as { errors: { message: string; extensions: { argument: string } }[] }).errors[0]).toEqual({
      message: 'The `references` query parameter must be one of none, children, descendants, all (got "parents")',
      extensions: { code: 'BAD_USER_INPUT', argument: 'references' },
    });
  });

  it("runs an export as the caller: a refused key gets the API's 401, an unknown metric its 400", async () => {
    const refused = await fetch(`${server.url}/export/metric-series.sdmx.csv?metric=passports_issued`, {
      headers: { authorization: 'Bearer pk_live_unknown_key_000000000000000000000000' },
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const unknown = await fetch(`${server.url}/export/metric-series.sdmx.csv?metric=visas`);
    expect(unknown.status).toBe(400);
    const body = (await unknown.json()) as { errors: { message: string; extensions: { code: string; requestId: string } }[] };
    expect(body.errors[0]?.message).toMatch(/^Unknown metric "visas" in argument `metric`/);
    expect(body.errors[0]?.extensions.requestId).toMatch(/\S/);
  });
});
