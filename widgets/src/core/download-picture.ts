import { escapeXml, wrapText as wrapWords } from '@pantau/schema/words';
import type { ChartColors } from './vega-view.ts';

/** The words a downloaded picture carries around its chart, already in the widget's language. */
export interface PictureWords {
  title: string;
  subtitle?: string | undefined;
  filters: string;
  summary: string;
  sources: string | null;
  licence: string;
  drawn: string;
  /** The badge's text and the note under the sources, for synthetic data; null for real data. */
  synthetic: { badge: string; note: string } | null;
}

interface Line {
  text: string;
  y: number;
  size: number;
  bold: boolean;
  color: keyof Pick<ChartColors, 'text' | 'muted' | 'highlight'>;
  role: string;
}

const padding = 16;

/** Splits `text` into lines of at most `width` pixels of the card's font. */
export const wrapText = (text: string, width: number, fontSize: number) => wrapWords(text, width, fontSize, 0.56);

/** Where each line of words goes above and below a chart `chartHeight` high, in a picture `width` wide. */
export function pictureLayout(words: PictureWords, width: number, chartHeight: number) {
  const inner = width - 2 * padding;
  const badgeWidth = words.synthetic ? Math.round(words.synthetic.badge.length * 7.5 + 20) : 0;
  const lines: Line[] = [];
  let y = padding;
  const block = (text: string | null | undefined, size: number, color: Line['color'], role: string, bold = false, limit = inner) => {
    if (!text) return;
    for (const part of wrapText(text, limit, size)) {
      lines.push({ text: part, y: y + size, size, bold, color, role });
      y += Math.round(size * 1.4);
    }
    y += 4;
  };
  block(words.title, 18, 'text', 'title', true, inner - badgeWidth - 8);
  block(words.subtitle, 13, 'muted', 'subtitle');
  block(words.filters, 12, 'muted', 'filters');
  block(words.summary, 13, 'text', 'summary');
  const chartTop = y + 4;
  y = chartTop + chartHeight + 8;
  const rule = y;
  y += 8;
  block(words.sources, 12, 'muted', 'source');
  if (words.synthetic) block(words.synthetic.note, 12, 'highlight', 'synthetic-note', true);
  block(words.licence, 11, 'muted', 'licence');
  block(words.drawn, 11, 'muted', 'drawn');
  return { lines, chartTop, rule, badgeWidth, height: Math.ceil(y + padding - 4), padding };
}

/** The chart's own SVG inside one that carries the words: selectable text, a title and a description. */
export function pictureSvg(chartSvg: string, chartHeight: number, width: number, words: PictureWords, colors: ChartColors): string {
  const layout = pictureLayout(words, width, chartHeight);
  const { height, badgeWidth } = layout;
  const text = layout.lines.map(
    (line) =>
      `<text class="${line.role}" x="${padding}" y="${line.y}" font-size="${line.size}"${line.bold ? ' font-weight="bold"' : ''} fill="${escapeXml(colors[line.color])}">${escapeXml(line.text)}</text>`,
  );
  const badge = words.synthetic
    ? `<g class="badge"><rect x="${width - padding - badgeWidth}" y="${padding}" width="${badgeWidth}" height="22" rx="11" fill="${escapeXml(colors.highlight)}"/><text x="${width - padding - badgeWidth / 2}" y="${padding + 15}" text-anchor="middle" font-size="12" font-weight="bold" fill="${escapeXml(colors.background)}">${escapeXml(words.synthetic.badge)}</text></g>`
    : '';
  const chart = chartSvg.replace(/^<svg\b/, `<svg x="${padding}" y="${layout.chartTop}"`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(colors.font)}">
<title>${escapeXml(words.title)}</title>
<desc>${escapeXml([words.filters, words.summary, words.sources].filter(Boolean).join(' '))}</desc>
<rect width="${width}" height="${height}" fill="${escapeXml(colors.background || '#ffffff')}"/>
${text.join('\n')}
${badge}
<line x1="${padding}" x2="${width - padding}" y1="${layout.rule}" y2="${layout.rule}" stroke="${escapeXml(colors.grid)}"/>
${chart}
</svg>
`;
}

/** The same picture as a PNG, drawn on a canvas (no image decoding, so a strict `img-src` allows it). */
export function picturePng(chart: HTMLCanvasElement, scale: number, width: number, words: PictureWords, colors: ChartColors): string {
  const layout = pictureLayout(words, width, chart.height / scale);
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = layout.height * scale;
  const context = canvas.getContext('2d');
  if (!context) return chart.toDataURL('image/png');
  context.scale(scale, scale);
  context.fillStyle = colors.background || '#ffffff';
  context.fillRect(0, 0, width, layout.height);
  for (const line of layout.lines) {
    context.font = `${line.bold ? 'bold ' : ''}${line.size}px ${colors.font}`;
    context.fillStyle = colors[line.color];
    context.fillText(line.text, padding, line.y);
  }
  if (words.synthetic) {
    const x = width - padding - layout.badgeWidth;
    context.fillStyle = colors.highlight;
    context.beginPath();
    context.roundRect(x, padding, layout.badgeWidth, 22, 11);
    context.fill();
    context.font = `bold 12px ${colors.font}`;
    context.fillStyle = colors.background || '#ffffff';
    context.textAlign = 'center';
    context.fillText(words.synthetic.badge, x + layout.badgeWidth / 2, padding + 15);
    context.textAlign = 'start';
  }
  context.strokeStyle = colors.grid;
  context.beginPath();
  context.moveTo(padding, layout.rule);
  context.lineTo(width - padding, layout.rule);
  context.stroke();
  context.drawImage(chart, padding, layout.chartTop, chart.width / scale, chart.height / scale);
  return canvas.toDataURL('image/png');
}
