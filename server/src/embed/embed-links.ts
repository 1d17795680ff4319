import type { Attributes } from './widget-attributes.ts';

/** The attributes as a query string, in a stable order (a cache key, an embed URL). */
export function attributeQuery(attributes: Attributes, extra: [string, string][] = []): string {
  const params = new URLSearchParams([...attributes.given, ...extra]);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export const snapshotUrl = (origin: string, widget: string, attributes: Attributes, format: 'svg' | 'png', width?: number) =>
  `${origin}/snapshot/${widget}.${format}${attributeQuery(attributes, width ? [['width', String(width)]] : [])}`;

export const embedUrl = (origin: string, widget: string, attributes: Attributes) => `${origin}/embed/${widget}${attributeQuery(attributes)}`;

export const oembedUrl = (origin: string, pageUrl: string) => `${origin}/oembed?${new URLSearchParams({ url: pageUrl, format: 'json' }).toString()}`;
