// Writes the widget documentation pages into dist/ next to the bundles, so the server serves them at
// /widgets/ and /widgets/<tag>.html. Run by `pnpm --filter @pantau/widgets build` after Vite.
import { writeFileSync } from 'node:fs';
import { currentRelease, embedSections, pinnedScript } from './embed-snippets.ts';
import { cssProperties, events, serverOrigin, sharedAttributes, widgetDocs, type WidgetDoc } from '../src/docs/catalogue.ts';

const dist = new URL('../dist/', import.meta.url);
const release = currentRelease(dist);
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const inline = (text: string) => escape(text).replace(/`([^`]+)`/g, '<code>$1</code>');

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

function widgetPage(doc: WidgetDoc): string {
  const snippet = `<script type="module" src="${serverOrigin}/widgets/${doc.file}"></script>\n${doc.example}`;
  return page(
    doc.tag,
    `<p><a href="/widgets/">Pantau widgets</a> › ${doc.tag}</p>
<h1><code>&lt;${doc.tag}&gt;</code></h1>
<p>${inline(doc.summary)}</p>
<h2>Paste this into your page</h2>
<p>The snippet names the server this page came from (behind a proxy: the <code>PANTAU_PUBLIC_ORIGIN</code> it was given). The script is an ES module served with CORS, so it works from any site; one script tag per page is enough for all widgets of that kind (or load <code>pantau-widgets.js</code> for all four).</p>
<pre><code>${escape(snippet)}</code></pre>
${embedSections(serverOrigin, release, doc)}
<h2>Live</h2>
${doc.example}
<h2>Attributes</h2>
${table(['Attribute', 'Values', 'Meaning'], [...doc.attributes, ...sharedAttributes].map((a) => [`<code>${a.name}</code>`, inline(a.values), inline(a.meaning)]))}
<h2>Events</h2>
${table(['Event', 'detail', 'When'], events.map((e) => [`<code>${e.name}</code>`, inline(e.detail), inline(e.meaning)]))}
<h2>CSS custom properties</h2>
<p>The widget draws in its own Shadow DOM, so the page’s CSS cannot break it; these properties, set on the element or any ancestor, theme it (chart colours included).</p>
${table(['Property', 'Meaning'], cssProperties.map((p) => [`<code>${p.name}</code>`, inline(p.meaning)]))}
<h2>Content-Security-Policy</h2>
<p>Works under <code>script-src 'self' ${serverOrigin}; style-src 'self'</code>: no eval (Vega expressions run through vega-interpreter), no inline styles (constructed stylesheets). Allow <code>connect-src</code> to the Pantau server.</p>`,
    [`/widgets/${doc.file}`],
  );
}

const index = page(
  'Widgets',
  `<p><a href="/">Pantau</a> › Widgets</p>
<h1>Pantau widgets</h1>
<p>Four web components that any site adds with one script tag. Each fetches its data from this server’s GraphQL API, shows its sources, and offers a data table, CSV, PNG and SVG.</p>
<ul class="widget-list">${widgetDocs.map((d) => `<li><a href="/widgets/${d.tag}.html"><code>&lt;${d.tag}&gt;</code></a>: ${inline(d.summary)}</li>`).join('')}</ul>
<h2>All four at once</h2>
<pre><code>${escape(`<script type="module" src="${serverOrigin}/widgets/pantau-widgets.js"></script>`)}</code></pre>
${release ? `<p>Pinned to this release, checked by the browser:</p>\n<pre><code>${escape(pinnedScript(serverOrigin, release, 'pantau-widgets.js'))}</code></pre>` : ''}`,
);

writeFileSync(new URL('index.html', dist), index);
for (const doc of widgetDocs) writeFileSync(new URL(`${doc.tag}.html`, dist), widgetPage(doc));
console.log(`Wrote ${widgetDocs.length + 1} documentation pages to widgets/dist/`);
