import { uniqueSources, type SourceRef, type WidgetModel } from '../picture.ts';
import { provinceCode } from '../widget-attributes.ts';
import { formatNumber, t, type Language } from '../words.ts';

/** The `PartnerVillageColumns` scalar, the fields a picture needs: where each point is. */
interface Columns {
  count: number;
  place: number[];
  places: { latitudes: number[]; longitudes: number[] };
}

interface ReportedFigure {
  total: { value: string; isLowerBound: boolean; sources: SourceRef[] } | null;
}

interface Answer {
  partnerVillageMap: { synthetic: boolean; columns: Columns; sources: SourceRef[]; priorities: { region: { code: string; name: string }; source: SourceRef }[] };
  reportedVillages: ReportedFigure;
  reportedPimpasa: ReportedFigure;
}

const tile = (figure: ReportedFigure['total'], label: string, language: Language) =>
  figure
    ? [
        {
          value: `${figure.isLowerBound ? `${t('lowerBound', language)} ` : ''}${formatNumber(figure.value, language)}`,
          label: `${label} · ${t('national', language).toLowerCase()}, ${t('reported', language)}`,
        },
      ]
    : [];

/** As `<pantau-desa-binaan-map>` (widgets/src/desa-binaan-map/desa-binaan-map.ts): provinces, priorities, points. */
export const desaBinaanMap: WidgetModel = {
  name: 'desa-binaan-map',
  tag: 'pantau-desa-binaan-map',
  operation: 'desa-binaan-map.graphql',
  attributes: { province: provinceCode },
  variables: ({ own, includeSynthetic }) => ({ province: own.get('province') || null, includeSynthetic }),
  regionCodes: ({ own }) => (own.get('province') ? [own.get('province') as string] : []),
  picture(answer, { own, language, heading, includeSynthetic }, { regionNames, width, geography }) {
    const { partnerVillageMap: map, reportedVillages, reportedPimpasa } = answer as Answer;
    const province = own.get('province');
    const priorityCodes = new Set(map.priorities.map((p) => p.region.code));
    const provinces = geography.provinces
      .filter((shape) => !province || shape.properties.code === province)
      .map((shape) => ({ ...shape, group: priorityCodes.has(shape.properties.code) ? 'highlight' : 'normal' }));
    const regencies = province ? geography.regenciesOf(province) : [];
    // Zoomed to a priority province its regencies carry the priority colour, as the element draws them.
    const shapes = regencies.length ? regencies.map((shape) => ({ ...shape, group: 'normal' })) : provinces;
    const priority = regencies.length ? (provinces.some((p) => p.group === 'highlight') ? shapes : []) : provinces.filter((p) => p.group === 'highlight');
    const { columns } = map;
    const points = Array.from({ length: columns.count }, (_, i) => ({
      longitude: columns.places.longitudes[columns.place[i] ?? 0],
      latitude: columns.places.latitudes[columns.place[i] ?? 0],
    }));
    return {
      title: heading || t('mapTitle', language),
      subtitle: null,
      filters: [
        province ? `${t('province', language)}: ${regionNames.get(province) ?? province}` : t('allRegions', language),
        `${formatNumber(columns.count, language)} ${t('partnerVillages', language).toLowerCase()}`,
        ...(includeSynthetic ? [t('withSynthetic', language)] : []),
      ].join(' · '),
      tiles: [...tile(reportedVillages.total, t('partnerVillages', language), language), ...tile(reportedPimpasa.total, t('pimpasa', language), language)],
      chart: { spec: 'village-map', datasets: { provinces: shapes, priority, points }, height: Math.round(width * (province ? 0.7 : 0.42)) },
      note: columns.count ? null : t('noPoints', language),
      sources: uniqueSources([map.priorities.map((p) => p.source), map.sources, reportedVillages.total?.sources ?? [], reportedPimpasa.total?.sources ?? []]),
      synthetic: map.synthetic,
    };
  },
};
