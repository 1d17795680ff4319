import type { Palette } from './chart-svg.ts';
import type { Picture } from './picture.ts';
import { escapeXml, glyphEm, wrap } from './svg-text.ts';

const fontSize = 12;
const swatch = 10;
const rowHeight = 18;

/** A class's swatch as the element's legend styles it (widgets/src/desa-binaan-map/desa-binaan-map.styles.ts). */
function swatchSvg(x: number, y: number, percent: number | null, colors: Palette): string {
  const box = `x="${x}" y="${y}" width="${swatch}" height="${swatch}" rx="2"`;
  if (percent === null) return `<rect ${box} fill="${colors.muted}" fill-opacity="0.25" stroke="${colors.muted}" stroke-dasharray="2 1"/>`;
  // The faintest class is outlined, as it would otherwise vanish into the card.
  const border = percent <= 5 ? ` stroke="${colors.grid}"` : '';
  return `<rect ${box} fill="${colors.accent}" fill-opacity="${percent / 100}"${border}/>`;
}

/**
 * A shaded map's legend under the figure tiles, where the element has it: the title, then each
 * class with its swatch, in rows of at most `width` pixels from `x`. Returns the SVG and its height.
 */
export function legendSvg(legend: NonNullable<Picture['legend']>, x: number, top: number, width: number, colors: Palette): { svg: string; height: number } {
  const title = wrap(legend.title, width, fontSize);
  const parts = [
    `<text class="legend-title" font-size="${fontSize}" font-weight="bold" fill="${colors.text}">${title.map((line, i) => `<tspan x="${x}" y="${top + fontSize + i * rowHeight}">${escapeXml(line)}</tspan>`).join('')}</text>`,
  ];
  let left = x;
  let y = top + title.length * rowHeight + 2;
  for (const shade of legend.classes) {
    const entryWidth = swatch + 4 + Math.ceil(shade.label.length * fontSize * glyphEm);
    if (left > x && left + entryWidth > x + width) {
      left = x;
      y += rowHeight;
    }
    parts.push(
      `<g class="legend-entry">${swatchSvg(left, y + 2, shade.percent, colors)}<text class="legend-label" x="${left + swatch + 4}" y="${y + fontSize}" font-size="${fontSize}" fill="${colors.muted}">${escapeXml(shade.label)}</text></g>`,
    );
    left += entryWidth + 12;
  }
  return { svg: `<g class="legend">${parts.join('')}</g>`, height: y + rowHeight - top };
}
