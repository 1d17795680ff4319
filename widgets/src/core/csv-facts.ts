import type { Column } from './csv.ts';
import { t, type Language } from './i18n.ts';
import type { SourceRef } from './widget-data.ts';

/** What every exported row says about its own figure, whatever the widget. */
export interface RowFacts {
  unit: string;
  isLowerBound: boolean;
  synthetic: boolean;
  sources: readonly SourceRef[];
}

/** `ANTARA, 2024-11-04: Pimpasa [antara-pimpasa]`: enough to find the source again without the widget. */
const sourceCell = (sources: readonly SourceRef[]) =>
  sources.map((s) => `${s.publisher}${s.publishedOn ? `, ${s.publishedOn.slice(0, 10)}` : ''}: ${s.title} [${s.key}]`).join('; ') || null;

/**
 * The table's columns for CSV plus unit, lower-bound flag, synthetic flag and sources per row, so a
 * file opened alone still says what each figure is and that a synthetic row is not a report.
 */
export function csvColumns<Row>(columns: readonly Column<Row>[], facts: (row: Row) => RowFacts, language: Language): Column<Row>[] {
  const extra: Column<Row>[] = [
    { header: t('unit', language), raw: (row) => facts(row).unit, display: (row) => facts(row).unit },
    { header: t('lowerBoundFlag', language), raw: (row) => facts(row).isLowerBound, display: (row) => t(facts(row).isLowerBound ? 'yes' : 'no', language) },
    { header: t('syntheticFlag', language), raw: (row) => facts(row).synthetic, display: (row) => t(facts(row).synthetic ? 'yes' : 'no', language) },
    { header: t('sources', language), raw: (row) => sourceCell(facts(row).sources), display: (row) => sourceCell(facts(row).sources) ?? '' },
  ];
  const own = new Set(extra.map((column) => column.header));
  return [...columns.filter((column) => !own.has(column.header)), ...extra];
}
