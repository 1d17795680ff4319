// Copies the screenshots the browser test `test/e2e/widget-publishing.test.ts` wrote to
// test-results/screenshots/ into widgets/src/docs/screenshots/, where they are committed: a fresh
// clone's `pnpm start` has no test results, and its docs pages still show every widget.
// Run after that test: `pnpm docs:screenshots`.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { docsScreenshotModes, docsScreenshotsDir } from './docs-screenshot-files.ts';
import { widgetEntries } from './widget-folders.ts';

const results = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
mkdirSync(docsScreenshotsDir, { recursive: true });
const missing: string[] = [];
for (const { tag } of widgetEntries()) {
  for (const mode of docsScreenshotModes) {
    const name = `${tag.replace('pantau-', '')}-${mode.name}.png`;
    if (existsSync(`${results}${name}`)) copyFileSync(`${results}${name}`, `${docsScreenshotsDir}${name}`);
    else missing.push(name);
  }
}
if (missing.length) {
  console.error(`Not in test-results/screenshots/ (run test/e2e/widget-publishing.test.ts first): ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`Copied ${widgetEntries().length * docsScreenshotModes.length} screenshots to widgets/src/docs/screenshots/`);
