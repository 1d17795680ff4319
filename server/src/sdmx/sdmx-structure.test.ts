import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@pantau/prisma';
import { passportsHeader, sdmxServer } from './sdmx-test-kit.ts';

/**
 * The structures an SDMX-CSV 2.0 file names (dataflow, data structure, concept scheme, codelists),
 * served as an SDMX-JSON 2.0 structure message at SDMX REST paths; the file follows them.
 */
describe.each(testDatabaseKinds)('SDMX structures on %s', (kind) => {
  let sdmx: Awaited<ReturnType<typeof sdmxServer>>;
  let url = '';
  const sdmxCsv = (query: string) => sdmx.sdmxCsv(query);
  const structure = (path: string, headers: Record<string, string> = {}) => sdmx.structure(path, headers);

  beforeAll(async () => {
    sdmx = await sdmxServer(kind);
    url = sdmx.url;
  });
  afterAll(() => sdmx?.close());

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
    expect(['STRUCTURE', 'STRUCTURE_ID', 'ACTION', ...order].join(',')).toBe(passportsHeader);
    expect(message.data.conceptSchemes?.[0]?.concepts.map((c) => c.id)).toEqual(expect.arrayContaining(order));
    // Every code the file writes is in the codelist its column is coded by.
    const codelists = new Map(message.data.codelists?.map((list) => [`urn:sdmx:org.sdmx.infomodel.codelist.Codelist=PANTAU:${list.id}(1.0)`, list]));
    expect([...codelists.values()].map((list) => list.id).sort()).toEqual([
      'CL_AREA',
      'CL_CAMPAIGN',
      'CL_CONF_STATUS',
      'CL_FREQ',
      'CL_OBS_STATUS',
      'CL_OFFICE',
      'CL_PASSPORT_TYPE',
      'CL_PROGRAMME',
      'CL_UNIT',
    ]);
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

  it('answers every structure URL the README names, and the dataflow of the README’s SDMX-CSV example', async () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const sdmxSection = readme.slice(readme.indexOf('### SDMX'), readme.indexOf('### Protection'));
    const paths = [...sdmxSection.matchAll(/\/sdmx\/structure\/([A-Za-z]+\/PANTAU[^\s`'|]*)/g)].map((m) => m[1] ?? '');
    expect(paths.length).toBeGreaterThanOrEqual(6);
    for (const path of paths) expect((await structure(path)).meta.sender.id, path).toBe('PANTAU');
  });

  it('answers each structure at its own URL, in English when asked, and 404 or 400 naming what is wrong', async () => {
    const metrics = await sdmx.database.prisma.metric.count();
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

    const missing = await fetch(`${url}/sdmx/structure/dataflow/PANTAU/DF_VISAS/1.0`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { errors: { message: string }[] }).errors[0]?.message).toBe('No dataflow PANTAU:DF_VISAS(1.0): see /sdmx/structure/dataflow/PANTAU');
    expect((await fetch(`${url}/sdmx/structure/dataflow/ESTAT`)).status).toBe(404);
    expect((await fetch(`${url}/sdmx/structure/dataflow/PANTAU/DF_PASSPORTS_ISSUED/2.0`)).status).toBe(404);
    expect((await fetch(`${url}/sdmx/structure/metadataflow`)).status).toBe(404);
    const badReferences = await fetch(`${url}/sdmx/structure/dataflow?references=parents`);
    expect(badReferences.status).toBe(400);
    expect(((await badReferences.json()) as { errors: { message: string; extensions: { argument: string } }[] }).errors[0]).toEqual({
      message: 'The `references` query parameter must be one of none, children, descendants, all (got "parents")',
      extensions: { code: 'BAD_USER_INPUT', argument: 'references' },
    });
  });
});
