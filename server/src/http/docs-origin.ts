import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { htmlPageHeaders, strictContentSecurityPolicy } from './static-files.ts';

/** What widgets/scripts/build-docs.ts writes where the server's origin goes. */
export const originPlaceholder = 'https://YOUR-PANTAU-SERVER';

/** A host name, IPv4 address or [IPv6] address, with an optional port: nothing that could be markup. */
const validHost = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The documentation pages under /widgets/, with `originPlaceholder` replaced by the origin readers
 * should paste: `publicOrigin` when configured (behind a proxy), else the request's own Host.
 * X-Forwarded-* headers are never trusted: anyone can send them.
 */
export function docsPages(widgetsDir: string, publicOrigin: string | undefined) {
  /** Resolves true when `pathname` was a docs page and was answered. */
  return async (request: IncomingMessage, response: ServerResponse, pathname: string): Promise<boolean> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const file = pathname === '/widgets/' ? 'index.html' : /^\/widgets\/([a-z0-9-]+\.html)$/.exec(pathname)?.[1];
    if (!file) return false;
    let html: string;
    try {
      html = await readFile(join(widgetsDir, file), 'utf8');
    } catch {
      return false;
    }
    let origin = publicOrigin;
    if (!origin) {
      const host = request.headers.host ?? '';
      if (!validHost.test(host)) {
        response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        response.end('Host header is not a host name with an optional port\n');
        return true;
      }
      origin = `${'encrypted' in request.socket && request.socket.encrypted ? 'https' : 'http'}://${host.toLowerCase()}`;
    }
    const body = html.replaceAll(originPlaceholder, escapeHtml(origin));
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 27)}"`;
    const headers: Record<string, string> = {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': strictContentSecurityPolicy,
      ...htmlPageHeaders,
      'cache-control': 'public, max-age=300',
      etag,
      // The page differs by Host unless the origin is configured.
      ...(publicOrigin ? {} : { vary: 'Host' }),
    };
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers);
      response.end();
      return true;
    }
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
    return true;
  };
}
