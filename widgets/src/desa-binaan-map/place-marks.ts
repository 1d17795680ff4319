import { nameIn } from '../core/bilingual.ts';
import { formatDate, formatNumber, t, type Language } from '../core/i18n.ts';
import { precisionLabels, type Point } from './desa-binaan-map.data.ts';
import { mapT } from './map-labels.ts';

/** One mark on the map: a village at its own point, or every village that shares a place (a regency's or a capital's point). */
export interface PlaceMark {
  longitude: number;
  latitude: number;
  /** Villages drawn by this mark. */
  count: number;
  /** Symbol area in px², growing with the count. */
  size: number;
  /** The count written on the mark when it stands for more than one village. */
  label: string;
  /** Its font size in px: smaller on a narrow map, where the marks are. */
  fontSize: number;
  tip: Record<string, string>;
}

const NAMES_LISTED = 5;

/** Largest radius a mark grows to at this chart width: legible at 320 px, not covering Java at 1280. */
export function largestRadius(width: number): number {
  return Math.min(18, Math.max(7, width / 45));
}

function placeName(point: Point): string {
  if (point.precision === 'VILLAGE') return point.village.name;
  return point.precision === 'REGENCY' ? point.regency.name : point.province.name;
}

function singleTip(p: Point, language: Language): Record<string, string> {
  return {
    [t('village', language)]: p.village.name,
    [t('regency', language)]: p.regency.name,
    [t('office', language)]: nameIn(p.office, language),
    [t('designatedOn', language)]: p.designatedOn ? formatDate(p.designatedOn, language) : '–',
    [t('precision', language)]: t(precisionLabels[p.precision], language),
  };
}

function sharedTip(villages: readonly Point[], language: Language): Record<string, string> {
  const first = villages[0] as Point;
  const names = villages.slice(0, NAMES_LISTED).map((p) => p.village.name);
  const rest = villages.length - names.length;
  return {
    [t('partnerVillages', language)]: formatNumber(villages.length, language),
    [mapT('place', language)]: `${placeName(first)} (${t(precisionLabels[first.precision], language)})`,
    [t('village', language)]: `${names.join(', ')}${rest > 0 ? `, +${formatNumber(rest, language)} ${mapT('more', language)}` : ''}`,
  };
}

/** Villages grouped by the point they are drawn at, largest groups first so single villages stay on top. */
export function placeMarks(points: readonly Point[], language: Language, width: number): PlaceMark[] {
  const places = new Map<string, Point[]>();
  for (const point of points) {
    const key = `${point.latitude}|${point.longitude}`;
    const villages = places.get(key);
    if (villages) villages.push(point);
    else places.set(key, [point]);
  }
  const cap = largestRadius(width);
  return [...places.values()]
    .map((villages) => {
      const first = villages[0] as Point;
      const count = villages.length;
      const radius = count === 1 ? 3.4 : Math.min(cap, 5 + 2.4 * Math.sqrt(count));
      return {
        longitude: Number(first.longitude),
        latitude: Number(first.latitude),
        count,
        size: Math.round(Math.PI * radius * radius),
        label: count === 1 ? '' : formatNumber(count, language),
        fontSize: width < 500 ? 8 : 10,
        tip: count === 1 ? singleTip(first, language) : sharedTip(villages, language),
      };
    })
    .sort((a, b) => b.count - a.count);
}
