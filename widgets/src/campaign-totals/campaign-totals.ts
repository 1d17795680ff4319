import { html } from 'lit';
import { PantauCampaignTotalsDocument, persistedDocument } from '@pantau/schema';
import { nameIn } from '../core/bilingual.ts';
import { PantauChartWidget } from '../core/chart-widget.ts';
import { formatNumber, t, type Language } from '../core/i18n.ts';
import type { SpecOptions, WidgetData } from '../core/widget-data.ts';
import { chartedMetric, presentCampaign, unitOf, type CampaignRow, type CampaignTotalsAnswer } from './campaign-totals.data.ts';
import { campaignTotalsSpec } from './campaign-totals.spec.ts';
import { campaignTotalsStyles } from './campaign-totals.styles.ts';
import { campaignWords } from './campaign-totals.words.ts';

/**
 * A campaign's headline figures as tiles and one metric's split by office or region as bars; readers
 * can switch the metric.
 *
 * @tagname pantau-campaign-totals
 * @summary A campaign’s headline figures as tiles (a lower bound reads “lebih dari 500”) and one metric split by office or region as bars.
 * @example <pantau-campaign-totals campaign="hbi-76-2026"></pantau-campaign-totals>
 */
export class PantauCampaignTotals extends PantauChartWidget<CampaignTotalsAnswer, CampaignRow> {
  static override styles = campaignTotalsStyles;
  static override properties = {
    ...PantauChartWidget.properties,
    campaign: { type: String },
    groupBy: { type: String, attribute: 'group-by' },
    metric: { type: String },
  };

  /** Required. The campaign’s slug, e.g. `hbi-76-2026` (the `campaigns` GraphQL query lists them). */
  declare campaign: string;
  /** How the bar chart splits the figure. */
  declare groupBy: 'office' | 'region';
  /** Key of the metric in the chart, e.g. `coconut_seedlings`; default: the one with the most parts. */
  declare metric: string | null;

  constructor() {
    super();
    this.campaign = '';
    this.groupBy = 'office';
    this.metric = null;
  }

  protected readonly operation = persistedDocument(PantauCampaignTotalsDocument);

  protected variables() {
    return { slug: this.campaign, includeSynthetic: this.includeSynthetic };
  }

  protected defaultTitle(language: Language) {
    return t('campaignTitle', language);
  }

  protected present(answer: CampaignTotalsAnswer, language: Language) {
    return presentCampaign(answer, { language, groupBy: this.groupBy });
  }

  protected override lead(data: WidgetData<CampaignRow>, answer: CampaignTotalsAnswer, language: Language) {
    const totals = data.rows.filter((row) => row.part === null);
    const { metrics } = answer.campaignTotals;
    const charted = chartedMetric(metrics, this.metric, this.groupBy);
    return html`<div class="kpis" role="list">
        ${totals.map(
          (row) => html`<div class="kpi" role="listitem">
            <div class="kpi-value">
              ${row.isLowerBound ? html`<span class="kpi-qualifier">${t('lowerBound', language)} </span>` : ''}${row.value === null ? t('suppressed', language) : formatNumber(row.value, language)}
            </div>
            <div class="kpi-label">${unitOf(row.metric, language)} · ${nameIn(row.metric.metric, language)}</div>
          </div>`,
        )}
      </div>
      ${
        metrics.length > 1
          ? html`<label class="subtitle">${t('metric', language)}:
            <select @change=${(event: Event) => (this.metric = (event.target as HTMLSelectElement).value)}>
              ${metrics.map((m) => html`<option value=${m.metric.key} ?selected=${m === charted}>${nameIn(m.metric, language)}</option>`)}
            </select></label>`
          : ''
      }`;
  }

  protected override describe(data: WidgetData<CampaignRow>, answer: CampaignTotalsAnswer, language: Language) {
    return campaignWords(data, answer, { language, groupBy: this.groupBy, metric: this.metric, includeSynthetic: this.includeSynthetic });
  }

  protected override chartInputs() {
    return [this.metric, this.groupBy];
  }

  protected chart(data: WidgetData<CampaignRow>, answer: CampaignTotalsAnswer, options: SpecOptions) {
    const metric = chartedMetric(answer.campaignTotals.metrics, this.metric, this.groupBy);
    return metric ? campaignTotalsSpec(data.rows, { ...options, metric, groupBy: this.groupBy }) : null;
  }
}
