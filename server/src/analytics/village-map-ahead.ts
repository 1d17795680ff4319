import type { Database } from '@pantau/prisma';
import { changeChannel, parseChange } from '../cache/change-scope.ts';
import { villageMapMemo } from './village-map-memo.ts';

/**
 * Builds the partner-village maps' columns ahead: the national ones at start, and every set held
 * again after a change that is not only observations, so that no visitor waits for a national
 * build. Builds run one at a time; a change arriving meanwhile starts one more round after it.
 * `onRound` hears of each round finished. Resolves to the function that stops listening (and waits
 * for a round under way).
 */
export async function buildVillageMapsAhead(database: Database, onError: (error: unknown) => void, onRound: () => void = () => undefined) {
  const memo = villageMapMemo(database);
  let round: Promise<void> = Promise.resolve();
  let again = false;
  let stopped = false;
  const schedule = () => {
    if (again || stopped) return;
    again = true;
    round = round.then(async () => {
      again = false;
      if (stopped) return;
      await memo.buildAhead().catch(onError);
      onRound();
    });
  };
  schedule();
  const stop = await database.subscribe(changeChannel, (payload) => {
    if (parseChange(payload).kind !== 'observations') schedule();
  });
  return async (): Promise<void> => {
    stopped = true;
    await stop();
    await round;
  };
}
