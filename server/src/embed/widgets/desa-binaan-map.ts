import { choroplethT, colorByOf, colorByValues, figureName, legendTitle, regionShading, villageMapLayers, type CoverageFigures } from '@pantau/schema/choropleth';
import { joinFilters, uniqueSources, type SourceRef, type WidgetModel } from '../picture.ts';
import { oneOf, provinceCode } from '../widget-attributes.ts';
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
  /** Asked for only with `color-by`. */
  coverage?: { regions: (CoverageFigures & { region: { code: string } })[] };
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

/** Which regencies the map draws, as the element chooses: the zoomed province's, all of them (`level="regency"`), or none. */
const regencyFileOf = (own: ReadonlyMap<string, string>) => own.get('province') || (own.get('level') === 'regency' ? 'national' : null);

/** As `<pantau-desa-binaan-map>` (widgets/src/desa-binaan-map/desa-binaan-map.ts): provinces, shaded by `color-by`, priorities, points. */
export const desaBinaanMap: WidgetModel = {
  name: 'desa-binaan-map',
  tag: 'pantau-desa-binaan-map',
  operation: 'desa-binaan-map.graphql',
  attributes: { province: provinceCode, level: oneOf('province', 'regency'), 'color-by': oneOf(...colorByValues) },
  variables: ({ own, includeSynthetic }) => ({
    province: own.get('province') || null,
    includeSynthetic,
    ...(colorByOf(own.get('color-by')) ? { level: regencyFileOf(own) ? 'REGENCY' : 'PROVINCE', withCoverage: true } : {}),
  }),
  regionCodes: ({ own }) => (own.get('province') ? [own.get('province') as string] : []),
  picture(answer, { own, language, heading, includeSynthetic }, { regionNames, width, geography }) {
    const { partnerVillageMap: map, reportedVillages, reportedPimpasa, coverage } = answer as Answer;
    const province = own.get('province');
    const colorBy = colorByOf(own.get('color-by'));
    const provinces = geography.provinces.filter((shape) => !province || shape.properties.code === province);
    const regencyFile = regencyFileOf(own);
    const regencies =
      regencyFile === 'national' ? geography.provinces.flatMap((shape) => geography.regenciesOf(shape.properties.code)) : regencyFile ? geography.regenciesOf(regencyFile) : [];
    const drawn = regencies.length ? regencies : provinces;
    const shading = regionShading(
      coverage?.regions,
      colorBy,
      drawn.map((shape) => shape.properties.code),
      language,
    );
    // A picture has no merged regency border: the zoomed province's own shape outlines it.
    const zoomedShape = province ? provinces[0] : undefined;
    const { regions, priority } = villageMapLayers({
      regions: drawn,
      asRegencies: regencies.length > 0,
      allProvinces: geography.provinces,
      priorityCodes: new Set(map.priorities.map((p) => p.region.code)),
      zoomedTo: zoomedShape ? { code: zoomedShape.properties.code, outline: zoomedShape } : null,
      shading,
    });
    const { columns } = map;
    const points = Array.from({ length: columns.count }, (_, i) => ({
      longitude: columns.places.longitudes[columns.place[i] ?? 0],
      latitude: columns.places.latitudes[columns.place[i] ?? 0],
    }));
    return {
      title: heading || t('mapTitle', language),
      subtitle: null,
      filters: joinFilters([
        province ? `${t('province', language)}: ${regionNames.get(province) ?? province}` : t('allRegions', language),
        colorBy && `${choroplethT('shadedBy', language)}: ${figureName(colorBy, language)}`,
        `${formatNumber(columns.count, language)} ${t('partnerVillages', language).toLowerCase()}`,
        includeSynthetic && t('withSynthetic', language),
      ]),
      tiles: [...tile(reportedVillages.total, t('partnerVillages', language), language), ...tile(reportedPimpasa.total, t('pimpasa', language), language)],
      legend: shading && {
        title: legendTitle(shading.colorBy, regencies.length > 0, language),
        classes: shading.classes.map(({ label, percent }) => ({ label, percent })),
      },
      chart: { spec: 'village-map', datasets: { provinces: regions, priority, points }, height: Math.round(width * (province ? 0.7 : 0.42)) },
      note: columns.count ? null : t('noPoints', language),
      sources: uniqueSources([map.priorities.map((p) => p.source), map.sources, reportedVillages.total?.sources ?? [], reportedPimpasa.total?.sources ?? []]),
      synthetic: map.synthetic,
    };
  },
};
