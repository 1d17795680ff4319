import type { Page } from 'playwright-core';

/** Waits until each chart among `tags` has drawn its marks and each other element has shown its figures. */
export async function waitForWidgets(page: Page, tags: readonly string[], chartTags: readonly string[]): Promise<void> {
  for (const tag of tags) {
    const drawn = chartTags.includes(tag) ? `${tag} .chart svg .role-mark` : `${tag} figure[aria-busy="false"]`;
    await page.locator(drawn).first().waitFor({ state: 'attached', timeout: 45_000 });
  }
}

/** Opens a widget's data table with its button (named in the page's language) and reads it. */
export async function tableText(page: Page, tag: string, showTable: string): Promise<string> {
  const widget = page.locator(tag);
  await widget.getByRole('button', { name: showTable }).click();
  return widget.locator('table').innerText();
}
