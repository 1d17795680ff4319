import { TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { PantauMetricTileDocument, persistedDocument } from '@pantau/schema';
import { apiTask } from '../core/api-task.ts';
import { nameIn, uniqueSources } from '../core/bilingual.ts';
import { formatNumber, formatPeriod, t, type Language } from '../core/i18n.ts';
import { PantauElement } from '../core/pantau-element.ts';
import { states, widgetFrame } from '../core/widget-frame.ts';
import { changeLine, metricHeadline, tileSentence, type Headline, type MetricTileAnswer } from './metric-tile.headline.ts';
import { metricTileStyles } from './metric-tile.styles.ts';

const tileOperation = persistedDocument(PantauMetricTileDocument);

/**
 * One headline number for a metric: its unit, "lebih dari" / "more than" for a lower bound, the
 * period, the change against the period before when the data has it, and the source line.
 *
 * @tagname pantau-metric-tile
 * @summary One headline number for a metric, with its unit, lower-bound wording, period, change against the previous period and source.
 * @example <pantau-metric-tile metric="passports_issued" region="53"></pantau-metric-tile>
 * @csspart value - The number, its qualifier and unit.
 * @csspart period - The period the number is for.
 * @csspart change - The change against the previous period.
 */
export class PantauMetricTile extends PantauElement {
  static override styles = metricTileStyles;
  static override properties = {
    ...PantauElement.properties,
    metric: { type: String },
    granularity: { type: String },
    region: { type: String },
    period: { type: String },
  };

  /** Required. The metric’s key, e.g. `passports_issued`. */
  declare metric: string;
  /** Width of the periods compared. */
  declare granularity: 'DAY' | 'MONTH' | 'QUARTER' | 'YEAR';
  /** Kemendagri code, e.g. `53`: only figures for this region and what lies inside it. */
  declare region: string | null;
  /** The period to show, as the API names it (`2025`, `2025-Q1`, `2025-03`); default: the latest. */
  declare period: string | null;

  readonly #task = apiTask<MetricTileAnswer>(this, {
    operation: () => tileOperation,
    variables: () => ({ metric: this.metric, granularity: this.granularity, filter: this.region ? { regionCode: this.region } : {}, includeSynthetic: this.includeSynthetic }),
    onComplete: (answer) => this.emit('pantau-load', { rows: answer.metricSeries.rows }),
    onError: (message) => this.emit('pantau-error', { message }),
  });

  constructor() {
    super();
    this.metric = '';
    this.granularity = 'YEAR';
    this.region = null;
    this.period = null;
  }

  #tile(answer: MetricTileAnswer, headline: Headline | null, language: Language) {
    if (!headline) return html`<div class="state" role="status">${t('empty', language)}</div>`;
    const { metric } = answer.metricSeries;
    const unit = language === 'en' ? metric.unitEn : metric.unitId;
    const change = changeLine(headline, language);
    const direction = headline.change?.difference.startsWith('-') ? 'down' : 'up';
    return html`<div class="tile" role="group" aria-label=${tileSentence(headline, nameIn(metric, language), unit, language)}>
      <p class="tile-value" part="value">
        ${headline.current.isLowerBound ? html`<span class="tile-qualifier">${t('lowerBound', language)}</span> ` : nothing}${formatNumber(headline.current.value, language)}
        <span class="tile-unit">${unit}</span>
      </p>
      <p class="tile-period" part="period">${t('period', language)}: ${formatPeriod(headline.current.period, language)}</p>
      ${change ? html`<p class="tile-change" part="change" data-direction=${direction}>${change}</p>` : nothing}
    </div>`;
  }

  protected override render() {
    const language = this.language;
    const answer = this.#task.status === TaskStatus.COMPLETE ? this.#task.value : undefined;
    const headline = answer ? metricHeadline(answer.metricSeries.rows, { period: this.period }) : null;
    const shown = headline ? [headline.current, ...(headline.change && headline.previous ? [headline.previous] : [])] : [];
    return widgetFrame({
      language,
      title: this.heading || (answer ? nameIn(answer.metricSeries.metric, language) : this.metric),
      synthetic: shown.some((row) => row.synthetic),
      busy: this.#task.status === TaskStatus.PENDING || this.#task.status === TaskStatus.INITIAL,
      sources: uniqueSources(shown.map((row) => row.sources)),
      endpoint: this.endpoint,
      content: this.#task.render({
        initial: () => states.loading(language),
        pending: () => states.loading(language),
        error: (error) => states.error(language, (error as Error).message, () => void this.#task.run()),
        complete: (value) => this.#tile(value, headline, language),
      }),
    });
  }
}
