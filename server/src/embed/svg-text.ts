import { wrapText } from '@pantau/schema/words';

export { escapeXml } from '@pantau/schema/words';

/** The average glyph width of the picture font (DejaVu Sans), in ems. */
export const glyphEm = 0.58;

/** Splits `text` into lines of at most `width` pixels of the picture font. */
export const wrap = (text: string, width: number, fontSize: number) => wrapText(text, width, fontSize, glyphEm);
