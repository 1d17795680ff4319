import { formatNumber, formatPercent } from '../words/format.ts';
import { t } from '../words/labels.ts';
import type { Language } from '../words/language.ts';
import type { ColorBy } from './color-by.ts';
import { choroplethT } from './labels.ts';

interface ReportedFigure {
  value: string | null;
  isLowerBound: boolean;
  observationCount: number;
}

/** The fields of a `tppoCoverage` row a shade is read from. */
export interface CoverageFigures {
  partnerVillages: number;
  coverageRatio: string | null;
  pimpasaOfficers: ReportedFigure;
  tppoActivities: ReportedFigure;
}

/** One region's figure: `value` null is "no data" (no row, no villages to divide by, nothing reported), never zero. */
export interface RegionFigure {
  value: number | null;
  text: string;
}

export function figureOf(row: CoverageFigures | undefined, colorBy: ColorBy, language: Language): RegionFigure {
  const noData = { value: null, text: choroplethT('noData', language) };
  if (!row) return noData;
  if (colorBy === 'partner-villages') return { value: row.partnerVillages, text: formatNumber(row.partnerVillages, language) };
  if (colorBy === 'coverage-ratio') return row.coverageRatio === null ? noData : { value: Number(row.coverageRatio), text: formatPercent(row.coverageRatio, language) };
  const reported = colorBy === 'pimpasa-officers' ? row.pimpasaOfficers : row.tppoActivities;
  if (reported.observationCount === 0 || reported.value === null) return noData;
  return { value: Number(reported.value), text: `${reported.isLowerBound ? `${t('lowerBound', language)} ` : ''}${formatNumber(reported.value, language)}` };
}
