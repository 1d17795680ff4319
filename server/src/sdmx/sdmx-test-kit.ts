import { expect } from 'vitest';
import { createTestDatabase, prepareDatabase, type TestDatabase } from '@pantau/prisma';
import { serveInProcess } from '../http/serve-in-process.ts';
import { defaultLimits } from '../protection/limits.ts';

/** The parts of an SDMX-JSON 2.0 structure message the SDMX tests read. */
export interface Code {
  id: string;
  name: string;
  names: { id: string; en: string };
  parent?: string;
}
export interface Message {
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

/** The columns of a passports file: dimensions, time, value, the unit, the uncoded attributes, then the confidentiality flags. */
export const passportsHeader =
  'STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,OFFICE,PROGRAMME,CAMPAIGN,PASSPORT_TYPE,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,LOWER_BOUND,SYNTHETIC,SOURCE,OBS_STATUS,CONF_STATUS';

/** A seeded database served over real HTTP, with readers of SDMX-CSV files and structure messages. */
export async function sdmxServer(kind: Parameters<typeof createTestDatabase>[0]) {
  const database: TestDatabase = await createTestDatabase(kind);
  await prepareDatabase(database);
  const server = await serveInProcess(database, { log: { error: () => undefined }, limits: { ...defaultLimits, rateLimitBurst: 100_000, rateLimitPerSecond: 100_000 } });

  /** The file's records, split as RFC 4180 says: CRLF line ends, no quoted field in these files. */
  async function sdmxCsv(query: string, headers: Record<string, string> = {}): Promise<string[][]> {
    const response = await fetch(`${server.url}/export/metric-series.sdmx.csv?${query}`, { headers });
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

  async function close() {
    await server.close();
    await database.close();
  }

  return { database, url: server.url, sdmxCsv, structure, close };
}
