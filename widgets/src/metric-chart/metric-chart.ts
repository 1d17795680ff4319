import { PantauMetricChartDocument, persistedDocument } from '@pantau/schema';
import { nameIn } from '../core/bilingual.ts';
import { PantauChartWidget } from '../core/chart-widget.ts';
import type { Language } from '../core/i18n.ts';
import type { SpecOptions, WidgetData } from '../core/widget-data.ts';
import { presentSeries, type MetricChartAnswer, type MetricChartRow } from './metric-chart.data.ts';
import { metricChartSpec } from './metric-chart.spec.ts';
import { metricChartStyles } from './metric-chart.styles.ts';
import { seriesWords } from './metric-chart.words.ts';

/**
 * Any metric series as bars (default) or lines.
 *
 * @tagname pantau-metric-chart
 * @summary Any metric over time, split by place, office, program, campaign or a dimension such as passport type, as bars or lines.
 * @example <pantau-metric-chart metric="passports_issued" group-by="passport_type" granularity="YEAR" region="53"></pantau-metric-chart>
 */
export class PantauMetricChart extends PantauChartWidget<MetricChartAnswer, MetricChartRow> {
  static override styles = metricChartStyles;
  static override properties = {
    ...PantauChartWidget.properties,
    metric: { type: String },
    groupBy: { type: String, attribute: 'group-by' },
    granularity: { type: String },
    region: { type: String },
    from: { type: String },
    to: { type: String },
    type: { type: String },
  };

  /** Required. The metric’s key, e.g. `passports_issued`. */
  declare metric: string;
  /** Comma-separated: `province`, `regency`, `office`, `program`, `campaign` or a dimension key; one series per combination. */
  declare groupBy: string;
  /** Width of the periods. */
  declare granularity: 'DAY' | 'MONTH' | 'QUARTER' | 'YEAR';
  /** Kemendagri code, e.g. `53`: only figures for this region and what lies inside it. */
  declare region: string | null;
  /** ISO date: only periods ending on or after this day. */
  declare from: string | null;
  /** ISO date: only periods starting on or before this day. */
  declare to: string | null;
  /** Chart type. */
  declare type: 'bar' | 'line';

  constructor() {
    super();
    this.metric = '';
    this.groupBy = '';
    this.granularity = 'YEAR';
    this.region = null;
    this.from = null;
    this.to = null;
    this.type = 'bar';
  }

  protected readonly operation = persistedDocument(PantauMetricChartDocument);

  #groups(): string[] {
    return this.groupBy
      .split(',')
      .map((g) => g.trim())
      .filter(Boolean);
  }

  protected variables() {
    const groupBy = this.#groups();
    const filter = { ...(this.region ? { regionCode: this.region } : {}), ...(this.from ? { from: this.from } : {}), ...(this.to ? { to: this.to } : {}) };
    return { metric: this.metric, groupBy, granularity: this.granularity, filter, includeSynthetic: this.includeSynthetic };
  }

  protected defaultTitle(language: Language, answer: MetricChartAnswer | undefined) {
    return answer ? nameIn(answer.metricSeries.metric, language) : this.metric;
  }

  protected present(answer: MetricChartAnswer, language: Language) {
    return presentSeries(answer, language);
  }

  protected override describe(data: WidgetData<MetricChartRow>, answer: MetricChartAnswer, language: Language) {
    const { region, granularity, from, to, includeSynthetic } = this;
    return seriesWords(data, answer, { language, region, granularity, groupBy: this.#groups(), from, to, includeSynthetic });
  }

  protected override chartInputs() {
    return [this.type];
  }

  protected chart(data: WidgetData<MetricChartRow>, answer: MetricChartAnswer, options: SpecOptions) {
    return metricChartSpec(data.rows, { ...options, metric: answer.metricSeries.metric, type: this.type });
  }
}
