/** A widget as a reader sees it once drawn: its chart's marks and the text of its card and data table. */
export interface DrawnWidget {
  readonly tag: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Shapes, bars or points Vega drew (children of `.role-mark` groups). */
  readonly marks: number;
  /** What the card shows: title, tiles, badge, source line. */
  readonly card: string;
  /** The data table's text, after the reader asks for it. */
  readonly table: string;
}

export interface ExpectedDrawing {
  /** At least this many marks. */
  readonly minMarks: number;
  /** Exactly this many marks, when the count is known. */
  readonly marks?: number;
  /** Text the card or the table shows. */
  readonly shows: readonly string[];
  readonly synthetic: boolean;
}

/** The 38 provinces and NTT's 21 regencies and one city (idn-area-data 4.0.1). */
const provinces = 38;
const nttRegencies = 22;

/**
 * What each widget must show on a freshly seeded server, in Bahasa Indonesia, worked out from the
 * articles (README, "Data sources and licences") and the small synthetic scale (200 partner villages).
 * A widget not listed here must still draw something.
 */
export function expectedDrawing(widget: Pick<DrawnWidget, 'tag' | 'attributes'>): ExpectedDrawing {
  const synthetic = 'include-synthetic' in widget.attributes;
  const province = widget.attributes.province;
  switch (widget.tag) {
    case 'pantau-campaign-totals':
      // Hari Bakti Imigrasi ke-76: more than 500 donors, 20,000 seedlings, 18 new offices, 5,000 sembako packages.
      return { minMarks: 1, shows: ['lebih dari 500', '20.000', '18', '5.000', 'Sumber: ANTARA'], synthetic };
    case 'pantau-metric-chart':
      // NTT 2025: 7,150 ordinary + 14,213 electronic passports, 21,363 in all; one bar each.
      return { minMarks: 2, marks: 2, shows: ['21.363', '7.150', '14.213', 'Paspor biasa', 'Paspor elektronik'], synthetic };
    case 'pantau-tppo-coverage': {
      const rows = province === '53' ? nttRegencies : provinces;
      // The ministry reported 125 partner villages and 146 Pimpasa officers; the register holds the
      // 200 synthetic villages only when they are asked for.
      const place = province === '53' ? 'Kota Kupang' : 'Nusa Tenggara Timur';
      return { minMarks: rows, marks: rows, shows: ['125', '146', place, synthetic ? 'Nasional: 200 desa binaan' : 'Nasional: 0 desa binaan'], synthetic };
    }
    case 'pantau-desa-binaan-map':
      return { minMarks: province === '53' ? nttRegencies : provinces, shows: ['125', '146', 'Nusa Tenggara Timur'], synthetic };
    case 'pantau-metric-tile':
      // One number, no chart; the README's element is written without a metric, so no figure is promised.
      return { minMarks: 0, shows: widget.attributes.metric === 'passports_issued' && widget.attributes.region === '53' ? ['21.363'] : [], synthetic };
    default:
      return { minMarks: 1, shows: [], synthetic };
  }
}
