/** A published total: the cells it adds up, and its value. */
export interface Equation {
  cells: readonly string[];
  value: number;
}

/**
 * The attack the suppression tests make: every published total is an equation over the cells, the
 * shown cells are known, and any hidden cell that some combination of the equations pins down is
 * recovered (Gauss-Jordan elimination; a hidden cell is recovered when its row in the reduced system
 * involves no cell left free). Returns each recovered cell with its value.
 */
export function recoverByDifferencing(equations: readonly Equation[], shown: ReadonlyMap<string, number>, hidden: readonly string[]): Record<string, number> {
  const rows = equations.map((eq) => [...hidden.map((cell) => (eq.cells.includes(cell) ? 1 : 0)), eq.value - eq.cells.reduce((sum, cell) => sum + (shown.get(cell) ?? 0), 0)]);
  const width = hidden.length;
  const pivots: number[] = [];
  let rank = 0;
  for (let column = 0; column < width && rank < rows.length; column++) {
    const found = rows.findIndex((row, i) => i >= rank && Math.abs(row[column] ?? 0) > 1e-9);
    if (found < 0) continue;
    [rows[rank], rows[found]] = [rows[found] as number[], rows[rank] as number[]];
    const pivot = rows[rank] as number[];
    const scale = pivot[column] as number;
    for (let k = 0; k <= width; k++) pivot[k] = (pivot[k] as number) / scale;
    for (const [i, row] of rows.entries()) {
      if (i === rank) continue;
      const factor = row[column] as number;
      if (factor !== 0) for (let k = 0; k <= width; k++) row[k] = (row[k] as number) - factor * (pivot[k] as number);
    }
    pivots.push(column);
    rank += 1;
  }
  const recovered: Record<string, number> = {};
  pivots.forEach((column, r) => {
    const row = rows[r] as number[];
    const free = row.slice(0, width).some((coefficient, k) => k !== column && Math.abs(coefficient) > 1e-9);
    if (!free) recovered[hidden[column] as string] = Math.round((row[width] as number) * 1e6) / 1e6;
  });
  return recovered;
}
