import { seriesColumnRows, type MetricSeriesColumns, type SeriesColumnRow } from '@pantau/schema';
import { joinFilters, uniqueSources, type SourceRef, type WidgetModel } from '../picture.ts';
import { isoDate, key, oneOf, regionCode } from '../widget-attributes.ts';
import { formatDate, formatNumber, formatPeriod, nameIn, t, type Bilingual, type Language } from '../words.ts';

type SeriesRow = SeriesColumnRow<SourceRef>;

interface Answer {
  metricSeries: {
    metric: Bilingual & { key: string; unitId: string; unitEn: string };
    columns: MetricSeriesColumns;
    sources: SourceRef[];
    total: { value: string; isLowerBound: boolean; synthetic: boolean; sources: SourceRef[] } | null;
  };
}

const groupWords: Record<string, Record<Language, string>> = {
  province: { id: 'provinsi', en: 'province' },
  regency: { id: 'kabupaten/kota', en: 'regency/city' },
  office: { id: 'kantor', en: 'office' },
  program: { id: 'program', en: 'programme' },
  campaign: { id: 'kampanye', en: 'campaign' },
};

const groupsOf = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);

/** As `<pantau-metric-chart>` (widgets/src/metric-chart/metric-chart.ts) presents its series. */
function seriesName(row: SeriesRow, language: Language): string {
  const parts = [
    row.province?.name,
    row.regency?.name,
    row.region?.name,
    row.office && nameIn(row.office, language),
    row.program && nameIn(row.program, language),
    row.campaign && nameIn(row.campaign, language),
    ...row.dimensions.map((d) => (language === 'en' ? d.labelEn : d.labelId)),
  ];
  return parts.filter((part): part is string => Boolean(part)).join(' · ') || t('total', language);
}

export const metricChart: WidgetModel = {
  name: 'metric-chart',
  tag: 'pantau-metric-chart',
  operation: 'metric-chart.graphql',
  attributes: {
    metric: { ...key, required: true },
    'group-by': {
      values: 'comma-separated keys (`province`, `regency`, `office`, `program`, `campaign` or a dimension key)',
      valid: (v) => v.split(',').every((g) => /^[a-z0-9_]{1,64}$/.test(g.trim())),
    },
    granularity: oneOf('DAY', 'MONTH', 'QUARTER', 'YEAR'),
    region: regionCode,
    from: isoDate,
    to: isoDate,
    type: oneOf('bar', 'line'),
  },
  variables({ own, includeSynthetic }) {
    const filter = {
      ...(own.get('region') ? { regionCode: own.get('region') } : {}),
      ...(own.get('from') ? { from: own.get('from') } : {}),
      ...(own.get('to') ? { to: own.get('to') } : {}),
    };
    return { metric: own.get('metric'), groupBy: groupsOf(own.get('group-by')), granularity: own.get('granularity') ?? 'YEAR', filter, includeSynthetic };
  },
  regionCodes: ({ own }) => (own.get('region') ? [own.get('region') as string] : []),
  picture(answer, { own, language, heading, includeSynthetic }, { regionNames }) {
    const { metric, total } = (answer as Answer).metricSeries;
    const rows = seriesColumnRows((answer as Answer).metricSeries);
    const unit = language === 'en' ? metric.unitEn : metric.unitId;
    const region = own.get('region');
    const groups = groupsOf(own.get('group-by'));
    const granularity = (own.get('granularity') ?? 'YEAR') as 'DAY' | 'MONTH' | 'QUARTER' | 'YEAR';
    const chartRows = rows.map((row) => ({ period: formatPeriod(row.period, language), series: seriesName(row, language), value: Number(row.value) }));
    return {
      title: heading || nameIn(metric, language),
      subtitle: total ? `${t('total', language)}: ${total.isLowerBound ? `${t('lowerBound', language)} ` : ''}${formatNumber(total.value, language)} ${unit}` : null,
      filters: joinFilters([
        region ? `${t('region', language)}: ${regionNames.get(region) ?? region}` : t('allRegions', language),
        t(granularity, language),
        own.get('from') && `${t('from', language)} ${formatDate(own.get('from') ?? '', language)}`,
        own.get('to') && `${t('to', language)} ${formatDate(own.get('to') ?? '', language)}`,
        groups.length > 0 && `${t('groupedBy', language)}: ${groups.map((g) => groupWords[g]?.[language] ?? g.replaceAll('_', ' ')).join(', ')}`,
        includeSynthetic && t('withSynthetic', language),
      ]),
      tiles: [],
      chart: rows.length ? { spec: own.get('type') === 'line' ? 'series-line' : 'series-bars', datasets: { rows: chartRows } } : null,
      note: rows.length ? null : t('empty', language),
      sources: uniqueSources([...rows.map((r) => r.sources), total?.sources ?? []]),
      synthetic: Boolean(total?.synthetic) || rows.some((r) => r.synthetic),
    };
  },
};
