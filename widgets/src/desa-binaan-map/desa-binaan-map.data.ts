import type { PantauDesaBinaanMapQuery } from '@pantau/schema';
import { nameIn, uniqueSources, type Bilingual } from '../core/bilingual.ts';
import { formatDate, t, type LabelKey, type Language } from '../core/i18n.ts';
import type { SourceRef, WidgetData } from '../core/widget-data.ts';

/** The answer to schema/operations/desa-binaan-map.graphql, typed from the contract. */
export type DesaBinaanMapAnswer = PantauDesaBinaanMapQuery;
/** The `PartnerVillageColumns` scalar: one array per field, repeated values in dictionaries. */
type Columns = DesaBinaanMapAnswer['partnerVillageMap']['columns'];
export type Precision = Columns['places']['precision'][number];

export interface Point {
  village: { code: string; name: string };
  regency: { name: string };
  province: { code: string; name: string };
  office: Bilingual & { code: string };
  designatedOn: string | null;
  latitude: string;
  longitude: string;
  precision: Precision;
  synthetic: boolean;
  partnerVillage: { source: SourceRef };
}

/** The columns as one object per point, for the table and the chart. */
export function pointsOf(columns: Columns, sources: SourceRef[]): Point[] {
  const { regencies, provinces, offices, places } = columns;
  return Array.from({ length: columns.count }, (_, i) => {
    const regency = columns.regency[i] ?? 0;
    const province = regencies.province[regency] ?? 0;
    const office = columns.office[i] ?? 0;
    const place = columns.place[i] ?? 0;
    return {
      village: { code: `${regencies.codes[regency]}.${columns.villageCodes[i]}`, name: columns.villageNames[i] ?? '' },
      regency: { name: regencies.names[regency] ?? '' },
      province: { code: provinces.codes[province] ?? '', name: provinces.names[province] ?? '' },
      office: { code: offices.codes[office] ?? '', nameId: offices.namesId[office] ?? '', nameEn: offices.namesEn[office] ?? '' },
      designatedOn: columns.dates[columns.designatedOn[i] ?? -1] ?? null,
      latitude: String(places.latitudes[place]),
      longitude: String(places.longitudes[place]),
      precision: places.precision[place] ?? 'PROVINCE',
      synthetic: columns.synthetic[i] === 1,
      partnerVillage: { source: sources[columns.source[i] ?? 0] as SourceRef },
    };
  });
}

export const precisionLabels: Record<Precision, LabelKey> = { VILLAGE: 'precisionVillage', REGENCY: 'precisionRegency', PROVINCE: 'precisionProvince' };

/** The partner villages as table rows; the sources of the priorities and the reported figures come along. */
export function presentPoints(answer: DesaBinaanMapAnswer, language: Language): WidgetData<Point> {
  const { columns, sources, priorities, synthetic } = answer.partnerVillageMap;
  return {
    rows: pointsOf(columns, sources),
    synthetic,
    sources: uniqueSources([priorities.map((p) => p.source), sources, answer.reportedVillages.total?.sources ?? [], answer.reportedPimpasa.total?.sources ?? []]),
    caption: t('mapTitle', language),
    columns: [
      { header: t('village', language), raw: (p) => p.village.name, display: (p) => p.village.name },
      { header: t('regency', language), raw: (p) => p.regency.name, display: (p) => p.regency.name },
      { header: t('province', language), raw: (p) => p.province.name, display: (p) => p.province.name },
      { header: t('office', language), raw: (p) => nameIn(p.office, language), display: (p) => nameIn(p.office, language) },
      { header: t('designatedOn', language), raw: (p) => p.designatedOn, display: (p) => (p.designatedOn ? formatDate(p.designatedOn, language) : '–') },
      { header: t('precision', language), raw: (p) => p.precision, display: (p) => t(precisionLabels[p.precision], language) },
      { header: 'Lat', raw: (p) => p.latitude, display: (p) => p.latitude, numeric: true },
      { header: 'Lon', raw: (p) => p.longitude, display: (p) => p.longitude, numeric: true },
    ],
  };
}
