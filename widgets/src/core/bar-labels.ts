/**
 * Labels for horizontal bars that never cut a name into nonsense: a name that does not fit is
 * wrapped onto two lines, then shortened the way the ministry shortens it (Kanim, Kanwil, NTT), then
 * given a third line, and only then ended with an ellipsis at a word. The full name stays in the tooltip and the table.
 */
const shortForms: [RegExp, string][] = [
  [/\bKantor Wilayah\b/g, 'Kanwil'],
  [/\bKantor Imigrasi\b/g, 'Kanim'],
  [/\bDirektorat Jenderal Imigrasi\b/g, 'Ditjenim'],
  [/\bDirektorat Jenderal Pemasyarakatan\b/g, 'Ditjenpas'],
  [/\bDirektorat Jenderal\b/g, 'Ditjen'],
  [/\bNusa Tenggara Timur\b/g, 'NTT'],
  [/\bNusa Tenggara Barat\b/g, 'NTB'],
  [/\bDaerah Khusus Ibukota\b/g, 'DKI'],
  [/\bDaerah Istimewa\b/g, 'DI'],
  [/\bKepulauan\b/g, 'Kep.'],
  [/\bKabupaten\b/g, 'Kab.'],
  [/\bImmigration Office\b/g, 'Imm. Office'],
  [/\bRegional Office of\b/g, 'Reg. Office,'],
  [/\bEast Nusa Tenggara\b/g, 'E. Nusa Tenggara'],
  [/\bWest Nusa Tenggara\b/g, 'W. Nusa Tenggara'],
];

export const abbreviate = (name: string) => shortForms.reduce((text, [long, short]) => text.replace(long, short), name);

/** Words of `text` on lines of at most `perLine` characters; a single longer word keeps its own line. */
function wrapWords(text: string, perLine: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= perLine) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** At most three lines for `name` within `perLine` characters each, shortened only when two lines cannot hold it. */
export function barLabel(name: string, perLine: number): string[] {
  const fits = (lines: string[], most: number) => lines.length <= most && lines.every((line) => line.length <= perLine);
  const full = wrapWords(name, perLine);
  if (fits(full, 2)) return full;
  const short = wrapWords(abbreviate(name), perLine);
  if (fits(short, 2)) return short;
  // No short form helps (`Pengayoman Polytechnic of Indonesia`): a third line rather than an ellipsis.
  if (fits(full, 3)) return full;
  if (fits(short, 3)) return short;
  const [first = '', ...rest] = short;
  const words = rest.join(' ').split(' ');
  let second = '';
  for (const word of words) if (`${second} ${word}…`.trim().length <= perLine) second = `${second} ${word}`.trim();
  return [first.slice(0, perLine), `${second || rest.join(' ').slice(0, perLine - 1)}…`];
}

export interface BarLabels {
  /** One label per name, lines joined by `\n` (the spec splits them); unique as the names are. */
  labels: string[];
  /** Pixels the label column may take. */
  labelLimit: number;
  /** Lines of the longest label (the rows are taller for two or three). */
  lines: number;
}

/** Labels for the bars of a chart `width` pixels wide: the label column takes at most two fifths of it. */
export function barLabels(names: readonly string[], width: number): BarLabels {
  const labelLimit = Math.round(Math.min(200, Math.max(96, width * 0.4)));
  const perLine = Math.floor(labelLimit / 6.6);
  let labels = names.map((name) => barLabel(name, perLine).join('\n'));
  // Two names shortened to the same label would merge into one bar: keep their full names then.
  if (new Set(labels).size < new Set(names).size) labels = [...names];
  return { labels, labelLimit, lines: Math.max(1, ...labels.map((label) => label.split('\n').length)) };
}
