import { html, type PropertyValues } from 'lit';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { PantauWidget, type ChartRequest, type SourceRef, type WidgetData } from '../core/base-widget.ts';
import operation from '@pantau/schema/operations/desa-binaan-map.graphql?persisted';
import { nameIn, uniqueSources, type Bilingual } from '../core/bilingual.ts';
import { formatDate, formatNumber, t, type LabelKey, type Language } from '../core/i18n.ts';
import indonesia from '../map/indonesia.topo.json';
import mapSpec from '../specs/village-map.vl.json?vega';

type Precision = 'VILLAGE' | 'REGENCY' | 'PROVINCE';

interface Point {
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

/** The `PartnerVillageColumns` scalar: one array per field, repeated values in dictionaries. */
interface Columns {
  count: number;
  villageCodes: string[];
  villageNames: string[];
  regency: number[];
  regencies: { codes: string[]; names: string[]; province: number[] };
  provinces: { codes: string[]; names: string[] };
  office: number[];
  offices: { codes: string[]; namesId: string[]; namesEn: string[] };
  designatedOn: (number | null)[];
  dates: string[];
  place: number[];
  places: { latitudes: number[]; longitudes: number[]; precision: Precision[] };
  synthetic: (0 | 1)[];
  source: number[];
}

interface ReportedFigure {
  total: { value: string; isLowerBound: boolean; sources: SourceRef[] } | null;
}

interface Answer {
  partnerVillageMap: {
    synthetic: boolean;
    columns: Columns;
    sources: SourceRef[];
    priorities: { region: { code: string; name: string }; source: SourceRef }[];
  };
  reportedVillages: ReportedFigure;
  reportedPimpasa: ReportedFigure;
}

/** The columns as one object per point, for the table and the chart. */
function pointsOf(columns: Columns, sources: SourceRef[]): Point[] {
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

interface ProvinceProperties {
  code: string;
  name: string;
}

const topology = indonesia as unknown as Topology<{ provinces: GeometryCollection<ProvinceProperties> }>;
/** Province shapes, decoded once per page and shared by every map on it. */
const provinceShapes = feature(topology, topology.objects.provinces).features;

/** Regency shapes carry the same properties as provinces: a Kemendagri code and a name. */
type RegencyProperties = ProvinceProperties;
type RegencyShape = (typeof provinceShapes)[number];

/** One province's regencies, fetched the first time a map zooms to it and shared by every map on the page. */
const regencyFiles = new Map<string, Promise<RegencyShape[]>>();
function regencyShapesOf(province: string): Promise<RegencyShape[]> {
  if (!/^\d{2}$/.test(province)) return Promise.resolve([]);
  let shapes = regencyFiles.get(province);
  if (!shapes) {
    shapes = import(`../map/regencies/${province}.topo.json`).then(
      (module: { default: unknown }) => {
        const regencies = module.default as Topology<{ regencies: GeometryCollection<RegencyProperties> }>;
        return feature(regencies, regencies.objects.regencies).features;
      },
      // No file for that code (or the network failed): the province's own outline is drawn.
      () => [],
    );
    regencyFiles.set(province, shapes);
  }
  return shapes;
}

const precisionLabels: Record<Precision, LabelKey> = { VILLAGE: 'precisionVillage', REGENCY: 'precisionRegency', PROVINCE: 'precisionProvince' };

/**
 * `<pantau-desa-binaan-map>`: Indonesia's 38 provinces (wilayah_boundaries by Cahya DSN, MIT License;
 * bundled: no tiles and no third-party requests) with the Desa Binaan Imigrasi as points, TPPO-prevention
 * priority provinces highlighted, and the national figures the ministry reported. The map is drawn
 * even when no village is on record. `province="53"` zooms to one province.
 */
export class PantauDesaBinaanMap extends PantauWidget<Answer, Point> {
  static override properties = { ...PantauWidget.properties, province: { type: String } };
  protected static override queryProperties = ['province'];

  declare province: string | null;

  /** The zoomed province's regencies, once loaded. */
  #regencies: { province: string; shapes: RegencyShape[] } | null = null;

  constructor() {
    super();
    this.province = null;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!changed.has('province') || !this.province) return;
    const province = this.province;
    void regencyShapesOf(province).then((shapes) => {
      if (this.province !== province) return;
      this.#regencies = { province, shapes };
      this.requestUpdate();
    });
  }

  protected override chartInputs() {
    return [this.#regencies?.province === this.province ? this.province : null];
  }

  protected readonly operation = operation;

  protected variables() {
    return { province: this.province || null, includeSynthetic: this.includeSynthetic };
  }

  protected defaultTitle(language: Language) {
    return t('mapTitle', language);
  }

  protected override emptyMessage(language: Language) {
    return t('noPoints', language);
  }

  protected override drawsWithoutRows() {
    return true;
  }

  protected present(answer: Answer, language: Language): WidgetData<Point> {
    const { columns, sources, priorities, synthetic } = answer.partnerVillageMap;
    const points = pointsOf(columns, sources);
    return {
      rows: points,
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

  protected override lead(_data: WidgetData<Point>, language: Language) {
    const priorities = this.answer?.partnerVillageMap.priorities ?? [];
    const tiles = [
      { figure: this.answer?.reportedVillages.total, label: t('partnerVillages', language) },
      { figure: this.answer?.reportedPimpasa.total, label: t('pimpasa', language) },
    ];
    return html`<div class="kpis" role="list">
        ${tiles.map((tile) =>
          tile.figure
            ? html`<div class="kpi" role="listitem">
                <div class="kpi-value">${tile.figure.isLowerBound ? html`<span class="kpi-qualifier">${t('lowerBound', language)} </span>` : ''}${formatNumber(tile.figure.value, language)}</div>
                <div class="kpi-label">${tile.label} · ${t('national', language).toLowerCase()}, ${t('reported', language)}</div>
              </div>`
            : '',
        )}
      </div>
      <div class="legend">
      <span><span class="swatch point"></span>${t('partnerVillages', language)}</span>
      ${priorities.length ? html`<span><span class="swatch"></span>${t('priorityLegend', language)}: ${priorities.map((p) => p.region.name).join(', ')}</span>` : ''}
    </div>`;
  }

  protected chart(data: WidgetData<Point>, language: Language, width: number): ChartRequest | null {
    const priorityCodes = new Set(this.answer?.partnerVillageMap.priorities.map((p) => p.region.code));
    const provinces = provinceShapes
      .filter((shape) => !this.province || shape.properties.code === this.province)
      .map((shape) => ({ ...shape, group: priorityCodes.has(shape.properties.code) ? 'highlight' : 'normal', tip: { [t('province', language)]: shape.properties.name } }));
    // Zoomed to a province: its regencies as the shapes, the province (if a priority) outlined over them.
    const regencies = this.province && this.#regencies?.province === this.province && this.#regencies.shapes.length ? this.#regencies.shapes : null;
    const provinceName = provinces[0]?.properties.name ?? '';
    const shapes = regencies
      ? regencies.map((shape) => ({ ...shape, group: 'normal', tip: { [t('regency', language)]: shape.properties.name, [t('province', language)]: provinceName } }))
      : provinces;
    const points = data.rows.map((p) => ({
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
      datasets: { provinces: shapes, priority: regencies ? (provinces.some((p) => p.group === 'highlight') ? shapes : []) : provinces.filter((p) => p.group === 'highlight'), points },
      height: Math.round(width * (this.province ? 0.7 : 0.42)),
      description: `${t('mapTitle', language)}: ${data.rows.length} ${t('partnerVillages', language).toLowerCase()}.`,
    };
  }
}
