import { formatNumber, formatPercent } from '../words/format.ts';
import type { Language } from '../words/language.ts';
import type { ColorBy } from './color-by.ts';
import { choroplethT } from './labels.ts';

/** A legend entry and the regions it shades: `percent` of the accent colour, or null for "no data" (drawn muted). */
export interface ShadeClass {
  label: string;
  /** Percent of the accent colour, also the legend swatch's class (`shade-<percent>`). */
  percent: number | null;
  contains: (value: number | null) => boolean;
}

const ramps: Record<number, number[]> = { 1: [90], 2: [45, 90], 3: [35, 60, 90], 4: [30, 50, 70, 90] };
const ZERO_PERCENT = 5;

/** The smallest of 1, 2, 2.5 and 5 times a power of ten at or above `x`. */
function niceStep(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= x - 1e-12) ?? 10) * power;
}

/** Zero, up to four classes of equal, round width up to the largest figure, and "no data". */
export function shadeClasses(values: readonly (number | null)[], colorBy: ColorBy, language: Language): ShadeClass[] {
  const ratio = colorBy === 'coverage-ratio';
  const max = Math.max(0, ...values.filter((v): v is number => v !== null));
  const show = (v: number) => (ratio ? formatPercent(v, language) : formatNumber(v, language));
  const classes: ShadeClass[] = [{ label: show(0), percent: ZERO_PERCENT, contains: (v) => v === 0 }];
  if (max > 0) {
    const step = ratio ? niceStep(max / 4) : Math.max(1, Math.ceil(niceStep(max / 4)));
    const count = Math.min(4, Math.ceil(max / step - 1e-9));
    const percents = ramps[count] ?? [];
    for (let i = 0; i < count; i++) {
      const lo = i * step;
      const hi = i === count - 1 ? Math.max(max, (i + 1) * step) : (i + 1) * step;
      const label = ratio ? `${i === 0 ? '> ' : ''}${show(lo)}–${show(hi)}` : lo + 1 === hi ? show(hi) : `${show(lo + 1)}–${show(hi)}`;
      classes.push({ label, percent: percents[i] ?? 90, contains: (v) => v !== null && v > lo && v <= hi });
    }
  }
  classes.push({ label: choroplethT('noData', language), percent: null, contains: (v) => v === null });
  return classes;
}
