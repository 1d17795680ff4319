/** Text for an SVG's content and quoted attributes; numeric references, which every XML reader knows. */
export const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Splits `text` into lines of at most `width` pixels by an average glyph width, `glyphEm` of the font
 * size (no font metrics needed: the pictures are drawn without a DOM).
 */
export function wrapText(text: string, width: number, fontSize: number, glyphEm: number): string[] {
  const perLine = Math.max(10, Math.floor(width / (fontSize * glyphEm)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
