import { BAR_ROW_PX, joinFilters, uniqueSources, type SourceRef, type WidgetModel } from '../picture.ts';
import { provinceCode } from '../widget-attributes.ts';
import { formatNumber, formatPercent, t } from '../words.ts';

interface Figure {
  value: string;
  sources: SourceRef[];
}

interface CoverageRow {
  region: { code: string; name: string };
  partnerVillages: number;
  coverageRatio: string | null;
  isPriority: boolean;
  synthetic: boolean;
  sources: SourceRef[];
}

interface Answer {
  tppoCoverage: {
    regions: CoverageRow[];
    national: {
      villages: number;
      partnerVillages: number;
      coverageRatio: string | null;
      synthetic: boolean;
      reportedPartnerVillages: Figure | null;
      reportedPimpasaOfficers: Figure | null;
    };
  };
}

/** As `<pantau-tppo-coverage>` (widgets/src/tppo-coverage/tppo-coverage.ts): regions with something recorded or a priority, by coverage. */
export const tppoCoverage: WidgetModel = {
  name: 'tppo-coverage',
  tag: 'pantau-tppo-coverage',
  operation: 'tppo-coverage.graphql',
  attributes: { province: provinceCode },
  variables: ({ own, includeSynthetic }) => ({ level: own.get('province') ? 'REGENCY' : 'PROVINCE', province: own.get('province') || null, includeSynthetic }),
  regionCodes: ({ own }) => (own.get('province') ? [own.get('province') as string] : []),
  picture(answer, { own, language, heading, includeSynthetic }, { regionNames }) {
    const { regions, national } = (answer as Answer).tppoCoverage;
    const shown = regions
      .filter((row) => row.partnerVillages > 0 || row.isPriority)
      .sort((a, b) => Number(b.coverageRatio ?? 0) - Number(a.coverageRatio ?? 0) || a.region.code.localeCompare(b.region.code));
    const reported = [
      { figure: national.reportedPartnerVillages, label: t('partnerVillages', language) },
      { figure: national.reportedPimpasaOfficers, label: t('pimpasa', language) },
    ].flatMap(({ figure, label }) => (figure ? [{ figure, label }] : []));
    const province = own.get('province');
    const rows = shown.map((row) => ({ label: row.region.name, value: Number(row.coverageRatio ?? 0) * 100, group: row.isPriority ? 'highlight' : 'normal' }));
    return {
      title: heading || t('coverageTitle', language),
      subtitle: `${t('national', language)}: ${formatNumber(national.partnerVillages, language)} ${t('partnerVillages', language).toLowerCase()} / ${formatNumber(national.villages, language)} (${formatPercent(national.coverageRatio, language)})`,
      filters: joinFilters([
        province ? `${t('province', language)}: ${regionNames.get(province) ?? province}` : t('allRegions', language),
        `${t('coverage', language)} (%)`,
        includeSynthetic && t('withSynthetic', language),
      ]),
      tiles: reported.map(({ figure, label }) => ({
        value: formatNumber(figure.value, language),
        label: `${label} · ${t('national', language).toLowerCase()}, ${t('reported', language)}`,
      })),
      chart: rows.length ? { spec: 'bars', datasets: { rows }, height: rows.length * BAR_ROW_PX } : null,
      note: rows.length ? null : t('empty', language),
      sources: uniqueSources([...reported.map((r) => r.figure.sources), ...shown.map((row) => row.sources)]),
      synthetic: national.synthetic || shown.some((row) => row.synthetic),
    };
  },
};
