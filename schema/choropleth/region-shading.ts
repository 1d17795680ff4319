import type { Language } from '../words/language.ts';
import type { ColorBy } from './color-by.ts';
import { figureOf, type CoverageFigures, type RegionFigure } from './region-figure.ts';
import { shadeClasses, type ShadeClass } from './shade-classes.ts';

/** The regions' figures and the classes that shade them (`color-by`). */
export interface Shading {
  colorBy: ColorBy;
  figures: ReadonlyMap<string, RegionFigure>;
  classes: readonly ShadeClass[];
}

/** How a region is filled: `opacity` of the accent colour, or, with no data, of the muted colour. */
export interface RegionShade {
  opacity: number;
  noData: boolean;
}

/** "No data" is filled with this percent of the muted colour, as its legend swatch is. */
const NO_DATA_PERCENT = 25;

/** The figure of each region drawn (by code) from the coverage rows, and the classes they fall into; null when the map is not shaded. */
export function regionShading(
  rows: readonly (CoverageFigures & { region: { code: string } })[] | undefined,
  colorBy: ColorBy | null,
  codes: readonly string[],
  language: Language,
): Shading | null {
  if (!colorBy || !rows) return null;
  const byCode = new Map(rows.map((row) => [row.region.code, row]));
  const figures = new Map(codes.map((code) => [code, figureOf(byCode.get(code), colorBy, language)]));
  return {
    colorBy,
    figures,
    classes: shadeClasses(
      [...figures.values()].map((f) => f.value),
      colorBy,
      language,
    ),
  };
}

/** The fill of the region `code` under `shading`, by the class its figure falls into. */
export function regionShade(shading: Shading, code: string): RegionShade | null {
  const shade = shading.classes.find((c) => c.contains(shading.figures.get(code)?.value ?? null));
  return shade ? { opacity: (shade.percent ?? NO_DATA_PERCENT) / 100, noData: shade.percent === null } : null;
}
