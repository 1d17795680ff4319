import { TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import { apiTask } from './api-task.ts';
import { chartToolbar, type DownloadContext } from './chart-downloads.ts';
import { dataTable } from './data-table.ts';
import { variableParts } from './downloads.ts';
import type { View } from 'vega';
import type { PersistedOperation } from './graphql.ts';
import { t, type Language } from './i18n.ts';
import { PantauElement } from './pantau-element.ts';
import { VegaController } from './vega-controller.ts';
import { readChartColors } from './vega-view.ts';
import { states, widgetFrame } from './widget-frame.ts';
import type { ChartRequest, ChartWords, SpecOptions, WidgetData } from './widget-data.ts';

/**
 * A Pantau element with a chart: the API task, the Vega view, the chart / table toggle and the
 * downloads. A widget supplies its operation and variables, a pure function from the answer to its
 * table (`present`) and one from those rows to its chart (`chart`, calling its spec function).
 *
 * @fires pantau-render - The chart was drawn.
 * @csspart toolbar - The table toggle and download buttons.
 * @csspart filters - The active filters in words (region, period, programme), under the title.
 * @csspart summary - The sentence written from the data, under the title; the chart's accessible description.
 */
export abstract class PantauChartWidget<Answer, Row> extends PantauElement {
  static override properties = { ...PantauElement.properties, showTable: { state: true } };

  /** @internal Whether the data table is shown instead of the chart. */
  declare protected showTable: boolean;

  protected abstract readonly operation: PersistedOperation;
  protected abstract variables(): Record<string, unknown>;
  protected abstract defaultTitle(language: Language, answer: Answer | undefined): string;
  protected abstract present(answer: Answer, language: Language): WidgetData<Row>;
  protected abstract chart(data: WidgetData<Row>, answer: Answer, options: SpecOptions): ChartRequest | null;

  /** What the widget says about its rows: filters in words, a one-sentence summary (the chart's description), each row's facts for CSV. */
  protected describe(_data: WidgetData<Row>, _answer: Answer, _language: Language): ChartWords<Row> {
    return { filters: '', summary: '', facts: null };
  }

  /** Content between the toolbar and the chart, such as KPI tiles. */
  protected lead(_data: WidgetData<Row>, _answer: Answer, _language: Language): TemplateResult | typeof nothing {
    return nothing;
  }

  /** Content after the chart or table, such as a definition. */
  protected trailer(_language: Language): TemplateResult | typeof nothing {
    return nothing;
  }

  /** Properties besides the answer, language, colours and width that change what the table or the chart shows. */
  protected chartInputs(): unknown[] {
    return [];
  }

  /** Shown instead of the chart when there are no rows (or under it, for a chart that draws without any). */
  protected emptyMessage(language: Language): string {
    return t('empty', language);
  }

  protected override waitsForChart(rows: number): boolean {
    return rows > 0 || this.drawsWithoutRows();
  }

  /** Called with the view once it is on screen (the map measures its regions for the keyboard). */
  protected drawn(_view: View): void {}

  /** Whether the chart still means something with no rows (a map shows its provinces). */
  protected drawsWithoutRows(): boolean {
    return false;
  }

  readonly #chartRef = createRef<HTMLDivElement>();
  readonly #layerRef = createRef<HTMLDivElement>();
  readonly #vega = new VegaController(this);
  readonly #task = apiTask<Answer>(this, {
    operation: () => this.operation,
    variables: () => this.variables(),
    onComplete: (answer) => this.emit('pantau-load', { rows: this.present(answer, this.language).rows }),
    onError: (message) => this.emit('pantau-error', { message }),
  });
  #drawn = '';
  #presented: { answer: Answer; inputs: string; data: WidgetData<Row> } | null = null;

  constructor() {
    super();
    this.showTable = false;
  }

  /** The API's answer, once it has arrived. */
  protected get answer(): Answer | undefined {
    return this.#task.status === TaskStatus.COMPLETE ? this.#task.value : undefined;
  }

  /** Fetches the data again (the error state's retry button calls this). */
  async load(): Promise<void> {
    await this.#task.run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#drawn = '';
  }

  /** The answer as rows in the current language, worked out once per answer, language and chart inputs, not per render. */
  #data(): WidgetData<Row> | null {
    const answer = this.answer;
    if (!answer) return null;
    const inputs = JSON.stringify([this.language, this.chartInputs()]);
    if (this.#presented?.answer !== answer || this.#presented.inputs !== inputs) {
      this.#presented = { answer, inputs, data: this.present(answer, this.language) };
    }
    return this.#presented.data;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    void this.#drawIfNeeded();
  }

  async #drawIfNeeded(): Promise<void> {
    const container = this.#chartRef.value;
    const data = this.#data();
    const answer = this.answer;
    // No chart on screen (the table, a state, or disconnected): release the view.
    if (!container?.isConnected) {
      this.#vega.finalize();
      this.#drawn = '';
      return;
    }
    if (!data || !answer || (data.rows.length === 0 && !this.drawsWithoutRows()) || this.width === 0) return;
    const width = Math.max(200, this.width - 34);
    // The colours in force, not the theme setting: a host restyling the page redraws the chart in its new colours.
    const colors = readChartColors(this);
    const key = JSON.stringify([answer, this.language, colors, width, this.chartInputs()]);
    if (key === this.#drawn && this.#vega.view) return;
    this.#drawn = key;
    const request = this.chart(data, answer, { language: this.language, width });
    if (!request) return;
    container.setAttribute('aria-label', `${request.description} ${t('chartSummary', this.language)}`);
    const shown = await this.#vega.draw({ container, layer: this.#layerRef.value ?? container, request, width, language: this.language, colors });
    if (shown && this.#vega.view) this.drawn(this.#vega.view);
    if (shown) this.emit('pantau-render', null);
  }

  #download(data: WidgetData<Row>, answer: Answer): DownloadContext<Row> {
    const language = this.language;
    return {
      ...this.describe(data, answer, language),
      root: this.renderRoot as ShadowRoot,
      naming: { tag: this.localName, parts: variableParts(this.variables()) },
      language,
      title: this.heading || this.defaultTitle(language, answer),
      data,
      colors: readChartColors(this),
      view: this.#vega.view,
      today: new Date().toISOString().slice(0, 10),
    };
  }

  #body(data: WidgetData<Row>, language: Language) {
    const chartOnly = data.rows.length === 0 && this.drawsWithoutRows();
    if (data.rows.length === 0 && !chartOnly) return html`<div class="state" role="status">${this.emptyMessage(language)}</div>`;
    if (this.showTable && !chartOnly) return dataTable(data);
    // The label names what the chart shows once it is drawn (#drawIfNeeded).
    const chart = html`<div class="chart" role="img" aria-label=${t('chartSummary', language)} aria-describedby="pantau-summary" ${ref(this.#chartRef)}></div>`;
    return chartOnly ? html`${chart}<p class="subtitle" role="status">${this.emptyMessage(language)}</p>` : chart;
  }

  protected override render() {
    const language = this.language;
    const answer = this.answer;
    const data = this.#data();
    const body = this.#task.render({
      initial: () => states.loading(language),
      pending: () => states.loading(language),
      error: (error) => states.error(language, (error as Error).message, () => void this.load()),
      complete: () => (data ? this.#body(data, language) : nothing),
    });
    return widgetFrame({
      language,
      title: this.heading || this.defaultTitle(language, answer),
      subtitle: data?.subtitle,
      synthetic: Boolean(data?.synthetic),
      busy: this.#task.status === TaskStatus.PENDING || this.#task.status === TaskStatus.INITIAL,
      sources: data?.sources ?? [],
      endpoint: this.endpoint,
      layer: html`<div ${ref(this.#layerRef)}></div>`,
      ...(data && answer ? this.describe(data, answer, language) : {}),
      content: html`${
        data && answer && data.rows.length > 0
          ? chartToolbar({ language, showTable: this.showTable, toggle: () => (this.showTable = !this.showTable), context: () => this.#download(data, answer) })
          : nothing
      }
        ${data && answer ? this.lead(data, answer, language) : nothing}
        <div id="widget-body">${body}</div>
        ${data ? this.trailer(language) : nothing}`,
    });
  }
}
