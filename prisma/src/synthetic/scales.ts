import type { OfficeType } from '../../generated/enums.ts';

export type ScaleName = 'small' | 'medium' | 'large';

export interface Scale {
  /** Share of regencies that get the per-regency units; provincial capitals always do. */
  readonly regencyShare: number;
  /** How many units of each type a chosen regency gets. */
  readonly unitsPerRegency: Readonly<Partial<Record<OfficeType, number>>>;
  readonly partnerVillages: number;
  readonly firstMonth: string;
  readonly months: number;
}

const fourYears = { firstMonth: '2023-01', months: 48 } as const;

export const scales: Readonly<Record<ScaleName, Scale>> = {
  small: {
    regencyShare: 0,
    unitsPerRegency: { IMMIGRATION_OFFICE: 1, PRISON: 1, DETENTION_HOUSE: 1 },
    partnerVillages: 200,
    ...fourYears,
  },
  medium: {
    regencyShare: 0.5,
    unitsPerRegency: { IMMIGRATION_OFFICE: 1, PRISON: 1, DETENTION_HOUSE: 1, PAROLE_OFFICE: 1 },
    partnerVillages: 2_000,
    ...fourYears,
  },
  large: {
    regencyShare: 1,
    unitsPerRegency: { IMMIGRATION_OFFICE: 1, PRISON: 2, DETENTION_HOUSE: 1, PAROLE_OFFICE: 1 },
    partnerVillages: 20_000,
    ...fourYears,
  },
};

export function isScaleName(value: string): value is ScaleName {
  return Object.hasOwn(scales, value);
}
