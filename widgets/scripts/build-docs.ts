// Writes the widget documentation pages into dist/ next to the bundles, so the server serves them at
// /widgets/ and /widgets/<tag>.html. Run by `pnpm --filter @pantau/widgets build` after Vite and the
// manifest analyzer: every page is made from dist/custom-elements.json, itself made from the JSDoc.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { currentRelease, embedSections, pinnedScript } from './embed-snippets.ts';
import { serverOrigin, type WidgetDoc } from '../src/docs/catalogue.ts';
import { builtWidgetDocs } from './manifest.ts';
import { docsScreenshotsDir, screenshotsOf } from './docs-screenshot-files.ts';

const dist = new URL('../dist/', import.meta.url);
const release = currentRelease(dist);
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const inline = (text: string) => escape(text).replace(/`([^`]+)`/g, '<code>$1</code>');
const code = (text: string) => (text ? `<code>${escape(text)}</code>` : '');

function page(title: string, body: string, scripts: string[] = []): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Pantau widgets</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/demo/page.css">
${scripts.map((src) => `<script type="module" src="${src}"></script>`).join('\n')}
</head>
<body>
<main class="page">
${body}
</main>
</body>
</html>
`;
}

function table(headers: string[], rows: string[][]): string {
  return `<table><thead><tr>${headers.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/** The committed screenshots of the element (widgets/src/docs/screenshots/), copied next to the pages. */
function screenshotSection(tag: string): string {
  const shots = screenshotsOf(tag);
  if (shots.length === 0) return '';
  mkdirSync(new URL('screenshots/', dist), { recursive: true });
  for (const { file } of shots) copyFileSync(`${docsScreenshotsDir}${file}`, new URL(`screenshots/${file}`, dist));
  const figures = shots.map(
    ({ file, caption }) =>
      `<figure><img src="/widgets/screenshots/${file}" alt="${escape(`${tag}: ${caption}`)}" loading="lazy"><figcaption>${escape(caption)}</figcaption></figure>`,
  );
  return `<h2>Screenshots</h2>\n<p>Taken by the browser test <code>test/e2e/widget-publishing.test.ts</code> on host pages in each mode; <code>pnpm docs:screenshots</code> copies them here.</p>\n${figures.join('\n')}`;
}

function widgetPage(doc: WidgetDoc): string {
  const snippet = `<script type="module" src="${serverOrigin}/widgets/${doc.file}"></script>\n${doc.example}`;
  return page(
    doc.tag,
    `<p><a href="/widgets/">Pantau widgets</a> › ${doc.tag}</p>
<h1><code>&lt;${doc.tag}&gt;</code></h1>
<p>${inline(doc.summary)}</p>
<p>${inline(doc.description)}</p>
<h2>Paste this into your page</h2>
<p>The snippet names the server this page came from (behind a proxy: the <code>PANTAU_PUBLIC_ORIGIN</code> it was given). The script is an ES module served with CORS, so it works from any site; one script tag per page is enough for all elements of that kind (or load <code>pantau-widgets.js</code> for all of them).</p>
<pre><code>${escape(snippet)}</code></pre>
${embedSections(serverOrigin, release, doc)}
<h2>Live</h2>
${doc.example}
${screenshotSection(doc.tag)}
<h2>Attributes</h2>
<p>Besides its own, every element takes <code>lang</code> (<code>id</code>, the default, or <code>en</code>): the language of labels, numbers (<code>20.000</code> / <code>20,000</code>) and dates. Without it the element follows the nearest <code>lang</code> attribute, then the page’s.</p>
${table(
  ['Attribute', 'Values', 'Default', 'Meaning'],
  doc.attributes.map((a) => [`<code>${a.name}</code>`, code(a.values), code(a.defaultValue), inline(a.meaning)]),
)}
<h2>Events</h2>
${table(
  ['Event', 'When'],
  doc.events.map((e) => [`<code>${e.name}</code>`, inline(e.meaning)]),
)}
<h2>CSS parts</h2>
${table(
  ['Part', 'Meaning'],
  doc.cssParts.map((p) => [`<code>::part(${p.name})</code>`, inline(p.meaning)]),
)}
<h2>CSS custom properties</h2>
<p>The element draws in its own Shadow DOM, so the page’s CSS cannot break it; these properties, set on the element or any ancestor, theme it (chart colours included).</p>
${table(
  ['Property', 'Meaning'],
  doc.cssProperties.map((p) => [`<code>${p.name}</code>`, inline(p.meaning)]),
)}
<h2>Content-Security-Policy</h2>
<p>Works under <code>script-src 'self' ${serverOrigin}; style-src 'self'</code>: no eval (Vega expressions run through vega-interpreter), no inline styles (constructed stylesheets). Allow <code>connect-src</code> to the Pantau server.</p>`,
    [`/widgets/${doc.file}`],
  );
}

const docs = builtWidgetDocs();
const index = page(
  'Widgets',
  `<p><a href="/">Pantau</a> › Widgets</p>
<h1>Pantau widgets</h1>
<p>Web components that any site adds with one script tag. Each fetches its data from this server’s GraphQL API and shows its sources; the charts also offer a data table, CSV, PNG and SVG. Their <a href="/widgets/custom-elements.json">custom-elements manifest</a> describes every attribute, event and CSS hook.</p>
<ul class="widget-list">${docs.map((d) => `<li><a href="/widgets/${d.tag}.html"><code>&lt;${d.tag}&gt;</code></a>: ${inline(d.summary)}</li>`).join('')}</ul>
<h2>All of them at once</h2>
<pre><code>${escape(`<script type="module" src="${serverOrigin}/widgets/pantau-widgets.js"></script>`)}</code></pre>
${release ? `<p>Pinned to this release, checked by the browser:</p>\n<pre><code>${escape(pinnedScript(serverOrigin, release, 'pantau-widgets.js'))}</code></pre>` : ''}`,
);

writeFileSync(new URL('index.html', dist), index);
for (const doc of docs) writeFileSync(new URL(`${doc.tag}.html`, dist), widgetPage(doc));
console.log(`Wrote ${docs.length + 1} documentation pages to widgets/dist/`);
