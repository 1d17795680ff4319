import { PantauWidget, type ChartRequest, type SourceRef, type WidgetData } from '../core/base-widget.ts';
import operation from '@pantau/schema/operations/metric-chart.graphql?persisted';
import { nameIn, uniqueSources, type Bilingual } from '../core/bilingual.ts';
import { formatNumber, formatPeriod, t, type Language } from '../core/i18n.ts';
import seriesBarsSpec from '../specs/series-bars.vl.json?vega';
import seriesLineSpec from '../specs/series-line.vl.json?vega';

interface Named extends Bilingual {
  code?: string;
  key?: string;
  slug?: string;
}

interface SeriesRow {
  period: string;
  value: string;
  isLowerBound: boolean;
  synthetic: boolean;
  sources: SourceRef[];
  dimensions: { key: string; labelId: string; labelEn: string }[];
  province: { code: string; name: string } | null;
  regency: { code: string; name: string } | null;
  region: { code: string; name: string } | null;
  office: Named | null;
  program: Named | null;
  campaign: Named | null;
}

interface Answer {
  metricSeries: {
    metric: Bilingual & { key: string; unitId: string; unitEn: string };
    rows: SeriesRow[];
    total: { value: string; isLowerBound: boolean; synthetic: boolean; sources: SourceRef[] } | null;
  };
}

interface Row {
  /** The period as the API names it (`2025-03`), for CSV. */
  period: string;
  /** The period in the widget's language (`Maret 2025`). */
  periodLabel: string;
  series: string;
  value: string;
  isLowerBound: boolean;
}

/**
 * `<pantau-metric-chart metric="passports_issued" group-by="passport_type" granularity="YEAR">`: any
 * metric series as bars (default) or lines.
 *
 * Attributes: `metric` (key, required), `group-by` (comma-separated: `province`, `regency`, `office`,
 * `program`, `campaign` or a dimension key), `granularity` (`DAY`, `MONTH`, `QUARTER`, `YEAR`),
 * `region` (Kemendagri code to filter by), `from` / `to` (ISO dates), `type` (`bar` or `line`).
 */
export class PantauMetricChart extends PantauWidget<Answer, Row> {
  static override properties = {
    ...PantauWidget.properties,
    metric: { type: String },
    groupBy: { type: String, attribute: 'group-by' },
    granularity: { type: String },
    region: { type: String },
    from: { type: String },
    to: { type: String },
    type: { type: String },
  };
  protected static override queryProperties = ['metric', 'groupBy', 'granularity', 'region', 'from', 'to'];

  declare metric: string;
  declare groupBy: string;
  declare granularity: 'DAY' | 'MONTH' | 'QUARTER' | 'YEAR';
  declare region: string | null;
  declare from: string | null;
  declare to: string | null;
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

  protected readonly operation = operation;

  #groups(): string[] {
    return this.groupBy
      .split(',')
      .map((g) => g.trim())
      .filter(Boolean);
  }

  protected variables() {
    const filter = { ...(this.region ? { regionCode: this.region } : {}), ...(this.from ? { from: this.from } : {}), ...(this.to ? { to: this.to } : {}) };
    return { metric: this.metric, groupBy: this.#groups(), granularity: this.granularity, filter, includeSynthetic: this.includeSynthetic };
  }

  protected defaultTitle(language: Language) {
    const metric = this.answer?.metricSeries.metric;
    return metric ? nameIn(metric, language) : this.metric;
  }

  #seriesName(row: SeriesRow, language: Language): string {
    const parts = [
      row.province?.name,
      row.regency?.name,
      row.region?.name,
      row.office && nameIn(row.office, language),
      row.program && nameIn(row.program, language),
      row.campaign && nameIn(row.campaign, language),
      ...row.dimensions.map((d) => (language === 'en' ? d.labelEn : d.labelId)),
    ].filter((part): part is string => Boolean(part));
    return parts.join(' · ') || t('total', language);
  }

  protected present(answer: Answer, language: Language): WidgetData<Row> {
    const { metric, rows, total } = answer.metricSeries;
    const unit = language === 'en' ? metric.unitEn : metric.unitId;
    const tableRows: Row[] = rows.map((row) => ({ period: row.period, periodLabel: formatPeriod(row.period, language), series: this.#seriesName(row, language), value: row.value, isLowerBound: row.isLowerBound }));
    if (total && rows.length > 1) tableRows.push({ period: 'total', periodLabel: t('total', language), series: '', value: total.value, isLowerBound: total.isLowerBound });
    return {
      rows: rows.length ? tableRows : [],
      synthetic: Boolean(total?.synthetic) || rows.some((r) => r.synthetic),
      sources: uniqueSources([...rows.map((r) => r.sources), total?.sources ?? []]),
      subtitle: total ? `${t('total', language)}: ${total.isLowerBound ? `${t('lowerBound', language)} ` : ''}${formatNumber(total.value, language)} ${unit}` : undefined,
      caption: `${nameIn(metric, language)} (${unit})`,
      columns: [
        { header: t('period', language), raw: (row) => row.period, display: (row) => row.periodLabel },
        { header: t('series', language), raw: (row) => row.series, display: (row) => row.series },
        { header: t('value', language), raw: (row) => row.value, display: (row) => `${row.isLowerBound ? `${t('lowerBound', language)} ` : ''}${formatNumber(row.value, language)} ${unit}`, numeric: true },
      ],
    };
  }

  protected override chartInputs() {
    return [this.type];
  }

  protected chart(data: WidgetData<Row>, language: Language): ChartRequest | null {
    const metric = this.answer?.metricSeries.metric;
    if (!metric) return null;
    const unit = language === 'en' ? metric.unitEn : metric.unitId;
    const rows = data.rows
      .filter((row) => row.period !== 'total')
      .map((row) => ({
        period: row.periodLabel,
        series: row.series,
        value: Number(row.value),
        tip: { [t('period', language)]: row.periodLabel, [t('series', language)]: row.series, [t('value', language)]: `${formatNumber(row.value, language)} ${unit}` },
      }));
    return { spec: this.type === 'line' ? seriesLineSpec : seriesBarsSpec, datasets: { rows }, description: `${nameIn(metric, language)} (${unit}).` };
  }
}
