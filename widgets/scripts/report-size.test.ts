import { describe, expect, it } from 'vitest';
import { readmeBlock } from './readme-block.ts';
import { elementTable } from './readme-elements.ts';
import { readmeSizeTable, sizeTable } from './report-size.ts';

// The test run builds the widgets first (test/support/build-widgets.ts), so dist/ is the current build.
describe('the README’s generated tables', () => {
  it('give what a page loads as the current build does (refresh with `pnpm --filter @pantau/widgets size --write`)', () => {
    expect(readmeSizeTable()).toBe(sizeTable());
  });

  it('list the elements as their manifest does (refresh with `pnpm --filter @pantau/widgets readme --write`)', () => {
    expect(readmeBlock('widget-elements')).toBe(elementTable());
  });
});
