import type { Database } from '@pantau/prisma';
import { changeChannel, parseChange } from '../cache/change-scope.ts';
import { RecomputeAhead } from '../cache/recompute-ahead.ts';
import { villageMapMemo } from './village-map-memo.ts';

/**
 * Builds the partner-village maps' columns ahead: the national ones at start, and every set held
 * again after a change that is not only observations, so that no visitor waits for a national
 * build. One round at a time; a change arriving meanwhile starts one more round after it. `onRound`
 * hears of each round finished. Resolves to the function that stops listening (and waits for a
 * round under way).
 */
export async function buildVillageMapsAhead(database: Database, onError: (error: unknown) => void, onRound: () => void = () => undefined) {
  const memo = villageMapMemo(database);
  const rounds = new RecomputeAhead<{ key: string }>(1, async () => {
    await memo.buildAhead().catch(onError);
    onRound();
  });
  const round = { key: 'maps' };
  rounds.add(round);
  const stop = await database.subscribe(changeChannel, (payload) => {
    if (parseChange(payload).kind !== 'observations') rounds.add(round);
  });
  return async (): Promise<void> => {
    await stop();
    await rounds.idle();
  };
}
