import type { Spec } from 'vega';
import { choroplethT, figureName, regionShade, type Shading } from '@pantau/schema/choropleth';
import { t } from '../core/i18n.ts';
import type { ChartRequest, SpecOptions } from '../core/widget-data.ts';
import mapSpec from '../specs/village-map.vl.json?vega';
import '../core/vega-geo-transforms.ts';
import type { Point } from './desa-binaan-map.data.ts';
import { provinceShapes, type RegencyShapes, type Shape } from './map-shapes.ts';
import { largestRadius, placeMarks } from './place-marks.ts';

export interface MapSpecOptions extends SpecOptions {
  /** Province shapes: every province, or the one zoomed to. */
  provinces: readonly Shape[];
  /** The zoomed province's regencies (or, not zoomed, all of them), once loaded; null draws provinces. */
  regencies: RegencyShapes | null;
  priorityCodes: ReadonlySet<string>;
  zoomed: boolean;
  shading: Shading | null;
}

/** A region as the map draws it: its shape, shade, tooltip and accessible name. */
export interface RegionMark extends Shape {
  code: string;
  name: string;
  group: 'highlight' | 'normal';
  /** The province a click or Enter on the region zooms to; null when zoomed already. */
  zoomTo: string | null;
  opacity?: number;
  noData?: boolean;
  tip: Record<string, string>;
}

const provinceNames = new Map(provinceShapes.map((shape) => [shape.properties.code, shape.properties.name]));

/** The compiled spec with the projection fitted inside a margin as wide as the largest mark, so nothing is clipped at the edges. */
function fittedSpec(margin: number): Spec {
  const projections = (mapSpec.projections ?? []).map(({ size: _size, ...projection }) => ({
    ...projection,
    extent: { signal: `[[${margin}, ${margin}], [width - ${margin}, height - ${margin}]]` },
  }));
  return { ...mapSpec, projections } as Spec;
}

/** The shapes, the priority layer and the villages' places, at a height that keeps the map's aspect. */
export function desaBinaanMapSpec(points: readonly Point[], { provinces, regencies, priorityCodes, zoomed, shading, language, width }: MapSpecOptions): ChartRequest {
  const asRegencies = Boolean(regencies?.shapes.length);
  const zoomedPriority = Boolean(zoomed && provinces[0] && priorityCodes.has(provinces[0].properties.code));
  const regionMark = (shape: Shape, isRegency: boolean): RegionMark => {
    const { code, name } = shape.properties;
    const provinceCode = code.slice(0, 2);
    const priority = priorityCodes.has(provinceCode);
    const figure = shading?.figures.get(code);
    const shade = shading && regionShade(shading, code);
    const tip: Record<string, string> = isRegency
      ? { [t('regency', language)]: name, [t('province', language)]: provinceNames.get(provinceCode) ?? '' }
      : { [t('province', language)]: name };
    if (shading) tip[figureName(shading.colorBy, language)] = figure?.text ?? choroplethT('noData', language);
    if (priority) tip[t('priority', language)] = t('yes', language);
    return {
      ...shape,
      code,
      name,
      group: priority ? 'highlight' : 'normal',
      zoomTo: zoomed ? null : provinceCode,
      ...shade,
      tip,
    };
  };
  const shapes = asRegencies ? (regencies?.shapes ?? []).map((shape) => regionMark(shape, true)) : provinces.map((shape) => regionMark(shape, false));
  const outlineOnly = shading !== null;
  let priority: object[] = shapes.filter((s) => s.group === 'highlight').map((s) => ({ ...s, outlineOnly }));
  // Zoomed to a priority province, its regencies carry the priority colour themselves (or, shaded, its border is
  // traced along them): the national province outline, drawn at another scale, would hide their borders.
  // Nationally, shaded regencies are outlined by their priority province's border.
  if (asRegencies && outlineOnly) {
    const outline = zoomedPriority && regencies?.outline ? [{ ...regencies.outline, outlineOnly }] : [];
    priority = zoomed ? outline : provinceShapes.filter((shape) => priorityCodes.has(shape.properties.code)).map((shape) => ({ ...shape, outlineOnly }));
  }
  return {
    spec: fittedSpec(Math.ceil(largestRadius(width)) + 3),
    datasets: { provinces: shapes, priority, points: placeMarks(points, language, width) },
    height: Math.round(width * (zoomed ? 0.7 : 0.42)),
    description: `${t('mapTitle', language)}: ${points.length} ${t('partnerVillages', language).toLowerCase()}.`,
  };
}
