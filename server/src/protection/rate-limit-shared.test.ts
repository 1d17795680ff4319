import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { SharedRateLimiter } from './rate-limit-shared.ts';

/**
 * Two instances' limiters on one database, synced when the test says. The database refills at
 * 0.001 tokens a second, so the few seconds a test takes add less than one token: every count is exact.
 */
describe.each(testDatabaseKinds)('one rate-limit budget across instances on %s', (kind) => {
  let database: TestDatabase;
  const options = { burst: 10, perSecond: 0.001, syncMs: 3_600_000, now: () => 0 };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  const takes = (limiter: SharedRateLimiter, identity: string, times: number) => Array.from({ length: times }, () => limiter.take(identity, 1) === 0).filter(Boolean).length;

  it('pools what each instance spent, so the second learns of the first, and overspending becomes debt', async () => {
    const first = new SharedRateLimiter(database, options);
    const second = new SharedRateLimiter(database, options);
    try {
      expect(takes(first, 'address:10.0.0.1', 6)).toBe(6);
      expect(takes(second, 'address:10.0.0.1', 1)).toBe(1);
      await first.sync(); // pooled: 10 - 6 = 4
      await second.sync(); // pooled: 4 - 1 = 3
      // The second sees 3 left; the first still sees the 4 of its sync (the stated tolerance: one interval's views).
      expect(takes(second, 'address:10.0.0.1', 5)).toBe(3);
      expect(takes(first, 'address:10.0.0.1', 5)).toBe(4);
      await first.sync(); // 3 - 4 = -1
      await second.sync(); // -1 - 3 = -4: 14 admitted against a burst of 10, the 4 owed
      expect(takes(first, 'address:10.0.0.1', 3)).toBe(0);
      expect(takes(second, 'address:10.0.0.1', 3)).toBe(0);
      const [row] = await database.sql.run((c) => c.query<{ tokens: number }>(`SELECT tokens FROM rate_limit_bucket WHERE identity = 'address:10.0.0.1'`));
      expect(Number(row?.tokens)).toBeGreaterThanOrEqual(-4);
      expect(Number(row?.tokens)).toBeLessThan(-3.9);
      // Another caller's bucket is untouched.
      expect(takes(second, 'key:7', 10)).toBe(10);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  });

  it('gives back what a refused request had paid, and pools the rest when it stops', async () => {
    const limiter = new SharedRateLimiter(database, options);
    expect(takes(limiter, 'address:10.0.0.2', 10)).toBe(10);
    limiter.give('address:10.0.0.2', 2);
    await limiter.sync(); // 10 - 8 = 2
    expect(takes(limiter, 'address:10.0.0.2', 3)).toBe(2);
    await limiter.stop();
    const [row] = await database.sql.run((c) => c.query<{ tokens: number }>(`SELECT tokens FROM rate_limit_bucket WHERE identity = 'address:10.0.0.2'`));
    expect(Number(row?.tokens)).toBeLessThan(0.1);
  });
});
