import type { Language } from '../words/language.ts';
import { choroplethT, type ChoroplethLabelKey } from './labels.ts';

/** The figures `color-by` can shade the regions by, as the attribute names them. */
export const colorByValues = ['partner-villages', 'coverage-ratio', 'pimpasa-officers', 'tppo-activities'] as const;
export type ColorBy = (typeof colorByValues)[number];

export function colorByOf(value: string | null | undefined): ColorBy | null {
  return colorByValues.find((name) => name === value) ?? null;
}

const colorByLabels: Record<ColorBy, ChoroplethLabelKey> = {
  'partner-villages': 'colorByPartnerVillages',
  'coverage-ratio': 'colorByCoverageRatio',
  'pimpasa-officers': 'colorByPimpasaOfficers',
  'tppo-activities': 'colorByTppoActivities',
};

export function figureName(colorBy: ColorBy, language: Language): string {
  return choroplethT(colorByLabels[colorBy], language);
}

/** The legend's title: the figure and the regions it is counted over. */
export function legendTitle(colorBy: ColorBy, regencies: boolean, language: Language): string {
  return `${figureName(colorBy, language)} ${choroplethT(regencies ? 'perRegency' : 'perProvince', language)}`;
}
