import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, openDatabase, prepareDatabase, type Database, type DatabaseKind } from '@pantau/prisma';
import { createApiKey } from '@pantau/server/auth';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

export interface FuzzKeys {
  admin: string;
  reader: string;
  /** write:observations, limited to Kanwil Ditjenim NTT. */
  ntt: string;
}

export interface FuzzServer {
  readonly url: string;
  readonly keys: FuzzKeys;
  readonly output: () => string;
  stop(): Promise<void>;
}

/** Keys and one source of our own, so write mutations get as far as the catalogue checks. */
async function prepare(database: Database): Promise<FuzzKeys> {
  await prepareDatabase(database);
  const keys = {
    admin: (await createApiKey(database, { name: 'fuzz-admin', scopes: ['ADMIN'] })).secret,
    reader: (await createApiKey(database, { name: 'fuzz-reader', scopes: ['READ_RESTRICTED'] })).secret,
    ntt: (await createApiKey(database, { name: 'fuzz-ntt', scopes: ['WRITE_OBSERVATIONS'], officeCode: 'kanwil-ditjenim-ntt' })).secret,
  };
  await database.prisma.source.create({ data: { key: 'fuzz-report', kind: 'DATASET', publisher: 'Fuzz', title: 'Fuzz report', claimId: 'Laporan', claimEn: 'Report' } });
  return keys;
}

/**
 * The server as `pnpm start` runs it, on PGlite (a data folder of its own) or on a PostgreSQL
 * database of its own. The rate limit is lifted so that 429s cannot hide a 5xx.
 */
export async function startFuzzServer(kind: DatabaseKind): Promise<FuzzServer> {
  const env: Record<string, string> = { PANTAU_SYNTHETIC: 'none', PANTAU_RATE_LIMIT_BURST: '100000000', PANTAU_RATE_LIMIT_PER_SECOND: '100000000' };
  let keys: FuzzKeys;
  let cleanUp: () => Promise<void>;
  if (kind === 'postgresql') {
    const database = await createTestDatabase('postgresql');
    keys = await prepare(database);
    env.DATABASE_URL = database.url ?? '';
    cleanUp = () => database.close();
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'pantau-fuzz-'));
    const database = await openDatabase({ dataDir });
    keys = await prepare(database);
    await database.close();
    env.PANTAU_DATA_DIR = dataDir;
    cleanUp = async () => rmSync(dataDir, { recursive: true, force: true });
  }
  let server: ServerProcess;
  try {
    server = await startServerProcess(env);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return {
    url: server.url,
    keys,
    output: server.output,
    async stop() {
      await server.stop();
      await cleanUp();
    },
  };
}
