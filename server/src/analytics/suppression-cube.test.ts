import { describe, expect, it } from 'vitest';
import { recoverByDifferencing, type Equation } from './differencing-attack.ts';
import { SuppressionCube } from './suppression-cube.ts';

// Regency × office: NTT (53) 20 + 8 + 3 = 31; office B also reports 40 in NTB (52), 71 in all.
const leaves = [
  { name: '53.01/A', place: ['*', '53', '53.01'], office: 'A', value: 20 },
  { name: '53.02/B', place: ['*', '53', '53.02'], office: 'B', value: 8 },
  { name: '53.71/C', place: ['*', '53', '53.71'], office: 'C', value: 3 },
  { name: '52.71/B', place: ['*', '52', '52.71'], office: 'B', value: 40 },
];
const cube = new SuppressionCube(
  leaves.map((leaf) => ({ paths: [leaf.place, ['*', leaf.office]], value: String(leaf.value) })),
  5,
);

/** Every figure anyone can ask for: each place node (country, province, regency) by each office node (all, or one). */
function everyFigure(): { leaves: number[]; value: number }[] {
  const places = [...new Set(leaves.flatMap((leaf) => leaf.place))];
  const offices = ['*', ...new Set(leaves.map((leaf) => leaf.office))];
  return places.flatMap((place) =>
    offices.flatMap((office) => {
      const inside = leaves.flatMap((leaf, i) => (leaf.place.includes(place) && (office === '*' || leaf.office === office) ? [i] : []));
      return inside.length > 0 ? [{ leaves: inside, value: inside.reduce((sum, i) => sum + (leaves[i]?.value ?? 0), 0) }] : [];
    }),
  );
}

describe('a suppression cube', () => {
  it('hides the small cell and so much more that no figure anyone can ask for gives it away', () => {
    expect(cube.ruleOf([2])).toBe('BELOW_THRESHOLD');
    const shownFigures = everyFigure().filter((figure) => cube.ruleOf(figure.leaves) === null);
    const equations: Equation[] = shownFigures.map((figure) => ({ cells: figure.leaves.map((i) => leaves[i]?.name ?? ''), value: figure.value }));
    const hidden = leaves.filter((_, i) => cube.ruleOf([i]) !== null).map((leaf) => leaf.name);
    expect(hidden).toContain('53.71/C');
    expect(recoverByDifferencing(equations, new Map(), hidden)).toEqual({});
    // The control: suppressed as a table of regencies alone (3 and, as complement, 8 hidden), the
    // office totals would give both away: B's 48 less its 40, then NTT's 31 less 20 and 8.
    const regencyTableOnly = new Map([
      ['53.01/A', 20],
      ['52.71/B', 40],
    ]);
    const published: Equation[] = [
      { cells: ['53.01/A', '53.02/B', '53.71/C'], value: 31 },
      { cells: ['53.02/B', '52.71/B'], value: 48 },
    ];
    expect(recoverByDifferencing(published, regencyTableOnly, ['53.02/B', '53.71/C'])).toEqual({ '53.02/B': 8, '53.71/C': 3 });
  });
});
