import type { Spec } from 'vega';
import { choroplethT, figureName, villageMapLayers, type Shading } from '@pantau/schema/choropleth';
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
  const zoomedCode = zoomed ? provinces[0]?.properties.code : undefined;
  const tipOf = (shape: Shape) => {
    const { code, name } = shape.properties;
    const provinceCode = code.slice(0, 2);
    const tip: Record<string, string> = asRegencies
      ? { [t('regency', language)]: name, [t('province', language)]: provinceNames.get(provinceCode) ?? '' }
      : { [t('province', language)]: name };
    if (shading) tip[figureName(shading.colorBy, language)] = shading.figures.get(code)?.text ?? choroplethT('noData', language);
    if (priorityCodes.has(provinceCode)) tip[t('priority', language)] = t('yes', language);
    return { name, zoomTo: zoomed ? null : provinceCode, tip };
  };
  const layers = villageMapLayers(
    {
      regions: asRegencies ? (regencies?.shapes ?? []) : provinces,
      asRegencies,
      allProvinces: provinceShapes,
      priorityCodes,
      zoomedTo: zoomedCode ? { code: zoomedCode, outline: regencies?.outline ?? null } : null,
      shading,
    },
    tipOf,
  );
  const shapes: RegionMark[] = layers.regions;
  const priority: object[] = layers.priority;
  return {
    spec: fittedSpec(Math.ceil(largestRadius(width)) + 3),
    datasets: { provinces: shapes, priority, points: placeMarks(points, language, width) },
    height: Math.round(width * (zoomed ? 0.7 : 0.42)),
    description: `${t('mapTitle', language)}: ${points.length} ${t('partnerVillages', language).toLowerCase()}.`,
  };
}
