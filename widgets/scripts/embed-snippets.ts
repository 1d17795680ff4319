// The docs pages' snippets that pin a release (with its integrity hash) and that need no script of
// ours at all (an iframe, an image), for widgets/scripts/build-docs.ts.
import { existsSync, readFileSync } from 'node:fs';
import type { ReleaseManifest } from './versioned-release.ts';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The release the build just published (`dist/release.json`), or null before the first one. */
export function currentRelease(dist: URL): ReleaseManifest | null {
  const file = new URL('release.json', dist);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ReleaseManifest) : null;
}

/**
 * The tags that load `file` of `release`, each checked by the browser against its hash: a
 * modulepreload per chunk it imports (an import reuses the checked module, and fails if the check
 * failed), then the script itself.
 */
export function pinnedScript(origin: string, release: ReleaseManifest, file: string): string {
  const base = `${origin}/widgets/v/${release.id}`;
  const preloads = (release.imports[file] ?? []).map(
    (chunk) => `<link rel="modulepreload" href="${base}/${chunk}" integrity="${release.integrity[chunk] ?? ''}" crossorigin="anonymous">\n`,
  );
  return `${preloads.join('')}<script type="module" src="${origin}/widgets/v/${release.id}/${file}" integrity="${release.integrity[file] ?? ''}" crossorigin="anonymous"></script>`;
}

/** The example element's attributes as a query string: `<x a="1" b>` gives `?a=1&b=`. */
export function exampleQuery(example: string): string {
  const opening = /^<[a-z-]+([^>]*)>/.exec(example)?.[1] ?? '';
  const params = new URLSearchParams([...opening.matchAll(/\s([a-z-]+)(?:="([^"]*)")?/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * The docs page sections: a pinned release, then the iframe and the image. The server draws every
 * element (server/src/embed/widgets/ has one model per element folder; test/e2e/embed-catalogue.test.ts
 * checks each element of the manifest has its picture and page).
 */
export function embedSections(origin: string, release: ReleaseManifest | null, doc: { tag: string; file: string; example: string }): string {
  const widget = doc.tag.replace(/^pantau-/, '');
  const query = exampleQuery(doc.example);
  const snapshot = `${origin}/snapshot/${widget}.svg${query}`;
  // The element holding its own picture: shown at once, replaced by the live card once drawn.
  const withSnapshot = doc.example.replace(/(<\/[a-z-]+>)$/, `<img slot="snapshot" src="${snapshot}" alt="" width="640">$1`);
  const pinned = release
    ? `<h2>Pinned to this release</h2>
<p>The same script from a release that never changes (cached for a year, <code>immutable</code>): the browser checks its <code>integrity</code> hash and refuses a file that differs. Earlier releases stay online after an upgrade, so a page keeps the version it was tested with until you change the id. <code>/widgets/${escape(doc.file)}</code> always serves the newest release, with a five-minute cache.</p>
<pre><code>${escape(`${pinnedScript(origin, release, doc.file)}\n${doc.example}`)}</code></pre>
<h2>Picture first</h2>
<p>A reader sees the chart before any script has run when the element holds its snapshot (<code>slot="snapshot"</code>): the element keeps showing it while its data loads and its chart is drawn, then puts the live card in the same place. The preload hints fetch the picture and every module at once instead of one after another.</p>
<pre><code>${escape(`<link rel="preload" as="image" href="${snapshot}">\n${pinnedScript(origin, release, doc.file)}\n${withSnapshot}`)}</code></pre>`
    : '';
  const iframe = `<iframe src="${origin}/embed/${widget}${query}" title="Pantau" width="640" height="480" loading="lazy"></iframe>\n<script async src="${origin}/embed/host.js"></script>`;
  const image = `<img src="${snapshot}" alt="Pantau: ${doc.tag}" width="640">`;
  return `${pinned}
<h2>Without our script</h2>
<p>For a CMS that forbids scripts, an iframe: the two lines below; the second sizes the frame to its content (drop it and the frame keeps its height). Pasting the page address <code>${escape(`${origin}/embed/${widget}${query}`)}</code> into a CMS that speaks oEmbed does the same: the page names <code>/oembed</code>.</p>
<pre><code>${escape(iframe)}</code></pre>
<p>For email, print and Open Graph, a picture with the same attributes (<code>.svg</code> or <code>.png</code>, <code>width</code> from 320 to 2000 pixels): title, filters in words, sources, licence and the synthetic-data badge are drawn in.</p>
<pre><code>${escape(image)}</code></pre>`;
}
