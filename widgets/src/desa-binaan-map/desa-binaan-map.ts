import { html, type PropertyValues } from 'lit';
import { PantauDesaBinaanMapDocument, persistedDocument } from '@pantau/schema';
import { PantauChartWidget } from '../core/chart-widget.ts';
import { formatNumber, t, type Language } from '../core/i18n.ts';
import type { SpecOptions, WidgetData } from '../core/widget-data.ts';
import { presentPoints, type DesaBinaanMapAnswer, type Point } from './desa-binaan-map.data.ts';
import { desaBinaanMapSpec } from './desa-binaan-map.spec.ts';
import { desaBinaanMapStyles } from './desa-binaan-map.styles.ts';
import { mapWords } from './desa-binaan-map.words.ts';
import { provinceShapes, regencyShapesOf, type Shape } from './map-shapes.ts';

/**
 * Indonesia's 38 provinces (wilayah_boundaries by Cahya DSN, MIT License; bundled: no tiles and no
 * third-party requests) with the Desa Binaan Imigrasi as points, TPPO-prevention priority provinces
 * highlighted, and the national figures the ministry reported. The map is drawn even when no village
 * is on record.
 *
 * @tagname pantau-desa-binaan-map
 * @summary Map of the 38 provinces of Indonesia (wilayah_boundaries by Cahya DSN, MIT License; bundled: no tiles, no third-party requests) with the Desa Binaan Imigrasi as points and TPPO-prevention priority provinces highlighted.
 * @example <pantau-desa-binaan-map include-synthetic province="53"></pantau-desa-binaan-map>
 */
export class PantauDesaBinaanMap extends PantauChartWidget<DesaBinaanMapAnswer, Point> {
  static override styles = desaBinaanMapStyles;
  static override properties = { ...PantauChartWidget.properties, province: { type: String } };

  /** Two-digit code, e.g. `53`: zoom to one province, drawn with its regencies (loaded on demand). */
  declare province: string | null;

  /** The zoomed province's regencies, once loaded. */
  #regencies: { province: string; shapes: Shape[] } | null = null;

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

  protected readonly operation = persistedDocument(PantauDesaBinaanMapDocument);

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

  protected present(answer: DesaBinaanMapAnswer, language: Language) {
    return presentPoints(answer, language);
  }

  protected override lead(_data: WidgetData<Point>, answer: DesaBinaanMapAnswer, language: Language) {
    const priorities = answer.partnerVillageMap.priorities;
    const tiles = [
      { figure: answer.reportedVillages.total, label: t('partnerVillages', language) },
      { figure: answer.reportedPimpasa.total, label: t('pimpasa', language) },
    ];
    return html`<div class="kpis" role="list">
        ${tiles.map((tile) =>
          tile.figure?.value
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

  protected override describe(data: WidgetData<Point>, answer: DesaBinaanMapAnswer, language: Language) {
    return mapWords(data, answer, { language, province: this.province || null, includeSynthetic: this.includeSynthetic });
  }

  protected chart(data: WidgetData<Point>, answer: DesaBinaanMapAnswer, options: SpecOptions) {
    const zoomed = Boolean(this.province);
    const regencies = zoomed && this.#regencies?.province === this.province ? this.#regencies.shapes : null;
    return desaBinaanMapSpec(data.rows, {
      ...options,
      provinces: provinceShapes.filter((shape) => !zoomed || shape.properties.code === this.province),
      regencies,
      priorityCodes: new Set(answer.partnerVillageMap.priorities.map((p) => p.region.code)),
      zoomed,
    });
  }
}
