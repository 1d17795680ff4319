import { html, type PropertyValues } from 'lit';
import type { View } from 'vega';
import { PantauDesaBinaanMapDocument, persistedDocument } from '@pantau/schema';
import { colorByOf, regionShading, type ColorBy, type Shading } from '@pantau/schema/choropleth';
import { PantauChartWidget } from '../core/chart-widget.ts';
import { t, type Language } from '../core/i18n.ts';
import type { SpecOptions, WidgetData } from '../core/widget-data.ts';
import { presentPoints, type DesaBinaanMapAnswer, type Point } from './desa-binaan-map.data.ts';
import { desaBinaanMapSpec } from './desa-binaan-map.spec.ts';
import { desaBinaanMapStyles } from './desa-binaan-map.styles.ts';
import { reportedTiles } from './reported-tiles.ts';
import { mapLegend } from './map-legend.ts';
import { MapKeyboard } from './map-keyboard.ts';
import { mapT } from './map-labels.ts';
import { mapTargets, type MapTarget } from './map-targets.ts';
import { provinceShapes, regencyShapesOf, type RegencyShapes } from './map-shapes.ts';
import './map-events.ts';
import { mapWords } from './desa-binaan-map.words.ts';

/**
 * Indonesia's 38 provinces (wilayah_boundaries by Cahya DSN, MIT License; bundled: no tiles and no
 * third-party requests; a province's regencies are loaded when the map zooms to it, all 514 with
 * `level="regency"`) with the Desa
 * Binaan Imigrasi as points, TPPO-prevention priority provinces marked, and the national figures the
 * ministry reported. With `color-by` the provinces, or the zoomed province's regencies, are shaded by
 * a coverage figure from the API, with a legend. Villages that share a place (their regency's or
 * provincial capital's point) are one mark with their count. Clicking a province (or Enter on it:
 * Tab reaches the regions and the places, the arrow keys move between them) zooms to it. The map is
 * drawn even when no village is on record.
 *
 * @tagname pantau-desa-binaan-map
 * @summary Map of the 38 provinces of Indonesia (wilayah_boundaries by Cahya DSN, MIT License; bundled: no tiles, no third-party requests), optionally shaded by a coverage figure, with the Desa Binaan Imigrasi as points (one mark with a count where villages share a place) and TPPO-prevention priority provinces marked.
 * @fires pantau-zoom - The reader zoomed the map to a province (click, or Enter on it) or back to the national map (the back button, or Escape); `detail.province` is the code, or null. Setting `province` yourself fires nothing.
 * @example <pantau-desa-binaan-map include-synthetic province="53"></pantau-desa-binaan-map>
 */
export class PantauDesaBinaanMap extends PantauChartWidget<DesaBinaanMapAnswer, Point> {
  static override styles = desaBinaanMapStyles;
  static override properties = {
    ...PantauChartWidget.properties,
    province: { type: String },
    level: { type: String },
    colorBy: { type: String, attribute: 'color-by' },
    targets: { state: true },
  };

  /** Two-digit code, e.g. `53`: zoom to one province, drawn with its regencies (loaded on demand). */
  declare province: string | null;
  /** `province` (default) draws the 38 provinces nationally; `regency` draws the 514 regencies (loaded on demand). */
  declare level: 'province' | 'regency';
  /** Shade the regions by `partner-villages`, `coverage-ratio` (partner villages ÷ villages), `pimpasa-officers` or `tppo-activities`; unset: no shading. */
  declare colorBy: ColorBy | null;
  /** @internal The drawn regions and places, for the keyboard. */
  declare protected targets: MapTarget[];

  /** The regencies of the zoomed province (or, `national`, all of them), once loaded. */
  #regencies: (RegencyShapes & { province: string }) | null = null;
  #view: View | null = null;
  // The keyboard moves the focus once the map is drawn again: the back button and the targets exist by then.
  readonly #keyboard = new MapKeyboard({
    view: () => this.#view,
    zoom: (province) => this.#zoomAndDraw(province),
    back: () => (this.province ? this.#zoomAndDraw(null) : Promise.resolve()),
  });

  constructor() {
    super();
    this.province = null;
    this.level = 'province';
    this.colorBy = null;
    this.targets = [];
  }

  async #zoomAndDraw(province: string | null): Promise<void> {
    const drawn = new Promise((resolve) => this.addEventListener('pantau-render', resolve, { once: true }));
    await this.#zoom(province);
    await drawn;
    await this.updateComplete;
  }

  async #zoom(province: string | null): Promise<void> {
    this.province = province;
    this.dispatchEvent(new CustomEvent('pantau-zoom', { detail: { province }, bubbles: true, composed: true }));
    await this.updateComplete;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const wanted = this.#regencyFile;
    if (!(changed.has('province') || changed.has('level')) || !wanted) return;
    void regencyShapesOf(wanted).then((shapes) => {
      if (this.#regencyFile !== wanted) return;
      this.#regencies = { province: wanted, ...shapes };
      this.requestUpdate();
    });
  }

  /** Which regencies the map draws: the zoomed province's, all of them (`level="regency"`), or none. */
  get #regencyFile(): string | null {
    return this.province || (this.level === 'regency' ? 'national' : null);
  }

  protected override chartInputs() {
    return [this.#shownRegencies ? this.#regencyFile : null, this.colorBy];
  }

  protected readonly operation = persistedDocument(PantauDesaBinaanMapDocument);

  protected variables() {
    const withCoverage = colorByOf(this.colorBy) !== null;
    return {
      province: this.province || null,
      includeSynthetic: this.includeSynthetic,
      ...(withCoverage ? { level: this.#regencyFile ? 'REGENCY' : 'PROVINCE', withCoverage } : {}),
    };
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

  /** The regencies on screen, once loaded. */
  get #shownRegencies(): RegencyShapes | null {
    const file = this.#regencyFile;
    return file && this.#regencies?.province === file && this.#regencies.shapes.length ? this.#regencies : null;
  }

  #shading(answer: DesaBinaanMapAnswer, language: Language): Shading | null {
    const shapes = this.#shownRegencies?.shapes ?? provinceShapes.filter((shape) => !this.province || shape.properties.code === this.province);
    return regionShading(
      answer.coverage?.regions,
      colorByOf(this.colorBy),
      shapes.map((shape) => shape.properties.code),
      language,
    );
  }

  protected override lead(data: WidgetData<Point>, answer: DesaBinaanMapAnswer, language: Language) {
    const places = new Set(data.rows.map((p) => `${p.latitude}|${p.longitude}`));
    return html`${reportedTiles(answer, language)}
      ${mapLegend({
        language,
        shading: this.#shading(answer, language),
        regencies: Boolean(this.#shownRegencies),
        priorityNames: answer.partnerVillageMap.priorities.map((p) => p.region.name),
        sharedPlaces: places.size < data.rows.length,
      })}
      ${
        this.province
          ? html`<div class="map-actions"><button type="button" class="back" @click=${() => void this.#zoom(null)}>${mapT('backToNational', language)}</button></div>`
          : ''
      }`;
  }

  protected override trailer(language: Language) {
    return html`<p class="map-credit">${mapT('mapCredit', language)}</p>
      ${this.#keyboard.render(this.targets, language, Boolean(this.province))}`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#keyboard.place(this.renderRoot, this.targets);
  }

  protected override drawn(view: View): void {
    this.#view = view;
    view.addEventListener('click', (_event, item) => {
      const zoomTo = (item as { datum?: { zoomTo?: string | null } } | null | undefined)?.datum?.zoomTo;
      if (zoomTo) void this.#zoom(zoomTo);
    });
    const frame = this.renderRoot.querySelector('figure');
    this.#keyboard.reset();
    this.targets = frame ? mapTargets(view, frame) : [];
  }

  protected override describe(data: WidgetData<Point>, answer: DesaBinaanMapAnswer, language: Language) {
    return mapWords(data, answer, { language, province: this.province || null, includeSynthetic: this.includeSynthetic, colorBy: colorByOf(this.colorBy) });
  }

  protected chart(data: WidgetData<Point>, answer: DesaBinaanMapAnswer, options: SpecOptions) {
    const zoomed = Boolean(this.province);
    return desaBinaanMapSpec(data.rows, {
      ...options,
      provinces: provinceShapes.filter((shape) => !zoomed || shape.properties.code === this.province),
      regencies: this.#shownRegencies,
      priorityCodes: new Set(answer.partnerVillageMap.priorities.map((p) => p.region.code)),
      zoomed,
      shading: this.#shading(answer, options.language),
    });
  }
}
