import { describe, expect, it } from 'vitest';
import { IdleStorage } from './idle-storage.ts';

describe('a storage switched off when idle', () => {
  it('keeps every holder’s store while any still runs', async () => {
    const storage = new IdleStorage<string>();
    let finishLong!: () => void;
    const long = storage.runUntilSettled('long', async () => {
      await new Promise<void>((resolve) => (finishLong = resolve));
      return storage.getStore();
    });
    const short = await storage.runUntilSettled('short', async () => {
      await null;
      return storage.getStore();
    });
    expect(short).toBe('short');
    // The short one has released; the long one still holds the storage on.
    finishLong();
    expect(await long).toBe('long');
  });

  it('is off once the last holder settles: work it left behind finds nothing', async () => {
    const storage = new IdleStorage<string>();
    let leftBehind!: Promise<string | undefined>;
    await storage.runUntilSettled('answered', () => {
      leftBehind = new Promise((resolve) => setImmediate(() => resolve(storage.getStore())));
      return Promise.resolve();
    });
    expect(await leftBehind).toBeUndefined();
    // And on again for the next holder.
    expect(storage.runUntilSettled('next', () => storage.getStore())).toBe('next');
  });

  it('releases its hold when the work throws', async () => {
    const storage = new IdleStorage<string>();
    let leftBehind!: Promise<string | undefined>;
    expect(() =>
      storage.runUntilSettled('failed', () => {
        leftBehind = new Promise((resolve) => setImmediate(() => resolve(storage.getStore())));
        throw new Error('no answer');
      }),
    ).toThrow('no answer');
    expect(await leftBehind).toBeUndefined();
  });
});
