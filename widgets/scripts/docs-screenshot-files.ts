import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Committed screenshots the docs pages show, taken by the publishing browser test. */
export const docsScreenshotsDir = fileURLToPath(new URL('../src/docs/screenshots/', import.meta.url));

/** The modes shown on a widget's docs page: both themes, both languages, both widths between them. */
export const docsScreenshotModes = [
  { name: 'light-id-1280', caption: 'Light host page, Bahasa Indonesia, 1280 px' },
  { name: 'dark-en-320', caption: 'Dark host page (data-theme="dark"), English, 320 px' },
] as const;

/** The screenshots of `tag` that exist, as file names under `screenshots/`. */
export function screenshotsOf(tag: string): { file: string; caption: string }[] {
  return docsScreenshotModes
    .map((mode) => ({ file: `${tag.replace('pantau-', '')}-${mode.name}.png`, caption: mode.caption }))
    .filter(({ file }) => existsSync(`${docsScreenshotsDir}${file}`));
}
