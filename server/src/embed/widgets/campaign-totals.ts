import { BAR_ROW_PX, joinFilters, uniqueSources, type SourceRef, type WidgetModel } from '../picture.ts';
import { key, oneOf, slug } from '../widget-attributes.ts';
import { formatDate, formatNumber, nameIn, t, type Bilingual, type Language } from '../words.ts';

interface Breakdown {
  office: Bilingual | null;
  region: { name: string } | null;
  value: string;
  isLowerBound: boolean;
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
  campaignTotals: { campaign: Bilingual & { startsOn: string; endsOn: string }; metrics: MetricTotal[] };
}

const amount = (value: string, isLowerBound: boolean, language: Language) => `${isLowerBound ? `${t('lowerBound', language)} ` : ''}${formatNumber(value, language)}`;

/** As `<pantau-campaign-totals>` (widgets/src/campaign-totals/campaign-totals.ts): tiles, then one metric's parts as bars. */
export const campaignTotals: WidgetModel = {
  name: 'campaign-totals',
  tag: 'pantau-campaign-totals',
  operation: 'campaign-totals.graphql',
  attributes: { campaign: { ...slug, required: true }, 'group-by': oneOf('office', 'region'), metric: key },
  variables: ({ own, includeSynthetic }) => ({ slug: own.get('campaign'), includeSynthetic }),
  regionCodes: () => [],
  picture(answer, { own, language, heading, includeSynthetic }) {
    const { campaign, metrics } = (answer as Answer).campaignTotals;
    const byRegion = own.get('group-by') === 'region';
    const parts = (metric: MetricTotal) => (byRegion ? metric.byRegion : metric.byOffice);
    const charted = metrics.find((m) => m.metric.key === own.get('metric')) ?? [...metrics].sort((a, b) => parts(b).length - parts(a).length)[0];
    const unit = (metric: MetricTotal) => (language === 'en' ? metric.unitEn : metric.unitId);
    const partName = (part: Breakdown) => (part.office ? nameIn(part.office, language) : (part.region?.name ?? '–'));
    const sorted = charted ? [...parts(charted)].sort((a, b) => Number(b.value) - Number(a.value)) : [];
    const rows = charted
      ? (sorted.length ? sorted : [{ office: null, region: null, value: charted.value, isLowerBound: charted.isLowerBound }]).map((part) => ({
          label: sorted.length ? partName(part) : t('total', language),
          value: Number(part.value),
          group: part.isLowerBound ? 'highlight' : 'normal',
        }))
      : [];
    return {
      title: heading || t('campaignTitle', language),
      subtitle: `${nameIn(campaign, language)} · ${formatDate(campaign.startsOn, language)}${campaign.endsOn !== campaign.startsOn ? ` – ${formatDate(campaign.endsOn, language)}` : ''}`,
      filters: joinFilters([
        charted && `${nameIn(charted.metric, language)}, ${t(byRegion ? 'byRegion' : 'byOffice', language).toLowerCase()}`,
        includeSynthetic && t('withSynthetic', language),
      ]),
      tiles: metrics.map((m) => ({ value: amount(m.value, m.isLowerBound, language), label: `${unit(m)} · ${nameIn(m.metric, language)}` })),
      chart: rows.length ? { spec: 'bars', datasets: { rows }, height: rows.length * BAR_ROW_PX } : null,
      note: metrics.length ? null : t('empty', language),
      sources: uniqueSources(metrics.map((m) => m.sources)),
      synthetic: metrics.some((m) => m.synthetic),
    };
  },
};
