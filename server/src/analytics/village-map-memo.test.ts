import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { queryVillageMapColumns } from './village-map-columns.ts';
import { buildVillageMapsAhead } from './village-map-ahead.ts';
import { VillageMapMemo, villageMapMemo } from './village-map-memo.ts';

describe.each(testDatabaseKinds)('the partner-village map built once per change on %s', (kind) => {
  let database: TestDatabase;
  let statements = 0;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    database.observeQueries(() => (statements += 1));
  }, 120_000);
  afterAll(() => database?.close());

  /** The statements one call sends. */
  async function counted<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const before = statements;
    const result = await work();
    return { result, statements: statements - before };
  }

  /** A new village in an NTT regency (a region row of its own), an office and a source to make it a partner village. */
  async function newVillageFacts() {
    const regency = await database.prisma.region.findFirstOrThrow({ where: { level: 'REGENCY', provinceCode: '53' }, orderBy: { code: 'asc' } });
    const village = await database.prisma.region.create({
      data: { code: `${regency.code}.99.9999`, level: 'VILLAGE', name: 'Desa Uji Peta', parentCode: regency.code, provinceCode: '53', regencyCode: regency.code },
    });
    const office = await database.prisma.office.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const source = await database.prisma.source.findFirstOrThrow({ orderBy: { id: 'asc' } });
    return { village, office, source };
  }

  it('answers a second read with the version check alone, the same columns as a fresh build', async () => {
    const memo = new VillageMapMemo(database);
    const first = await counted(() => memo.columns(null, true));
    expect(first.statements).toBe(2);
    const second = await counted(() => memo.columns(null, true));
    expect(second.statements).toBe(1);
    expect(second.result).toEqual((await queryVillageMapColumns(database, null, true)).columns);
    // Another province is another set of columns.
    expect((await counted(() => memo.columns('53', true))).statements).toBe(2);
  });

  it('shows a new partner village, a renamed office and a removed village to the very next read', async () => {
    const memo = new VillageMapMemo(database);
    const before = await memo.columns('53', true);
    const { village, office, source } = await newVillageFacts();
    const created = await database.prisma.partnerVillage.create({ data: { regionCode: village.code, officeId: office.id, sourceId: source.id, pimpasaCount: 3 } });
    const added = await memo.columns('53', true);
    expect(added.count).toBe(before.count + 1);
    const at = added.villageCodes.indexOf(village.code.slice(6));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(added.pimpasaCounts[at]).toBe(3);

    const renamed = `${office.nameId} (baru)`;
    await database.prisma.office.update({ where: { id: office.id }, data: { nameId: renamed } });
    const afterRename = await memo.columns('53', true);
    expect(afterRename.offices.namesId[afterRename.office[at] as number]).toBe(renamed);
    await database.prisma.office.update({ where: { id: office.id }, data: { nameId: office.nameId } });

    await database.prisma.partnerVillage.delete({ where: { id: created.id } });
    await database.prisma.region.delete({ where: { code: village.code } });
    const removed = await memo.columns('53', true);
    expect(removed.count).toBe(before.count);
    expect(removed.villageCodes).not.toContain(village.code.slice(6));
  });

  it('builds once for identical reads that arrive together', async () => {
    const memo = new VillageMapMemo(database);
    const together = await counted(() => Promise.all(Array.from({ length: 10 }, () => memo.columns(null, false))));
    // Ten version checks, one build.
    expect(together.statements).toBe(11);
    for (const columns of together.result) expect(columns).toBe(together.result[0]);
  });

  it('builds the national map at start and again after a catalogue change, before anyone asks', async () => {
    const { village, office, source } = await newVillageFacts();
    const waiting: (() => void)[] = [];
    const nextRound = () => new Promise<void>((resolve) => waiting.push(resolve));
    const started = nextRound();
    const stop = await buildVillageMapsAhead(
      database,
      (error) => {
        throw error;
      },
      () => waiting.shift()?.(),
    );
    try {
      await started;
      // Built ahead: the visitor's national map costs the version check alone.
      const before = await counted(() => villageMapMemo(database).columns(null, false));
      expect(before.statements).toBe(1);
      await database.prisma.partnerVillage.create({ data: { regionCode: village.code, officeId: office.id, sourceId: source.id } });
      // Announced as every accepted catalogue write is: by its audit row.
      const rebuilt = nextRound();
      await database.prisma.auditEntry.create({ data: { actor: 'cli', action: 'partner_village.create', entity: 'partner_village', entityId: village.code } });
      await rebuilt;
      const after = await counted(() => villageMapMemo(database).columns(null, false));
      expect(after.statements).toBe(1);
      expect(after.result.count).toBe(before.result.count + 1);
    } finally {
      await stop();
      await database.prisma.partnerVillage.deleteMany({ where: { regionCode: village.code } });
      await database.prisma.region.delete({ where: { code: village.code } });
    }
  });
});
