import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import type { Spec, View } from 'vega';
import { toCsv, type Column } from './csv.ts';
import { endpointFor, requestGraphQL, type PersistedOperation } from './graphql.ts';
import { HostThemeController, resolveTheme, type ThemeSetting } from './host-theme.ts';
import { formatDate, languageOf, t, type Language } from './i18n.ts';
import { safeHttpUrl } from './safe-url.ts';
import { widgetStyles } from './styles.ts';
import { createTooltip } from './tooltip.ts';
import { renderChart, type ChartColors } from './vega-view.ts';

/** A source as the API returns it under `sources { ... }`. */
export interface SourceRef {
  key: string;
  publisher: string;
  title: string;
  publishedOn: string | null;
  url: string | null;
  kind: string;
}

/** What a widget shows, derived from its API answer in the current language. */
export interface WidgetData<Row> {
  rows: Row[];
  columns: Column<Row>[];
  sources: SourceRef[];
  synthetic: boolean;
  /** A subtitle line under the title (e.g. the campaign's dates). */
  subtitle?: string;
  /** Caption of the data table. */
  caption: string;
}

export interface ChartRequest {
  spec: Spec;
  datasets: Record<string, readonly object[]>;
  height?: number;
  /** Short text for screen readers: what the chart shows. */
  description: string;
}

type LoadState = 'loading' | 'error' | 'ready';

/**
 * Everything the four widgets share: fetching GraphQL from `endpoint` (default: the origin the script
 * came from), loading/empty/error states with retry, the language, theme and width, the chart/table
 * toggle, downloads, the source line and the synthetic-data badge. A widget supplies its query, how
 * to turn the answer into rows, and its chart.
 *
 * @fires pantau-load - when data has arrived; `detail.rows` holds the table rows.
 * @fires pantau-error - when loading failed; `detail.message` says why.
 */
export abstract class PantauWidget<Answer, Row> extends LitElement {
  static override styles = widgetStyles;

  static override properties = {
    endpoint: { type: String },
    theme: { type: String, reflect: true },
    includeSynthetic: { type: Boolean, attribute: 'include-synthetic' },
    heading: { type: String },
    loadState: { state: true },
    answer: { state: true },
    errorMessage: { state: true },
    showTable: { state: true },
    width: { state: true },
    language: { state: true },
  };

  /** GraphQL endpoint; default `<origin of the script>/graphql`. */
  declare endpoint: string | null;
  /** `auto` (default: follows the host page, then the reader's system setting), `light` or `dark`. */
  declare theme: ThemeSetting;
  /** Also show synthetic (generated demo) data, flagged with a badge. */
  declare includeSynthetic: boolean;
  /** Replaces the default title. */
  declare heading: string | null;
  protected declare loadState: LoadState;
  protected declare answer: Answer | null;
  protected declare errorMessage: string;
  protected declare showTable: boolean;
  protected declare width: number;
  protected declare language: Language;

  /** Properties whose change means asking the API again. */
  protected static queryProperties: readonly string[] = [];

  #chartRef = createRef<HTMLDivElement>();
  #layerRef = createRef<HTMLDivElement>();
  #view: View | null = null;
  #tooltip: ReturnType<typeof createTooltip> | null = null;
  #abort: AbortController | null = null;
  #resize = new ResizeObserver(([entry]) => {
    const width = Math.floor(entry?.contentRect.width ?? 0);
    if (width > 0 && Math.abs(width - this.width) >= 4) this.width = width;
  });
  #langObserver = new MutationObserver(() => (this.language = languageOf(this)));
  #drawn = '';
  #drawing = 0;

  constructor() {
    super();
    new HostThemeController(this);
    this.endpoint = null;
    this.theme = 'auto';
    this.includeSynthetic = false;
    this.heading = null;
    this.loadState = 'loading';
    this.answer = null;
    this.errorMessage = '';
    this.showTable = false;
    this.width = 0;
    this.language = 'id';
  }

  /** The widget's operation in schema/operations, imported with `?persisted`. */
  protected abstract readonly operation: PersistedOperation;
  protected abstract variables(): Record<string, unknown>;
  protected abstract defaultTitle(language: Language): string;
  protected abstract present(answer: Answer, language: Language): WidgetData<Row>;
  protected abstract chart(data: WidgetData<Row>, language: Language, width: number): ChartRequest | null;

  /** Content between the toolbar and the chart, such as KPI tiles. */
  protected lead(_data: WidgetData<Row>, _language: Language): TemplateResult | typeof nothing {
    return nothing;
  }

  /** Content after the chart or table, such as a definition. */
  protected trailer(_data: WidgetData<Row>, _language: Language): TemplateResult | typeof nothing {
    return nothing;
  }

  /** Properties besides the answer, language, theme and width that change what the chart draws. */
  protected chartInputs(): unknown[] {
    return [];
  }

  /** Shown instead of the chart when there are no rows (or under it, for a chart that draws without any). */
  protected emptyMessage(language: Language): string {
    return t('empty', language);
  }

  /** Whether the chart still means something with no rows (a map shows its provinces). */
  protected drawsWithoutRows(): boolean {
    return false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.language = languageOf(this);
    this.#resize.observe(this);
    this.#langObserver.observe(this, { attributes: true, attributeFilter: ['lang'] });
    this.#langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    this.#langObserver.disconnect();
    this.#abort?.abort();
    this.#finalizeView();
  }

  /** The theme in force, as an attribute the styles select on (`data-pantau-theme`). */
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const theme = resolveTheme(this, this.theme);
    if (this.dataset.pantauTheme !== theme) this.dataset.pantauTheme = theme;
  }

  protected override updated(changed: PropertyValues): void {
    const queryChanged = ['endpoint', 'includeSynthetic', ...(this.constructor as typeof PantauWidget).queryProperties].some((name) => changed.has(name));
    if (queryChanged) void this.load();
    void this.#drawIfNeeded();
  }

  /** Fetches the data again (the error state's retry button calls this). */
  async load(): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.loadState = 'loading';
    try {
      const answer = await requestGraphQL<Answer>(endpointFor(this.endpoint), this.operation, this.variables(), abort.signal);
      if (abort.signal.aborted) return;
      this.answer = answer;
      this.loadState = 'ready';
      this.dispatchEvent(new CustomEvent('pantau-load', { detail: { rows: this.present(answer, this.language).rows }, bubbles: true, composed: true }));
    } catch (error) {
      if (abort.signal.aborted) return;
      this.errorMessage = (error as Error).message;
      this.loadState = 'error';
      this.dispatchEvent(new CustomEvent('pantau-error', { detail: { message: this.errorMessage }, bubbles: true, composed: true }));
    }
  }

  #presented: { answer: Answer; language: Language; data: WidgetData<Row> } | null = null;

  /** The answer as rows in the current language, worked out once per answer and language, not per render. */
  #data(): WidgetData<Row> | null {
    if (this.loadState !== 'ready' || !this.answer) return null;
    if (this.#presented?.answer !== this.answer || this.#presented.language !== this.language) {
      this.#presented = { answer: this.answer, language: this.language, data: this.present(this.answer, this.language) };
    }
    return this.#presented.data;
  }

  #colors(): ChartColors {
    const style = getComputedStyle(this);
    const read = (name: string) => style.getPropertyValue(name).trim();
    return { text: read('--_fg'), muted: read('--_muted'), grid: read('--_border'), accent: read('--_accent'), highlight: read('--_highlight'), background: read('--_bg'), font: style.fontFamily };
  }

  async #drawIfNeeded(): Promise<void> {
    const container = this.#chartRef.value;
    const data = this.#data();
    if (!container || !data || this.showTable || (data.rows.length === 0 && !this.drawsWithoutRows()) || this.width === 0) {
      if (!container) this.#finalizeView();
      return;
    }
    const chartWidth = Math.max(200, this.width - 34);
    // The colours in force, not the theme setting: a host restyling the page redraws the chart in its new colours.
    const colors = this.#colors();
    const key = JSON.stringify([this.answer, this.language, colors, chartWidth, this.chartInputs()]);
    if (key === this.#drawn && this.#view) return;
    this.#drawn = key;
    const request = this.chart(data, this.language, chartWidth);
    if (!request) return;
    container.setAttribute('aria-label', `${request.description} ${t('chartSummary', this.language)}`);
    const drawing = ++this.#drawing;
    this.#finalizeView();
    this.#tooltip = createTooltip(this, this.#layerRef.value ?? container);
    const view = await renderChart(container, { ...request, width: chartWidth, language: this.language, colors, tooltip: this.#tooltip.handler });
    if (drawing !== this.#drawing) {
      view.finalize();
      return;
    }
    this.#view = view;
    const svg = container.querySelector('svg');
    svg?.setAttribute('aria-hidden', 'true');
    svg?.setAttribute('focusable', 'false');
    this.dispatchEvent(new CustomEvent('pantau-render', { bubbles: true, composed: true }));
  }

  #finalizeView(): void {
    this.#view?.finalize();
    this.#view = null;
    this.#tooltip?.remove();
    this.#tooltip = null;
    this.#drawn = '';
  }

  #download(name: string, href: string): void {
    const link = document.createElement('a');
    link.href = href;
    link.download = name;
    link.rel = 'noopener';
    this.renderRoot.append(link);
    link.click();
    link.remove();
  }

  #fileName(extension: string): string {
    const id = Object.values(this.variables()).filter((v) => typeof v === 'string').join('-');
    return `${this.localName}${id ? `-${id}` : ''}.${extension}`.replace(/[^\w.-]+/g, '_');
  }

  #downloadCsv(data: WidgetData<Row>): void {
    const url = URL.createObjectURL(new Blob([toCsv(data.columns, data.rows)], { type: 'text/csv;charset=utf-8' }));
    this.#download(this.#fileName('csv'), url);
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  async #downloadImage(type: 'png' | 'svg'): Promise<void> {
    if (!this.#view) return;
    const background = this.#view.background();
    this.#view.background(this.#colors().background || '#ffffff');
    try {
      this.#download(this.#fileName(type), await this.#view.toImageURL(type, type === 'png' ? 2 : 1));
    } finally {
      this.#view.background(background);
    }
  }

  #renderSources(data: WidgetData<Row>, language: Language) {
    if (data.sources.length === 0) return nothing;
    const apiOrigin = new URL(endpointFor(this.endpoint)).origin;
    return html`${t(data.sources.length > 1 ? 'sources' : 'source', language)}:
      ${data.sources.map((source, index) => {
        const href = safeHttpUrl(source.url) ?? `${apiOrigin}/sources/${encodeURIComponent(source.key)}`;
        const label = `${source.publisher}${source.publishedOn ? `, ${formatDate(source.publishedOn, language)}` : ''}`;
        return html`${index > 0 ? '; ' : ''}<a href=${href} target="_blank" rel="noopener noreferrer" title=${source.title}>${label}</a>`;
      })}`;
  }

  #renderTable(data: WidgetData<Row>) {
    return html`<div class="table-wrap">
      <table>
        <caption>${data.caption}</caption>
        <thead><tr>${data.columns.map((c) => html`<th scope="col" class=${c.numeric ? 'num' : ''}>${c.header}</th>`)}</tr></thead>
        <tbody>${data.rows.map((row) => html`<tr>${data.columns.map((c) => html`<td class=${c.numeric ? 'num' : ''}>${c.display(row)}</td>`)}</tr>`)}</tbody>
      </table>
    </div>`;
  }

  #renderBody(data: WidgetData<Row> | null, language: Language) {
    if (this.loadState === 'loading') return html`<div class="state" role="status">${t('loading', language)}</div>`;
    if (this.loadState === 'error' || !data) {
      return html`<div class="state error" role="alert">
        <div>${t('error', language)}</div>
        <div class="subtitle">${this.errorMessage}</div>
        <button type="button" @click=${() => void this.load()}>${t('retry', language)}</button>
      </div>`;
    }
    const chartOnly = data.rows.length === 0 && this.drawsWithoutRows();
    if (data.rows.length === 0 && !chartOnly) return html`<div class="state" role="status">${this.emptyMessage(language)}</div>`;
    if (this.showTable && !chartOnly) return this.#renderTable(data);
    if (chartOnly) {
      return html`<div class="chart" role="img" aria-label=${t('chartSummary', language)} ${ref(this.#chartRef)}></div>
        <p class="subtitle" role="status">${this.emptyMessage(language)}</p>`;
    }
    // The label names what the chart shows once it is drawn (#drawIfNeeded); building the chart here too would double the work.
    return html`<div class="chart" role="img" aria-label=${t('chartSummary', language)} ${ref(this.#chartRef)}></div>`;
  }

  protected override render() {
    const language = this.language;
    const data = this.#data();
    const hasRows = Boolean(data && data.rows.length > 0);
    return html`<figure part="figure" lang=${language} aria-busy=${this.loadState === 'loading' ? 'true' : 'false'}>
      <div ${ref(this.#layerRef)}></div>
      <header>
        <div>
          <h2 part="title">${this.heading || this.defaultTitle(language)}</h2>
          ${data?.subtitle ? html`<p class="subtitle">${data.subtitle}</p>` : nothing}
        </div>
        ${data?.synthetic ? html`<span class="badge" part="badge" title=${t('syntheticHint', language)}>${t('synthetic', language)}</span>` : nothing}
      </header>
      ${hasRows && data
        ? html`<div class="toolbar" part="toolbar">
            <button type="button" aria-pressed=${this.showTable ? 'true' : 'false'} aria-controls="widget-body" @click=${() => (this.showTable = !this.showTable)}>
              ${t(this.showTable ? 'showChart' : 'showTable', language)}
            </button>
            <button type="button" @click=${() => this.#downloadCsv(data)}>${t('downloadCsv', language)}</button>
            ${this.showTable ? nothing : html`<button type="button" @click=${() => void this.#downloadImage('png')}>${t('downloadPng', language)}</button>
              <button type="button" @click=${() => void this.#downloadImage('svg')}>${t('downloadSvg', language)}</button>`}
          </div>`
        : nothing}
      ${data ? this.lead(data, language) : nothing}
      <div id="widget-body">${this.#renderBody(data, language)}</div>
      ${data ? this.trailer(data, language) : nothing}
      <figcaption part="source">
        ${data ? this.#renderSources(data, language) : nothing}
        ${data?.synthetic ? html`<p class="synthetic-note">${t('syntheticHint', language)}</p>` : nothing}
      </figcaption>
    </figure>`;
  }
}
