import { choroplethT, figureName, type ColorBy } from '@pantau/schema/choropleth';
import { filterLine } from '../core/filter-words.ts';
import { formatNumber, formatPercent, t, type Language } from '../core/i18n.ts';
import { regionName } from '../core/region-names.ts';
import { extremes, figureWords, ofWords, sentence } from '../core/summary-words.ts';
import type { ChartWords, WidgetData } from '../core/widget-data.ts';
import type { DesaBinaanMapAnswer, Point } from './desa-binaan-map.data.ts';

export interface MapWordsOptions {
  language: Language;
  /** The province the map is zoomed to, or null for Indonesia. */
  province: string | null;
  includeSynthetic: boolean;
  /** The figure the regions are shaded by (`color-by`), or null. */
  colorBy?: ColorBy | null;
}

/**
 * `3 Desa Binaan di 2 provinsi; terbanyak di Nusa Tenggara Timur (2), paling sedikit di Bali (1);
 * 66,67% di provinsi prioritas TPPO (2 dari 3); dilaporkan secara nasional: lebih dari 125 Desa Binaan.`
 */
export function mapSummary(points: readonly Point[], answer: DesaBinaanMapAnswer, { language, province }: MapWordsOptions): string {
  const en = language === 'en';
  const places = new Map<string, number>();
  for (const point of points) {
    const place = province ? point.regency.name : point.province.name;
    places.set(place, (places.get(place) ?? 0) + 1);
  }
  const counts = [...places].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const level = province ? (en ? 'regencies/cities' : 'kabupaten/kota') : en ? 'provinces' : 'provinsi';
  const villages = en ? `partner village${points.length === 1 ? '' : 's'}` : 'Desa Binaan';
  const head = points.length
    ? `${formatNumber(points.length, language)} ${villages} ${en ? 'in' : 'di'} ${formatNumber(counts.length, language)} ${level}`
    : t('noPoints', language).replace(/\.$/, '');
  const ends = counts.length > 1 ? extremes(counts, ([, count]) => count) : null;
  const spread =
    ends &&
    (en
      ? `most in ${ends.largest[0]} (${formatNumber(ends.largest[1], language)}), fewest in ${ends.smallest[0]} (${formatNumber(ends.smallest[1], language)})`
      : `terbanyak di ${ends.largest[0]} (${formatNumber(ends.largest[1], language)}), paling sedikit di ${ends.smallest[0]} (${formatNumber(ends.smallest[1], language)})`);
  const priorities = new Set(answer.partnerVillageMap.priorities.map((p) => p.region.code));
  const inPriority = points.filter((point) => priorities.has(point.province.code)).length;
  const share =
    !province &&
    points.length > 0 &&
    priorities.size > 0 &&
    `${formatPercent(inPriority / points.length, language)} ${en ? 'in TPPO priority provinces' : 'di provinsi prioritas TPPO'} (${ofWords(inPriority, points.length, language)})`;
  const reported = answer.reportedVillages.total;
  const national =
    reported?.value &&
    `${en ? 'reported nationally' : 'dilaporkan secara nasional'}: ${figureWords(reported.value, reported.isLowerBound, en ? 'partner villages' : 'Desa Binaan', language)}`;
  const synthetic = answer.partnerVillageMap.synthetic || points.some((point) => point.synthetic);
  return sentence([head, spread, share, national], synthetic, language);
}

/** The map's filters, summary and per-row facts. */
export function mapWords(data: WidgetData<Point>, answer: DesaBinaanMapAnswer, options: MapWordsOptions): ChartWords<Point> {
  const { language, province, colorBy } = options;
  const named = new Map(data.rows.map((point) => [point.province.code, point.province.name]));
  return {
    filters: filterLine(
      [
        province ? `${t('province', language)}: ${regionName(province, named)}` : t('allRegions', language),
        colorBy && `${choroplethT('shadedBy', language)}: ${figureName(colorBy, language)}`,
      ],
      options.includeSynthetic,
      language,
    ),
    summary: mapSummary(data.rows, answer, options),
    facts: (point) => ({ unit: language === 'en' ? 'village' : 'desa', isLowerBound: false, synthetic: point.synthetic, sources: [point.partnerVillage.source] }),
  };
}
