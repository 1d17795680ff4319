import { chartSvg, pictureFont, palettes, type ChartAssets } from './chart-svg.ts';
import { legendSvg } from './legend-svg.ts';
import type { Picture } from './picture.ts';
import { escapeXml, wrap } from './svg-text.ts';
import { formatDate, t, type Language } from './words.ts';

const padding = 17;

/** The source line as the element's caption reads: `Sumber: Publisher, 20 Jan 2026; Other`. */
export function sourceLine(picture: Picture, language: Language): string | null {
  if (picture.sources.length === 0) return null;
  const names = picture.sources.map((s) => `${s.publisher}${s.publishedOn ? `, ${formatDate(s.publishedOn, language)}` : ''}`);
  return `${t(picture.sources.length > 1 ? 'sources' : 'source', language)}: ${names.join('; ')}`;
}

/**
 * The picture as one SVG document, the way the element lays it out: title, subtitle and filters in
 * words, the synthetic badge, figure tiles, a shaded map's legend, the chart, then sources and
 * licence. Text stays text (selectable, read by screen readers through `<title>` and `<desc>`).
 */
export async function snapshotSvg(assets: ChartAssets, picture: Picture, options: { width: number; language: Language; theme: 'light' | 'dark' }): Promise<string> {
  const { width, language } = options;
  const colors = palettes[options.theme];
  const inner = width - 2 * padding;
  const parts: string[] = [];
  let y = padding;
  const textBlock = (text: string, fontSize: number, fill: string, className: string, weight = 'normal', limit = inner) => {
    const lines = wrap(text, limit, fontSize);
    const lineHeight = Math.round(fontSize * 1.4);
    parts.push(
      `<text class="${className}" font-size="${fontSize}" font-weight="${weight}" fill="${fill}">${lines.map((line, i) => `<tspan x="${padding}" y="${y + fontSize + i * lineHeight}">${escapeXml(line)}</tspan>`).join('')}</text>`,
    );
    y += lines.length * lineHeight + 4;
  };
  const badgeWidth = picture.synthetic ? Math.round(t('synthetic', language).length * 12 * 0.62 + 20) : 0;
  textBlock(picture.title, 18, colors.text, 'title', 'bold', inner - badgeWidth - 8);
  if (picture.synthetic) {
    parts.push(
      `<g class="badge"><rect x="${width - padding - badgeWidth}" y="${padding}" width="${badgeWidth}" height="22" rx="11" fill="none" stroke="${colors.highlight}"/><text x="${width - padding - badgeWidth / 2}" y="${padding + 15}" text-anchor="middle" font-size="12" font-weight="bold" fill="${colors.highlight}">${escapeXml(t('synthetic', language))}</text></g>`,
    );
  }
  if (picture.subtitle) textBlock(picture.subtitle, 13, colors.muted, 'subtitle');
  if (picture.filters) textBlock(picture.filters, 12, colors.muted, 'filters');
  if (picture.tiles.length) {
    y += 6;
    const perRow = Math.min(picture.tiles.length, Math.max(1, Math.floor(inner / 150)));
    const tileWidth = (inner - (perRow - 1) * 10) / perRow;
    picture.tiles.forEach((tile, index) => {
      const x = padding + (index % perRow) * (tileWidth + 10);
      const top = y + Math.floor(index / perRow) * 72;
      const label = wrap(tile.label, tileWidth - 20, 11).slice(0, 2);
      // A long value (`lebih dari 500`) is set smaller rather than past its tile.
      const valueSize = Math.min(20, Math.floor((tileWidth - 20) / (tile.value.length * 0.64)));
      parts.push(
        `<g class="tile"><rect x="${x}" y="${top}" width="${tileWidth}" height="62" rx="6" fill="${colors.surface}"/><text x="${x + 10}" y="${top + 26}" font-size="${valueSize}" font-weight="bold" fill="${colors.text}">${escapeXml(tile.value)}</text><text font-size="11" fill="${colors.muted}">${label.map((line, i) => `<tspan x="${x + 10}" y="${top + 42 + i * 13}">${escapeXml(line)}</tspan>`).join('')}</text></g>`,
      );
    });
    y += Math.ceil(picture.tiles.length / perRow) * 72;
  }
  if (picture.legend) {
    const legend = legendSvg(picture.legend, padding, y, inner, colors);
    parts.push(legend.svg);
    y += legend.height;
  }
  if (picture.chart) {
    y += 6;
    const chart = await chartSvg(assets, picture.chart, inner, language, colors);
    parts.push(chart.svg.replace(/^<svg\b/, `<svg x="${padding}" y="${y}"`));
    y += chart.height + 8;
  }
  if (picture.note) textBlock(picture.note, 13, colors.muted, 'note');
  y += 4;
  parts.push(`<line x1="${padding}" x2="${width - padding}" y1="${y}" y2="${y}" stroke="${colors.grid}"/>`);
  y += 6;
  const sources = sourceLine(picture, language);
  if (sources) textBlock(sources, 12, colors.muted, 'source');
  if (picture.synthetic) textBlock(t('syntheticHint', language), 12, colors.highlight, 'synthetic-note');
  textBlock(t('licence', language), 11, colors.muted, 'licence');
  const height = Math.ceil(y + padding - 4);
  const legend = picture.legend && `${picture.legend.title}: ${picture.legend.classes.map((shade) => shade.label).join(', ')}`;
  const description = [picture.subtitle, picture.filters, ...picture.tiles.map((tile) => `${tile.value} ${tile.label}`), legend, sources].filter(Boolean).join('. ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="pantau-title pantau-desc" font-family="${escapeXml(pictureFont)}" lang="${language}">
<title id="pantau-title">${escapeXml(picture.title)}</title>
<desc id="pantau-desc">${escapeXml(description)}</desc>
<rect width="${width}" height="${height}" rx="8" fill="${colors.background}" stroke="${colors.grid}"/>
${parts.join('\n')}
</svg>
`;
}
