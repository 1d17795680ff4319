import { formatNumber, formatPercent, t, type Language } from '../core/i18n.ts';
import type { DesaBinaanMapAnswer } from './desa-binaan-map.data.ts';
import type { Shading } from './desa-binaan-map.spec.ts';
import { mapT, type MapLabelKey } from './map-labels.ts';
import type { Shape } from './map-shapes.ts';

/** The figures `color-by` can shade the regions by, as the attribute names them. */
export const colorByValues = ['partner-villages', 'coverage-ratio', 'pimpasa-officers', 'tppo-activities'] as const;
export type ColorBy = (typeof colorByValues)[number];

export function colorByOf(value: string | null | undefined): ColorBy | null {
  return colorByValues.find((name) => name === value) ?? null;
}

const colorByLabels: Record<ColorBy, MapLabelKey> = {
  'partner-villages': 'colorByPartnerVillages',
  'coverage-ratio': 'colorByCoverageRatio',
  'pimpasa-officers': 'colorByPimpasaOfficers',
  'tppo-activities': 'colorByTppoActivities',
};

export type CoverageRow = NonNullable<DesaBinaanMapAnswer['coverage']>['regions'][number];

/** One region's figure: `value` null is "no data" (no row, no villages to divide by, nothing reported), never zero. */
export interface RegionFigure {
  value: number | null;
  text: string;
}

export function figureOf(row: CoverageRow | undefined, colorBy: ColorBy, language: Language): RegionFigure {
  const noData = { value: null, text: mapT('noData', language) };
  if (!row) return noData;
  if (colorBy === 'partner-villages') return { value: row.partnerVillages, text: formatNumber(row.partnerVillages, language) };
  if (colorBy === 'coverage-ratio') return row.coverageRatio === null ? noData : { value: Number(row.coverageRatio), text: formatPercent(row.coverageRatio, language) };
  const reported = colorBy === 'pimpasa-officers' ? row.pimpasaOfficers : row.tppoActivities;
  if (reported.observationCount === 0 || reported.value === null) return noData;
  return { value: Number(reported.value), text: `${reported.isLowerBound ? `${t('lowerBound', language)} ` : ''}${formatNumber(reported.value, language)}` };
}

/** A legend entry and the regions it shades: `opacity` of the accent colour, or null for "no data" (drawn muted). */
export interface ShadeClass {
  label: string;
  /** Percent of the accent colour, also the legend swatch's class (`shade-<percent>`). */
  percent: number | null;
  contains: (value: number | null) => boolean;
}

const ramps: Record<number, number[]> = { 1: [90], 2: [45, 90], 3: [35, 60, 90], 4: [30, 50, 70, 90] };
const ZERO_PERCENT = 5;

/** The smallest of 1, 2, 2.5 and 5 times a power of ten at or above `x`. */
function niceStep(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= x - 1e-12) ?? 10) * power;
}

/** Zero, up to four classes of equal, round width up to the largest figure, and "no data". */
export function shadeClasses(values: readonly (number | null)[], colorBy: ColorBy, language: Language): ShadeClass[] {
  const ratio = colorBy === 'coverage-ratio';
  const max = Math.max(0, ...values.filter((v): v is number => v !== null));
  const show = (v: number) => (ratio ? formatPercent(v, language) : formatNumber(v, language));
  const classes: ShadeClass[] = [{ label: show(0), percent: ZERO_PERCENT, contains: (v) => v === 0 }];
  if (max > 0) {
    const step = ratio ? niceStep(max / 4) : Math.max(1, Math.ceil(niceStep(max / 4)));
    const count = Math.min(4, Math.ceil(max / step - 1e-9));
    const percents = ramps[count] ?? [];
    for (let i = 0; i < count; i++) {
      const lo = i * step;
      const hi = i === count - 1 ? Math.max(max, (i + 1) * step) : (i + 1) * step;
      const label = ratio ? `${i === 0 ? '> ' : ''}${show(lo)}–${show(hi)}` : lo + 1 === hi ? show(hi) : `${show(lo + 1)}–${show(hi)}`;
      classes.push({ label, percent: percents[i] ?? 90, contains: (v) => v !== null && v > lo && v <= hi });
    }
  }
  classes.push({ label: mapT('noData', language), percent: null, contains: (v) => v === null });
  return classes;
}

/** The legend's title: the figure and the regions it is counted over. */
export function legendTitle(colorBy: ColorBy, regencies: boolean, language: Language): string {
  return `${mapT(colorByLabels[colorBy], language)} ${mapT(regencies ? 'perRegency' : 'perProvince', language)}`;
}

export function figureName(colorBy: ColorBy, language: Language): string {
  return mapT(colorByLabels[colorBy], language);
}

/** Each shape's figure from the coverage rows and the classes they fall into; null when the map is not shaded. */
export function regionShading(rows: readonly CoverageRow[] | undefined, colorBy: ColorBy | null, shapes: readonly Shape[], language: Language): Shading | null {
  if (!colorBy || !rows) return null;
  const byCode = new Map(rows.map((row) => [row.region.code, row]));
  const figures = new Map(shapes.map((shape) => [shape.properties.code, figureOf(byCode.get(shape.properties.code), colorBy, language)]));
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
