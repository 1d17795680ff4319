import { html } from 'lit';
import { PantauTppoCoverageDocument, persistedDocument } from '@pantau/schema';
import { PantauChartWidget } from '../core/chart-widget.ts';
import { formatNumber, t, type Language } from '../core/i18n.ts';
import type { SpecOptions, WidgetData } from '../core/widget-data.ts';
import { presentCoverage, type CoverageRow, type TppoCoverageAnswer } from './tppo-coverage.data.ts';
import { tppoCoverageSpec } from './tppo-coverage.spec.ts';
import { tppoCoverageStyles } from './tppo-coverage.styles.ts';
import { coverageWords } from './tppo-coverage.words.ts';

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
 * Desa Binaan and Pimpasa coverage per province (or per regency of one province), sorted by
 * coverage, TPPO-prevention priority provinces marked, beside the national figures the ministry
 * reported. Every region has its row, zeros included: a province with no partner village on record
 * is a finding, not a gap.
 *
 * @tagname pantau-tppo-coverage
 * @summary Desa Binaan and Pimpasa coverage per province, or per regency of one province, sorted, TPPO-prevention priorities marked, with the ratios’ definitions one click away and the national figures the ministry reported.
 * @example <pantau-tppo-coverage include-synthetic></pantau-tppo-coverage>
 */
export class PantauTppoCoverage extends PantauChartWidget<TppoCoverageAnswer, CoverageRow> {
  static override styles = tppoCoverageStyles;
  static override properties = { ...PantauChartWidget.properties, province: { type: String } };

  /** Two-digit code, e.g. `53`: show that province’s regencies instead of all provinces. */
  declare province: string | null;

  constructor() {
    super();
    this.province = null;
  }

  protected readonly operation = persistedDocument(PantauTppoCoverageDocument);

  protected variables() {
    return { level: this.province ? 'REGENCY' : 'PROVINCE', province: this.province || null, includeSynthetic: this.includeSynthetic };
  }

  protected defaultTitle(language: Language) {
    return t('coverageTitle', language);
  }

  protected present(answer: TppoCoverageAnswer, language: Language) {
    return presentCoverage(answer, { language, byRegency: Boolean(this.province) });
  }

  protected override lead(_data: WidgetData<CoverageRow>, answer: TppoCoverageAnswer, language: Language) {
    const { national } = answer.tppoCoverage;
    const tiles = [
      { figure: national.reportedPartnerVillages, label: t('partnerVillages', language) },
      { figure: national.reportedPimpasaOfficers, label: t('pimpasa', language) },
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

  protected override trailer(language: Language) {
    return html`<details>
      <summary>${t('definition', language)}</summary>
      <p>${definitions.coverage[language]}</p>
      <p>${definitions.pimpasa[language]}</p>
    </details>`;
  }

  protected override describe(data: WidgetData<CoverageRow>, answer: TppoCoverageAnswer, language: Language) {
    return coverageWords(data, answer, { language, province: this.province || null, includeSynthetic: this.includeSynthetic });
  }

  protected chart(data: WidgetData<CoverageRow>, _answer: TppoCoverageAnswer, options: SpecOptions) {
    return tppoCoverageSpec(data.rows, { ...options, byRegency: Boolean(this.province) });
  }
}
