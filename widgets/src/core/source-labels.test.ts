import { describe, expect, it } from 'vitest';
import { barLabel, barLabels } from './bar-labels.ts';
import { sourceLabels } from './source-labels.ts';

const article = (key: string, title: string, publishedOn: string | null = '2026-01-20') => ({ key, publisher: 'ANTARA', title, publishedOn, url: null, kind: 'NEWS_ARTICLE' });

describe('source line and bar labels', () => {
  it('names each article once: by publisher and date, and by its title when two would read the same', () => {
    const sources = [article('a', 'Sembako HBI 76'), article('b', 'Donor darah HBI 76'), article('c', 'Paspor NTT', '2026-01-26'), article('d', 'Sembako HBI 76')];
    // `d` records the same article as `a` (publisher, day and title): named once.
    expect(sourceLabels(sources, 'id').map(({ source, label }) => [source.key, label])).toEqual([
      ['a', 'ANTARA, 20 Jan 2026: “Sembako HBI 76”'],
      ['b', 'ANTARA, 20 Jan 2026: “Donor darah HBI 76”'],
      ['c', 'ANTARA, 26 Jan 2026'],
    ]);
  });

  it('gives a name no short form helps a third line rather than an ellipsis, and taller rows', () => {
    expect(barLabel('Pengayoman Polytechnic of Indonesia', 17)).toEqual(['Pengayoman', 'Polytechnic of', 'Indonesia']);
    expect(barLabels(['Pengayoman Polytechnic of Indonesia', 'Kanim Kupang'], 286)).toEqual({
      labels: ['Pengayoman\nPolytechnic of\nIndonesia', 'Kanim Kupang'],
      labelLimit: 114,
      lines: 3,
    });
  });
});
