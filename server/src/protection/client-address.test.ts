import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress, normaliseAddress } from './client-address.ts';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} }) as unknown as IncomingMessage;

describe('the client address a bucket belongs to', () => {
  it('is the socket peer, whatever X-Forwarded-For says, unless proxies are trusted', () => {
    expect(clientAddress(request('203.0.113.9', '198.51.100.1'), 0)).toBe('203.0.113.9');
    // One proxy of ours: the client is the last address it appended; anything before is the client's own say.
    expect(clientAddress(request('10.0.0.2', 'made-up, 198.51.100.1'), 1)).toBe('198.51.100.1');
    expect(clientAddress(request('10.0.0.3', '198.51.100.1, 10.0.0.2'), 2)).toBe('198.51.100.1');
    expect(clientAddress(request('10.0.0.2'), 1)).toBe('10.0.0.2');
  });

  it('spells one client one way: IPv4-mapped IPv6 as IPv4, IPv6 by its /64', () => {
    expect(normaliseAddress('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(normaliseAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(normaliseAddress('2001:0db8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(normaliseAddress('::1')).toBe('0:0:0:0::/64');
    expect(normaliseAddress('not an address')).toBe('unknown');
  });
});
