import type { Spec } from 'vega';
import type { BarLabels } from './bar-labels.ts';

type Axis = NonNullable<Spec['axes']>[number];

export interface BarAxes {
  labels: BarLabels;
  /** Title of the value axis, with its unit (`Cakupan desa (%)`). */
  valueTitle?: string;
  /** Appended to each value label (`%`). */
  valueSuffix?: string;
}

/** Row height of the bar charts: 24 px for one-line labels, 12 px more for each further line. */
export const barRowPx = (labels: BarLabels) => 12 + 12 * labels.lines;

/**
 * `specs/bars.vl.json` compiled, with its label column sized to the chart, two-line labels, and a
 * value axis that names its unit. A copy: the imported spec is shared by every chart on the page.
 */
export function barSpec(compiled: Spec, { labels, valueTitle, valueSuffix }: BarAxes): Spec {
  const axes = (compiled.axes ?? []).map((axis): Axis => {
    if (axis.orient === 'left') {
      return { ...axis, labelLimit: labels.labelLimit, labelLineHeight: 14, encode: { labels: { update: { text: { signal: "split(datum.value, '\\n')" } } } } };
    }
    if (axis.orient === 'bottom' && axis.labels !== false) {
      return {
        ...axis,
        ...(valueTitle ? { title: valueTitle, titleFontWeight: 'normal', titlePadding: 6 } : {}),
        ...(valueSuffix ? { encode: { labels: { update: { text: { signal: `datum.label + ${JSON.stringify(valueSuffix)}` } } } } } : {}),
      };
    }
    return axis;
  });
  return { ...compiled, axes } as Spec;
}
