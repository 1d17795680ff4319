import DataLoader from 'dataloader';
import type { Database } from '@pantau/prisma';
import type { CampaignParticipant, Observation, Source } from '@pantau/prisma/client';
import { visibleObservationsSql, type ObservationVisibility } from './visibility/observations.ts';

/** Groups rows by a key, keeping the order of `keys` and giving [] for keys without rows. */
function groupInOrder<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/** The latest observations of each office, `limit` per office, in one statement for all offices asked. */
function latestObservationsByOffice(database: Database, limit: number, includeSynthetic: boolean, visibility: ObservationVisibility) {
  return new DataLoader<number, Observation[]>(async (officeIds) => {
    const rows = await database.prisma.$queryRawUnsafe<{ id: number; office_id: number }[]>(
      `SELECT id, office_id FROM (
         SELECT id, office_id, row_number() OVER (PARTITION BY office_id ORDER BY period_start DESC, id DESC) AS rank
         FROM observation WHERE office_id = ANY($1::int[]) AND ($2::boolean OR NOT synthetic) AND ${visibleObservationsSql(visibility, 'observation')}
       ) ranked WHERE rank <= $3`,
      [...officeIds],
      includeSynthetic,
      limit,
    );
    const observations = await database.prisma.observation.findMany({
      where: { id: { in: rows.map((row) => row.id) } },
      orderBy: [{ periodStart: 'desc' }, { id: 'desc' }],
    });
    return groupInOrder(officeIds, observations, (o) => o.officeId ?? -1);
  });
}

export function createLoaders(database: Database) {
  const byOffice = new Map<string, DataLoader<number, Observation[]>>();
  return {
    /** Corroborating sources of observations, by observation id. */
    corroborations: new DataLoader<number, Source[]>(async (observationIds) => {
      const rows = await database.prisma.observationCorroboration.findMany({
        where: { observationId: { in: [...observationIds] } },
        include: { source: true },
      });
      return groupInOrder(observationIds, rows, (row) => row.observationId).map((group) => group.map((row) => row.source));
    }),
    /** Program ids of campaigns, by campaign id, in program id order. */
    campaignPrograms: new DataLoader<number, number[]>(async (campaignIds) => {
      const rows = await database.prisma.campaignProgram.findMany({ where: { campaignId: { in: [...campaignIds] } }, orderBy: { programId: 'asc' } });
      return groupInOrder(campaignIds, rows, (row) => row.campaignId).map((group) => group.map((row) => row.programId));
    }),
    /** Participating offices and regions of campaigns, by campaign id, in the order they were recorded. */
    campaignParticipants: new DataLoader<number, CampaignParticipant[]>(async (campaignIds) => {
      const rows = await database.prisma.campaignParticipant.findMany({ where: { campaignId: { in: [...campaignIds] } }, orderBy: { id: 'asc' } });
      return groupInOrder(campaignIds, rows, (row) => row.campaignId);
    }),
    observationsByOffice(limit: number, includeSynthetic: boolean, visibility: ObservationVisibility) {
      const key = `${limit}:${includeSynthetic}:${visibility.unpublished}`;
      let loader = byOffice.get(key);
      if (!loader) {
        loader = latestObservationsByOffice(database, limit, includeSynthetic, visibility);
        byOffice.set(key, loader);
      }
      return loader;
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
