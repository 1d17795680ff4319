import { isIPv4, isIPv6 } from 'node:net';
import type { IncomingMessage } from 'node:http';

/** The first four groups of an IPv6 address: one subscriber usually holds a whole /64. */
function ipv6Prefix(address: string): string {
  const [head = '', tail = ''] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** One spelling per client: `::ffff:1.2.3.4` is 1.2.3.4, and IPv6 clients are counted by their /64. */
export function normaliseAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (isIPv4(address)) return address;
  if (isIPv6(address)) return ipv6Prefix(address.replace(/%.*$/, ''));
  return 'unknown';
}

/**
 * The client a request came from: the socket's peer. `X-Forwarded-For` is anyone's to write, so it
 * is read only when `trustProxy` says how many proxies of ours stand in front (each appends the
 * address it saw): the client is the one that many hops back, as Express counts `trust proxy`.
 */
export function clientAddress(request: IncomingMessage, trustProxy: number): string {
  const peer = request.socket?.remoteAddress ?? 'unknown';
  if (trustProxy === 0) return normaliseAddress(peer);
  const forwarded = String(request.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  return normaliseAddress(chain[Math.max(0, chain.length - 1 - trustProxy)] ?? peer);
}
