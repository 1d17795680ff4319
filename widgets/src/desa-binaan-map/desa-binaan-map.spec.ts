import { nameIn } from '../core/bilingual.ts';
import { formatDate, t } from '../core/i18n.ts';
import type { ChartRequest, SpecOptions } from '../core/widget-data.ts';
import mapSpec from '../specs/village-map.vl.json?vega';
import '../core/vega-geo-transforms.ts';
import { precisionLabels, type Point } from './desa-binaan-map.data.ts';
import type { Shape } from './map-shapes.ts';

export interface MapSpecOptions extends SpecOptions {
  /** Province shapes: every province, or the one zoomed to. */
  provinces: readonly Shape[];
  /** The zoomed province's regencies, once loaded; null draws provinces. */
  regencies: readonly Shape[] | null;
  priorityCodes: ReadonlySet<string>;
  zoomed: boolean;
}

/** The shapes, the priority layer and the points, at a height that keeps the map's aspect. */
export function desaBinaanMapSpec(points: readonly Point[], { provinces, regencies, priorityCodes, zoomed, language, width }: MapSpecOptions): ChartRequest {
  const provinceMarks = provinces.map((shape) => ({
    ...shape,
    group: priorityCodes.has(shape.properties.code) ? 'highlight' : 'normal',
    tip: { [t('province', language)]: shape.properties.name },
  }));
  const provinceName = provinceMarks[0]?.properties.name ?? '';
  const shapes = regencies?.length
    ? regencies.map((shape) => ({ ...shape, group: 'normal', tip: { [t('regency', language)]: shape.properties.name, [t('province', language)]: provinceName } }))
    : provinceMarks;
  const highlighted = provinceMarks.filter((p) => p.group === 'highlight');
  const values = points.map((p) => ({
    longitude: Number(p.longitude),
    latitude: Number(p.latitude),
    tip: {
      [t('village', language)]: p.village.name,
      [t('regency', language)]: p.regency.name,
      [t('office', language)]: nameIn(p.office, language),
      [t('designatedOn', language)]: p.designatedOn ? formatDate(p.designatedOn, language) : '–',
      [t('precision', language)]: t(precisionLabels[p.precision], language),
    },
  }));
  return {
    spec: mapSpec,
    // Zoomed to a priority province, its regencies carry the priority colour themselves: the
    // national province outline, drawn at another scale, would hide their borders.
    datasets: { provinces: shapes, priority: regencies?.length ? (highlighted.length ? shapes : []) : highlighted, points: values },
    height: Math.round(width * (zoomed ? 0.7 : 0.42)),
    description: `${t('mapTitle', language)}: ${points.length} ${t('partnerVillages', language).toLowerCase()}.`,
  };
}
