import type { PantauTppoCoverageQuery } from '@pantau/schema';
import { uniqueSources } from '../core/bilingual.ts';
import { formatNumber, formatPercent, t, type Language } from '../core/i18n.ts';
import type { WidgetData } from '../core/widget-data.ts';

/** The answer to schema/operations/tppo-coverage.graphql, typed from the contract. */
export type TppoCoverageAnswer = PantauTppoCoverageQuery;
export type CoverageRow = TppoCoverageAnswer['tppoCoverage']['regions'][number];

export interface CoverageOptions {
  language: Language;
  /** Regencies of a province rather than provinces. */
  byRegency: boolean;
}

/** Every region, zeros included, sorted by coverage (highest first, then by code). */
export function presentCoverage(answer: TppoCoverageAnswer, { language, byRegency }: CoverageOptions): WidgetData<CoverageRow> {
  const { regions, national } = answer.tppoCoverage;
  const shown = [...regions].sort((a, b) => Number(b.coverageRatio ?? 0) - Number(a.coverageRatio ?? 0) || a.region.code.localeCompare(b.region.code));
  const reported = [national.reportedPartnerVillages, national.reportedPimpasaOfficers].flatMap((figure) => (figure ? [figure.sources] : []));
  const count = (value: number | string) => formatNumber(value, language);
  return {
    rows: shown,
    synthetic: national.synthetic || shown.some((row) => row.synthetic),
    // Only sources of figures shown: a region's sources already include its village-count dataset.
    sources: uniqueSources([...reported, ...shown.map((row) => row.sources)]),
    subtitle: `${t('national', language)}: ${count(national.partnerVillages)} ${t('partnerVillages', language).toLowerCase()} / ${count(national.villages)} (${formatPercent(national.coverageRatio, language)})`,
    caption: t('coverageTitle', language),
    columns: [
      { header: t(byRegency ? 'regency' : 'province', language), raw: (row) => row.region.name, display: (row) => row.region.name },
      { header: t('partnerVillages', language), raw: (row) => row.partnerVillages, display: (row) => count(row.partnerVillages), numeric: true },
      { header: t('villages', language), raw: (row) => row.villages, display: (row) => count(row.villages), numeric: true },
      { header: t('coverage', language), raw: (row) => row.coverageRatio, display: (row) => formatPercent(row.coverageRatio, language), numeric: true },
      {
        header: t('pimpasa', language),
        raw: (row) => row.pimpasaOfficers.value,
        display: (row) => (row.pimpasaOfficers.value === null ? t('suppressed', language) : count(row.pimpasaOfficers.value)),
        numeric: true,
      },
      { header: t('pimpasaCoverage', language), raw: (row) => row.pimpasaCoverageRatio, display: (row) => formatPercent(row.pimpasaCoverageRatio, language), numeric: true },
      {
        header: t('tppoActivities', language),
        raw: (row) => row.tppoActivities.value,
        display: (row) => (row.tppoActivities.value === null ? t('suppressed', language) : count(row.tppoActivities.value)),
        numeric: true,
      },
      { header: t('priority', language), raw: (row) => row.isPriority, display: (row) => t(row.isPriority ? 'yes' : 'no', language) },
    ],
  };
}
