import { html, SafeHtml } from '../http/html.ts';
import { embedUrl, oembedUrl, snapshotUrl } from './embed-links.ts';
import type { WidgetModel } from './picture.ts';
import type { Attributes } from './widget-attributes.ts';

/** The width embed pages, snapshots and oEmbed answers are drawn at unless asked otherwise. */
export const embedWidth = 640;

/**
 * A complete page holding one widget, for an iframe on any site: the element with the attributes
 * given, its script from this server, the snapshot for readers without JavaScript, the oEmbed
 * discovery link, and a script that reports the page's height to the host (assets/host.js).
 */
export function embedPage(origin: string, model: WidgetModel, attributes: Attributes, title: string, snapshotHeight: number): SafeHtml {
  const elementAttributes = attributes.given.map(([name, value]) =>
    name === 'include-synthetic' ? (attributes.includeSynthetic ? ' include-synthetic' : '') : html` ${name}="${value}"`,
  );
  // The tag comes from the catalogue, never from the request.
  const tag = new SafeHtml(model.tag);
  const page = embedUrl(origin, model.name, attributes);
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
<script type="module" src="/widgets/${model.tag}.js"></script>
<script type="module" src="/embed/frame.js"></script>
</head>
<body>
<main>
<${tag}${elementAttributes}></${tag}>
<noscript><img src="${snapshotUrl(origin, model.name, attributes, 'svg')}" alt="${title}" width="${embedWidth}" height="${snapshotHeight}"></noscript>
</main>
</body>
</html>
`;
}
