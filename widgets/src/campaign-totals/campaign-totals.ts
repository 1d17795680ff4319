import { html } from 'lit';
import { PantauWidget, type ChartRequest, type SourceRef, type WidgetData } from '../core/base-widget.ts';
import operation from '@pantau/schema/operations/campaign-totals.graphql?persisted';
import { nameIn, uniqueSources, type Bilingual } from '../core/bilingual.ts';
import { formatDate, formatNumber, t, type Language } from '../core/i18n.ts';
import { BAR_ROW_PX } from '../core/vega-view.ts';
import barsSpec from '../specs/bars.vl.json?vega';

interface Breakdown {
  office: (Bilingual & { code: string }) | null;
  region: { code: string; name: string } | null;
  value: string;
  isLowerBound: boolean;
  synthetic: boolean;
}

interface MetricTotal {
  metric: Bilingual & { key: string };
  value: string;
  isLowerBound: boolean;
  synthetic: boolean;
  unitId: string;
  unitEn: string;
  sources: SourceRef[];
  byOffice: Breakdown[];
  byRegion: Breakdown[];
}

interface Answer {
  campaignTotals: { campaign: Bilingual & { slug: string; startsOn: string; endsOn: string }; metrics: MetricTotal[] };
}

/** A table row: a metric's total (no `part`) or one office's/region's part of it. */
interface Row {
  metric: MetricTotal;
  part: string | null;
  value: string;
  isLowerBound: boolean;
}

/**
 * `<pantau-campaign-totals campaign="hbi-76-2026">`: a campaign's headline figures as tiles (a lower
 * bound reads "lebih dari 500") and one metric's split by office or region as bars.
 *
 * Attributes: `campaign` (slug, required), `group-by` (`office`, default, or `region`), `metric`
 * (key of the metric in the chart; default: the one with the most parts), plus the shared ones.
 */
export class PantauCampaignTotals extends PantauWidget<Answer, Row> {
  static override properties = {
    ...PantauWidget.properties,
    campaign: { type: String },
    groupBy: { type: String, attribute: 'group-by' },
    metric: { type: String },
  };
  protected static override queryProperties = ['campaign'];

  declare campaign: string;
  declare groupBy: 'office' | 'region';
  declare metric: string | null;

  constructor() {
    super();
    this.campaign = '';
    this.groupBy = 'office';
    this.metric = null;
  }

  protected readonly operation = operation;

  protected variables() {
    return { slug: this.campaign, includeSynthetic: this.includeSynthetic };
  }

  protected defaultTitle(language: Language) {
    return t('campaignTitle', language);
  }

  #parts(metric: MetricTotal): Breakdown[] {
    return this.groupBy === 'region' ? metric.byRegion : metric.byOffice;
  }

  #partName(part: Breakdown, language: Language): string {
    return part.office ? nameIn(part.office, language) : (part.region?.name ?? '–');
  }

  #chartedMetric(metrics: MetricTotal[]): MetricTotal | undefined {
    const chosen = metrics.find((m) => m.metric.key === this.metric);
    if (chosen) return chosen;
    return [...metrics].sort((a, b) => this.#parts(b).length - this.#parts(a).length)[0];
  }

  #amount(value: string, isLowerBound: boolean, unit: string, language: Language): string {
    return `${isLowerBound ? `${t('lowerBound', language)} ` : ''}${formatNumber(value, language)} ${unit}`;
  }

  protected present(answer: Answer, language: Language): WidgetData<Row> {
    const { campaign, metrics } = answer.campaignTotals;
    const rows = metrics.flatMap((metric): Row[] => [
      { metric, part: null, value: metric.value, isLowerBound: metric.isLowerBound },
      ...this.#parts(metric).map((part) => ({ metric, part: this.#partName(part, language), value: part.value, isLowerBound: part.isLowerBound })),
    ]);
    const unit = (row: Row) => (language === 'en' ? row.metric.unitEn : row.metric.unitId);
    return {
      rows,
      synthetic: metrics.some((m) => m.synthetic),
      sources: uniqueSources(metrics.map((m) => m.sources)),
      subtitle: `${nameIn(campaign, language)} · ${formatDate(campaign.startsOn, language)}${campaign.endsOn !== campaign.startsOn ? ` – ${formatDate(campaign.endsOn, language)}` : ''}`,
      caption: `${nameIn(campaign, language)}: ${t('total', language)} / ${t(this.groupBy === 'region' ? 'byRegion' : 'byOffice', language)}`,
      columns: [
        { header: t('metric', language), raw: (row) => row.metric.metric.key, display: (row) => nameIn(row.metric.metric, language) },
        { header: t(this.groupBy === 'region' ? 'region' : 'office', language), raw: (row) => row.part ?? t('total', language), display: (row) => row.part ?? t('total', language) },
        { header: t('value', language), raw: (row) => row.value, display: (row) => this.#amount(row.value, row.isLowerBound, unit(row), language), numeric: true },
        { header: t('unit', language), raw: (row) => unit(row), display: (row) => unit(row) },
        { header: t('lowerBound', language), raw: (row) => row.isLowerBound, display: (row) => t(row.isLowerBound ? 'yes' : 'no', language) },
      ],
    };
  }

  protected override lead(data: WidgetData<Row>, language: Language) {
    const totals = data.rows.filter((row) => row.part === null);
    return html`<div class="kpis" role="list">
      ${totals.map(
        (row) => html`<div class="kpi" role="listitem">
          <div class="kpi-value">
            ${row.isLowerBound ? html`<span class="kpi-qualifier">${t('lowerBound', language)} </span>` : ''}${formatNumber(row.value, language)}
          </div>
          <div class="kpi-label">${language === 'en' ? row.metric.unitEn : row.metric.unitId} · ${nameIn(row.metric.metric, language)}</div>
        </div>`,
      )}
    </div>
    ${this.answer && this.answer.campaignTotals.metrics.length > 1
      ? html`<label class="subtitle">${t('metric', language)}:
          <select @change=${(event: Event) => (this.metric = (event.target as HTMLSelectElement).value)}>
            ${this.answer.campaignTotals.metrics.map((m) => html`<option value=${m.metric.key} ?selected=${m === this.#chartedMetric(this.answer?.campaignTotals.metrics ?? [])}>${nameIn(m.metric, language)}</option>`)}
          </select></label>`
      : ''}`;
  }

  protected chart(_data: WidgetData<Row>, language: Language): ChartRequest | null {
    const metric = this.answer ? this.#chartedMetric(this.answer.campaignTotals.metrics) : undefined;
    if (!metric) return null;
    const unit = language === 'en' ? metric.unitEn : metric.unitId;
    const parts = [...this.#parts(metric)].sort((a, b) => Number(b.value) - Number(a.value));
    const rows = (parts.length ? parts : [{ office: null, region: null, value: metric.value, isLowerBound: metric.isLowerBound, synthetic: metric.synthetic }]).map((part) => {
      const label = parts.length ? this.#partName(part, language) : t('total', language);
      return { label, value: Number(part.value), group: part.isLowerBound ? 'highlight' : 'normal', tip: { [t(this.groupBy === 'region' ? 'region' : 'office', language)]: label, [nameIn(metric.metric, language)]: this.#amount(part.value, part.isLowerBound, unit, language) } };
    });
    return { spec: barsSpec, datasets: { rows }, height: rows.length * BAR_ROW_PX, description: `${nameIn(metric.metric, language)}, ${t(this.groupBy === 'region' ? 'byRegion' : 'byOffice', language).toLowerCase()}.` };
  }

  protected override chartInputs() {
    return [this.metric, this.groupBy];
  }
}
