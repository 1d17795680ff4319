import { describe, expect, it } from 'vitest';
import { isSaneRequestId, requestIdSequence } from './request-scope.ts';

describe('new request ids', () => {
  it('are UUID-shaped, sane, never repeat within a process and differ between processes', () => {
    const first = requestIdSequence();
    const ids = Array.from({ length: 5_000 }, () => first());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [ids[0], ids[4_999]]) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(isSaneRequestId(id)).toBe(true);
    }
    // The 5,000th of this process: its count, in hexadecimal, after the random part.
    expect(ids[4_999]?.slice(24)).toBe((5_000).toString(16).padStart(12, '0'));
    const second = requestIdSequence();
    expect(second().slice(0, 24)).not.toBe(ids[0]?.slice(0, 24));
  });
});
