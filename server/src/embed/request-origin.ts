import type { IncomingMessage } from 'node:http';

/** A host name, IPv4 address or [IPv6] address, with an optional port: nothing that could be markup. */
const validHost = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The origin embed snippets and oEmbed answers name: `publicOrigin` when configured (behind a
 * proxy), else the request's own Host; null when that Host is no host name. X-Forwarded-* headers
 * are never trusted, as on the docs pages (http/docs-origin.ts).
 */
export function originOf(request: IncomingMessage, publicOrigin: string | undefined): string | null {
  if (publicOrigin) return publicOrigin.replace(/\/+$/, '');
  const host = request.headers.host ?? '';
  if (!validHost.test(host)) return null;
  return `${'encrypted' in request.socket && request.socket.encrypted ? 'https' : 'http'}://${host.toLowerCase()}`;
}
