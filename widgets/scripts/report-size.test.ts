import { describe, expect, it } from 'vitest';
import { readmeSizeTable, sizeTable } from './report-size.ts';

// The test run builds the widgets first (test/support/build-widgets.ts), so dist/ is the current build.
describe('the README’s table of what a page loads', () => {
  it('is the one the current build gives (refresh it with `pnpm --filter @pantau/widgets size --write`)', () => {
    expect(readmeSizeTable()).toBe(sizeTable());
  });
});
