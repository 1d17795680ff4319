// Prints the README's element table from the custom-elements manifest; `--write` puts it into the
// README, which a test compares with the built manifest. Run after `build`.
import { fileURLToPath } from 'node:url';
import { readmeElementTable } from '../src/docs/catalogue.ts';
import { builtWidgetDocs } from './manifest.ts';
import { writeReadmeBlock } from './readme-block.ts';

export const elementTable = () => readmeElementTable(builtWidgetDocs());

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const table = elementTable();
  console.log(table);
  if (process.argv.includes('--write')) {
    writeReadmeBlock('widget-elements', table);
    console.log('README.md updated');
  }
}
