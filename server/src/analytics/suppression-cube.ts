import { add, compare } from './exact-decimal.ts';
import { belowThreshold, type SuppressionRule } from './suppression.ts';

/** One finest cell of a table: its value and, per dimension, the path from the top node down to it (`['*', '53', '53.02']`). */
export interface CubeLeaf {
  paths: readonly (readonly string[])[];
  value: string;
}

/** A total and the parts it adds up to along one dimension (a province and its regencies); cells as ids. */
interface Line {
  total: number;
  parts: number[];
}

/**
 * A table with every subtotal it implies (each dimension's nodes: a province over its regencies, all
 * offices over each office, a year over its quarters and months), suppressed as one: a table of
 * finest cells alone would let a subtotal no line of it holds (NTT over its regencies, with the
 * offices as a second dimension) give a cell away. Cells adding up the same finest cells are one
 * cell, so a figure is hidden everywhere or nowhere. Primary cells are the small ones; then every
 * line with a hidden cell holds at least two, and when its total is shown the hidden parts are worth
 * at least the threshold; the smallest parts go first, the total last.
 */
export class SuppressionCube {
  readonly #support: number[][] = [];
  readonly #values: string[] = [];
  readonly #cellOfSupport = new Map<string, number>();
  readonly #cellsOfLeaf: Set<number>[];
  readonly #linesOfPart = new Map<number, Line[]>();
  readonly #hidden: (SuppressionRule | null)[];

  constructor(leaves: readonly CubeLeaf[], threshold: number) {
    this.#cellsOfLeaf = leaves.map(() => new Set<number>());
    const positions = new Map<string, { depths: number[]; nodes: string[]; leaves: number[] }>();
    leaves.forEach((leaf, index) => {
      for (const depths of everyDepth(leaf.paths.map((path) => path.length))) {
        const nodes = depths.map((depth, d) => leaf.paths[d]?.[depth] ?? '');
        const key = JSON.stringify(nodes);
        const position = positions.get(key) ?? { depths, nodes, leaves: [] };
        position.leaves.push(index);
        positions.set(key, position);
      }
    });
    const cellAt = new Map<string, number>();
    for (const [key, position] of positions) {
      const supportKey = position.leaves.join(',');
      let cell = this.#cellOfSupport.get(supportKey);
      if (cell === undefined) {
        cell = this.#support.length;
        this.#support.push(position.leaves);
        this.#values.push(position.leaves.reduce((sum, leaf) => add(sum, leaves[leaf]?.value ?? '0'), '0'));
        this.#cellOfSupport.set(supportKey, cell);
        for (const leaf of position.leaves) this.#cellsOfLeaf[leaf]?.add(cell);
      }
      cellAt.set(key, cell);
    }
    const lines = new Map<string, { total: number; parts: Set<number> }>();
    for (const [key, position] of positions) {
      const cell = cellAt.get(key) as number;
      position.depths.forEach((depth, d) => {
        if (depth === 0) return;
        const parentNodes = [...position.nodes];
        parentNodes[d] = leaves[position.leaves[0] as number]?.paths[d]?.[depth - 1] ?? '';
        const parentKey = JSON.stringify(parentNodes);
        const line = lines.get(`${d}|${parentKey}`) ?? { total: cellAt.get(parentKey) as number, parts: new Set<number>() };
        line.parts.add(cell);
        lines.set(`${d}|${parentKey}`, line);
      });
    }
    const distinct = new Map<string, Line>();
    for (const { total, parts } of lines.values()) {
      if (parts.size < 2) continue;
      const line = { total, parts: [...parts].sort((a, b) => a - b) };
      distinct.set(`${total}|${line.parts.join(',')}`, line);
    }
    for (const line of distinct.values()) {
      for (const part of line.parts) {
        const ofPart = this.#linesOfPart.get(part);
        if (ofPart) ofPart.push(line);
        else this.#linesOfPart.set(part, [line]);
      }
    }
    this.#hidden = this.#suppress([...distinct.values()], threshold);
  }

  #suppress(lines: readonly Line[], threshold: number): (SuppressionRule | null)[] {
    const hidden: (SuppressionRule | null)[] = this.#values.map((value) => (belowThreshold(value, threshold) ? 'BELOW_THRESHOLD' : null));
    const value = (cell: number) => this.#values[cell] ?? '0';
    let changed = hidden.some(Boolean);
    while (changed) {
      changed = false;
      for (const { total, parts } of lines) {
        const hiddenParts = parts.filter((part) => hidden[part]);
        if (hiddenParts.length === 0 && !hidden[total]) continue;
        let count = hiddenParts.length + (hidden[total] ? 1 : 0);
        let sum = hiddenParts.reduce((s, part) => add(s, value(part)), '0');
        const exposed = () => count < 2 || (!hidden[total] && compare(sum, String(threshold)) < 0);
        if (!exposed()) continue;
        const shown = parts.filter((part) => !hidden[part]).sort((a, b) => compare(value(a), value(b)) || a - b);
        // A hidden total with every part shown is their sum: two parts go.
        while (exposed() && shown.length > 0) {
          const next = shown.shift() as number;
          hidden[next] = 'COMPLEMENTARY';
          count += 1;
          sum = add(sum, value(next));
          changed = true;
        }
        if (exposed() && !hidden[total]) {
          hidden[total] = 'COMPLEMENTARY';
          changed = true;
        }
      }
    }
    return hidden;
  }

  /**
   * The rule for the sum of some finest cells (`leaves`, by index): a cell's own when they are one
   * cell; else shown when the largest cells they are made of are all shown, or are parts of one line
   * whose total and other parts are shown (so the sum is a difference of shown figures).
   */
  ruleOf(leaves: readonly number[]): SuppressionRule | null {
    if (leaves.length === 0) return null;
    const sorted = [...leaves].sort((a, b) => a - b);
    const exact = this.#cellOfSupport.get(sorted.join(','));
    if (exact !== undefined) return this.#hidden[exact] ?? null;
    const wanted = new Set(sorted);
    const inside = new Set<number>();
    for (const leaf of sorted) for (const cell of this.#cellsOfLeaf[leaf] ?? []) if ((this.#support[cell] ?? []).every((l) => wanted.has(l))) inside.add(cell);
    const covered = new Set<number>();
    const cover: number[] = [];
    for (const cell of [...inside].sort((a, b) => (this.#support[b]?.length ?? 0) - (this.#support[a]?.length ?? 0))) {
      const support = this.#support[cell] ?? [];
      if (support.some((leaf) => covered.has(leaf))) continue;
      cover.push(cell);
      for (const leaf of support) covered.add(leaf);
    }
    if (cover.every((cell) => !this.#hidden[cell])) return null;
    const mine = new Set(cover);
    const differenceOfShown = (this.#linesOfPart.get(cover[0] as number) ?? []).some(
      (line) => !this.#hidden[line.total] && cover.every((cell) => line.parts.includes(cell)) && line.parts.every((part) => mine.has(part) || !this.#hidden[part]),
    );
    return differenceOfShown ? null : 'COMPLEMENTARY';
  }
}

/** Every choice of one depth per dimension, for paths of these lengths. */
function* everyDepth(lengths: readonly number[]): Generator<number[]> {
  if (lengths.length === 0) {
    yield [];
    return;
  }
  const [first = 1, ...rest] = lengths;
  for (const tail of everyDepth(rest)) for (let depth = 0; depth < first; depth++) yield [depth, ...tail];
}
