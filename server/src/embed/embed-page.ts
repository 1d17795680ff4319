import { html, SafeHtml } from '../http/html.ts';
import { embedUrl, oembedUrl, snapshotUrl } from './embed-links.ts';
import type { WidgetModel } from './picture.ts';
import type { Attributes } from './widget-attributes.ts';

/** The width embed pages, snapshots and oEmbed answers are drawn at unless asked otherwise. */
export const embedWidth = 640;

/**
 * A complete page holding one widget, for an iframe on any site: the element with the attributes
 * given and, inside it, its snapshot (the first paint: shown before the script runs, and all that
 * readers without JavaScript see); its script from this server, preloaded with every chunk it
 * imports; the oEmbed discovery link, and a script that reports the page's height to the host
 * (assets/host.js). `chunks`: the files `<tag>.js` imports (the build's `release.json`).
 */
export function embedPage(origin: string, model: WidgetModel, attributes: Attributes, title: string, snapshotHeight: number, chunks: readonly string[]): SafeHtml {
  const elementAttributes = attributes.given.map(([name, value]) =>
    name === 'include-synthetic' ? (attributes.includeSynthetic ? ' include-synthetic' : '') : html` ${name}="${value}"`,
  );
  // The tag comes from the catalogue, never from the request.
  const tag = new SafeHtml(model.tag);
  const page = embedUrl(origin, model.name, attributes);
  const snapshot = snapshotUrl(origin, model.name, attributes, 'svg');
  const preloads = chunks.map(
    (chunk) => html`<link rel="modulepreload" href="/widgets/${chunk}">
`,
  );
  return html`<!doctype html>
<html lang="${attributes.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Pantau</title>
<link rel="icon" href="data:,">
<link rel="canonical" href="${page}">
<link rel="alternate" type="application/json+oembed" href="${oembedUrl(origin, page)}" title="${title}">
<meta property="og:title" content="${title}">
<meta property="og:image" content="${snapshotUrl(origin, model.name, attributes, 'png', 1200)}">
<link rel="stylesheet" href="/embed/embed.css">
<link rel="preload" as="image" href="${snapshot}">
${preloads}<script type="module" src="/widgets/${model.tag}.js"></script>
<script type="module" src="/embed/frame.js"></script>
</head>
<body>
<main>
<${tag}${elementAttributes}><img slot="snapshot" src="${snapshot}" alt="${title}" width="${embedWidth}" height="${snapshotHeight}"></${tag}>
</main>
</body>
</html>
`;
}
