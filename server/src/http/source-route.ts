import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '@pantau/prisma';
import type { Lang } from '../locale-format.ts';
import { html } from './html.ts';
import { renderSourcePage, sourcePageShell } from './source-page.ts';
import { say } from './source-page-words.ts';
import { htmlPageHeaders, strictContentSecurityPolicy } from './static-files.ts';

/** `decodeURIComponent`, or null for a malformed escape such as `%` or `%E0%A4%A`, or a NUL (`%00`). */
function decodedOrNull(text: string): string | null {
  try {
    const decoded = decodeURIComponent(text);
    return decoded.includes('\u0000') ? null : decoded;
  } catch {
    return null;
  }
}

function send(response: ServerResponse, status: number, type: 'html' | 'json', body: string): void {
  const headers =
    type === 'html'
      ? { ...htmlPageHeaders, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': strictContentSecurityPolicy }
      : { 'content-type': 'application/json; charset=utf-8' };
  response.writeHead(status, { ...headers, 'cache-control': status === 200 ? 'public, max-age=300' : 'no-store' });
  response.end(body);
}

/** A browser asks for HTML; a script or `curl` gets the API's JSON error instead. */
const wantsHtml = (request: IncomingMessage) => (request.headers.accept ?? '').includes('text/html');

/**
 * `/sources/<key>?lang=id|en` (Bahasa Indonesia by default): the source's page, or a 404 that a
 * browser shows as a page and any other client reads as JSON.
 */
export async function serveSourcePage(database: Database, request: IncomingMessage, response: ServerResponse, target: URL): Promise<void> {
  const rawKey = target.pathname.replace(/^\/sources\/?/, '');
  const key = decodedOrNull(rawKey);
  if (key === null) {
    send(response, 400, 'json', JSON.stringify({ error: `The source key in ${target.pathname} is not valid percent-encoded UTF-8 text` }));
    return;
  }
  const asked = target.searchParams.get('lang') ?? 'id';
  if (asked !== 'id' && asked !== 'en') {
    send(response, 400, 'json', JSON.stringify({ error: `lang must be id (Bahasa Indonesia, the default) or en (English); got ${JSON.stringify(asked)}` }));
    return;
  }
  const lang: Lang = asked === 'en' ? 'EN' : 'ID';
  const otherLanguageHref = `${target.pathname}?lang=${lang === 'EN' ? 'id' : 'en'}`;
  const page = key ? await renderSourcePage(database, key, lang, otherLanguageHref) : null;
  if (page) {
    send(response, 200, 'html', page.value);
    return;
  }
  const message = key ? `No source with key ${rawKey}` : 'A source page needs a key: /sources/<key>';
  if (!wantsHtml(request)) {
    send(response, 404, 'json', JSON.stringify({ error: message }));
    return;
  }
  const body = html`<h1>${say('notFoundTitle', lang)}</h1>
<p>${say('notFound', lang)}</p>
${key ? html`<p><code>${key}</code></p>` : ''}
<p><a href="/">${say('home', lang)}</a></p>`;
  send(response, 404, 'html', sourcePageShell(lang, say('notFoundTitle', lang), otherLanguageHref, body).value);
}
