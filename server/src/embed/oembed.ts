import { embedUrl, snapshotUrl } from './embed-links.ts';
import type { WidgetModel } from './picture.ts';
import { readAttributes, type Attributes } from './widget-attributes.ts';
import { widgetModels } from './widget-catalogue.ts';

/** An oEmbed request the provider refuses, with the status the oEmbed spec (section 2.3.4) gives it. */
export interface OembedRefusal {
  status: 400 | 404 | 501;
  error: string;
}

export interface OembedRequest {
  model: WidgetModel;
  attributes: Attributes;
  maxWidth: number | null;
  maxHeight: number | null;
}

/**
 * Reads `/oembed?url=…&format=json&maxwidth=…&maxheight=…`. Only the JSON format is offered (`xml`
 * answers 501); a URL must be an embed page or snapshot of this server with a widget's valid
 * attributes, anything else has no embed here (404).
 */
export function readOembedRequest(params: URLSearchParams, origin: string): { request: OembedRequest } | OembedRefusal {
  const raw = params.get('url');
  if (!raw) return { status: 400, error: 'Parameter `url` is required: the address of a widget on this server, such as /embed/metric-chart?metric=…' };
  const format = params.get('format') ?? 'json';
  if (format !== 'json') return { status: 501, error: `Parameter \`format\` ${JSON.stringify(format.slice(0, 20))} is not offered: only \`json\`` };
  const dimension = (name: string): number | null | undefined => {
    const value = params.get(name);
    if (value === null) return null;
    return /^\d{1,5}$/.test(value) && Number(value) > 0 ? Number(value) : undefined;
  };
  const [maxWidth, maxHeight] = [dimension('maxwidth'), dimension('maxheight')];
  if (maxWidth === undefined || maxHeight === undefined)
    return { status: 400, error: `Parameter \`${maxWidth === undefined ? 'maxwidth' : 'maxheight'}\` must be a positive whole number of pixels` };
  const known = new Set(['url', 'format', 'maxwidth', 'maxheight']);
  const unknown = [...params.keys()].find((name) => !known.has(name));
  if (unknown) return { status: 400, error: `Unknown parameter \`${unknown}\`; oEmbed takes \`url\`, \`format\`, \`maxwidth\`, \`maxheight\`` };
  if (!URL.canParse(raw)) return { status: 400, error: 'Parameter `url` is not an absolute URL' };
  const url = new URL(raw);
  if (url.origin !== origin) return { status: 404, error: `No embed for ${url.origin}: this server embeds its own widgets (${origin})` };
  const match = /^\/(?:embed\/([a-z-]+)|snapshot\/([a-z-]+)\.(?:svg|png))$/.exec(url.pathname);
  const model = widgetModels.get(match?.[1] ?? match?.[2] ?? '');
  if (!model) return { status: 404, error: `No widget at ${url.pathname}` };
  url.searchParams.delete('width');
  const read = readAttributes(url.searchParams, model.attributes);
  if ('problems' in read) return { status: 404, error: `No embed for that URL: ${read.problems.join('; ')}` };
  return { request: { model, attributes: read.attributes, maxWidth, maxHeight } };
}

/** Escapes text for an HTML attribute in the `html` snippet. */
const attribute = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The oEmbed `rich` answer: the iframe and the host script, sized to the snapshot drawn at that width. */
export function oembedAnswer(origin: string, request: OembedRequest, title: string, width: number, height: number, cacheAgeSeconds: number) {
  const src = embedUrl(origin, request.model.name, request.attributes);
  return {
    version: '1.0',
    type: 'rich',
    provider_name: 'Pantau',
    provider_url: `${origin}/`,
    title: title,
    html: `<iframe src="${attribute(src)}" title="${attribute(title)}" width="${width}" height="${height}" loading="lazy" referrerpolicy="no-referrer"></iframe><script async src="${attribute(origin)}/embed/host.js"></script>`,
    width,
    height,
    thumbnail_url: snapshotUrl(origin, request.model.name, request.attributes, 'png', width),
    thumbnail_width: width,
    thumbnail_height: height,
    cache_age: cacheAgeSeconds,
  };
}
