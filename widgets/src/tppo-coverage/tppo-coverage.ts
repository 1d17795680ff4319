import { html } from 'lit';
import { PantauWidget, type ChartRequest, type SourceRef, type WidgetData } from '../core/base-widget.ts';
import operation from '@pantau/schema/operations/tppo-coverage.graphql?persisted';
import { uniqueSources } from '../core/bilingual.ts';
import { formatNumber, formatPercent, t, type Language } from '../core/i18n.ts';
import { BAR_ROW_PX } from '../core/vega-view.ts';
import barsSpec from '../specs/bars.vl.json?vega';

interface Figure {
  value: string;
  sources: SourceRef[];
}

interface CoverageRow {
  region: { code: string; name: string };
  villages: number;
  partnerVillages: number;
  partnerVillagesWithPimpasa: number;
  coverageRatio: string | null;
  pimpasaCoverageRatio: string | null;
  pimpasaOfficers: Figure;
  tppoActivities: Figure;
  isPriority: boolean;
  synthetic: boolean;
  sources: SourceRef[];
}

interface Answer {
  tppoCoverage: {
    regions: CoverageRow[];
    national: {
      villages: number;
      partnerVillages: number;
      coverageRatio: string | null;
      synthetic: boolean;
      reportedPartnerVillages: Figure | null;
      reportedPimpasaOfficers: Figure | null;
    };
  };
}

/** The ratios' definitions as the API documents them, in both languages. */
const definitions = {
  coverage: {
    id: 'Cakupan desa = jumlah Desa Binaan Imigrasi ÷ jumlah desa dan kelurahan di wilayah itu (data idn-area-data).',
    en: 'Village coverage = immigration partner villages ÷ villages (desa and kelurahan) in the region (idn-area-data).',
  },
  pimpasa: {
    id: 'Cakupan Pimpasa = Desa Binaan yang memiliki sedikitnya satu petugas Pimpasa ÷ jumlah Desa Binaan.',
    en: 'Pimpasa coverage = partner villages with at least one Pimpasa officer ÷ partner villages.',
  },
} as const;

/**
 * `<pantau-tppo-coverage>`: Desa Binaan and Pimpasa coverage per province (or per regency with
 * `province="53"`), sorted by coverage, TPPO-prevention priority provinces marked, beside the national
 * figures the ministry reported. Every region has its row, zeros included: a province with no
 * partner village on record is a finding, not a gap.
 */
export class PantauTppoCoverage extends PantauWidget<Answer, CoverageRow> {
  static override properties = { ...PantauWidget.properties, province: { type: String } };
  protected static override queryProperties = ['province'];

  declare province: string | null;

  constructor() {
    super();
    this.province = null;
  }

  protected readonly operation = operation;

  protected variables() {
    return { level: this.province ? 'REGENCY' : 'PROVINCE', province: this.province || null, includeSynthetic: this.includeSynthetic };
  }

  protected defaultTitle(language: Language) {
    return t('coverageTitle', language);
  }

  protected present(answer: Answer, language: Language): WidgetData<CoverageRow> {
    const { regions, national } = answer.tppoCoverage;
    const shown = [...regions].sort((a, b) => Number(b.coverageRatio ?? 0) - Number(a.coverageRatio ?? 0) || a.region.code.localeCompare(b.region.code));
    const reported = [national.reportedPartnerVillages, national.reportedPimpasaOfficers].flatMap((figure) => (figure ? [figure.sources] : []));
    const count = (value: number | string) => formatNumber(value, language);
    return {
      rows: shown,
      synthetic: national.synthetic || shown.some((row) => row.synthetic),
      // Only sources of figures shown: a region's sources already include its village-count dataset.
      sources: uniqueSources([...reported, ...shown.map((row) => row.sources)]),
      subtitle: `${t('national', language)}: ${count(national.partnerVillages)} ${t('partnerVillages', language).toLowerCase()} / ${count(national.villages)} (${formatPercent(national.coverageRatio, language)})`,
      caption: t('coverageTitle', language),
      columns: [
        { header: t(this.province ? 'regency' : 'province', language), raw: (row) => row.region.name, display: (row) => row.region.name },
        { header: t('partnerVillages', language), raw: (row) => row.partnerVillages, display: (row) => count(row.partnerVillages), numeric: true },
        { header: t('villages', language), raw: (row) => row.villages, display: (row) => count(row.villages), numeric: true },
        { header: t('coverage', language), raw: (row) => row.coverageRatio, display: (row) => formatPercent(row.coverageRatio, language), numeric: true },
        { header: t('pimpasa', language), raw: (row) => row.pimpasaOfficers.value, display: (row) => count(row.pimpasaOfficers.value), numeric: true },
        { header: t('pimpasaCoverage', language), raw: (row) => row.pimpasaCoverageRatio, display: (row) => formatPercent(row.pimpasaCoverageRatio, language), numeric: true },
        { header: t('tppoActivities', language), raw: (row) => row.tppoActivities.value, display: (row) => count(row.tppoActivities.value), numeric: true },
        { header: t('priority', language), raw: (row) => row.isPriority, display: (row) => t(row.isPriority ? 'yes' : 'no', language) },
      ],
    };
  }

  protected override lead(_data: WidgetData<CoverageRow>, language: Language) {
    const national = this.answer?.tppoCoverage.national;
    const tiles = [
      { figure: national?.reportedPartnerVillages, label: t('partnerVillages', language) },
      { figure: national?.reportedPimpasaOfficers, label: t('pimpasa', language) },
    ].filter((tile) => tile.figure);
    return html`<div class="kpis" role="list">
        ${tiles.map(
          (tile) => html`<div class="kpi" role="listitem">
            <div class="kpi-value">${formatNumber(tile.figure?.value ?? '0', language)}</div>
            <div class="kpi-label">${tile.label} · ${t('national', language).toLowerCase()}, ${t('reported', language)}</div>
          </div>`,
        )}
      </div>
      <div class="legend"><span><span class="swatch"></span>${t('priorityLegend', language)}</span></div>`;
  }

  protected override trailer(_data: WidgetData<CoverageRow>, language: Language) {
    return html`<details>
      <summary>${t('definition', language)}</summary>
      <p>${definitions.coverage[language]}</p>
      <p>${definitions.pimpasa[language]}</p>
    </details>`;
  }

  protected chart(data: WidgetData<CoverageRow>, language: Language): ChartRequest | null {
    const rows = data.rows.map((row) => ({
      label: row.region.name,
      value: Number(row.coverageRatio ?? 0) * 100,
      group: row.isPriority ? 'highlight' : 'normal',
      tip: {
        [t(this.province ? 'regency' : 'province', language)]: row.region.name,
        [t('coverage', language)]: `${formatPercent(row.coverageRatio, language)} (${formatNumber(row.partnerVillages, language)} / ${formatNumber(row.villages, language)})`,
        [t('pimpasa', language)]: formatNumber(row.pimpasaOfficers.value, language),
        [t('tppoActivities', language)]: formatNumber(row.tppoActivities.value, language),
        [t('priority', language)]: t(row.isPriority ? 'yes' : 'no', language),
      },
    }));
    return { spec: barsSpec, datasets: { rows }, height: rows.length * BAR_ROW_PX, description: `${t('coverage', language)} (%), ${t(this.province ? 'regency' : 'province', language).toLowerCase()}.` };
  }
}
