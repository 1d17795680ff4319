// Two measures outside the load runs: the first chart drawn on the demo page in Chromium, and the SQL
// statements a nested list sends for 10 and for 100 offices (DataLoader keeps them equal).
import type { Database } from '@pantau/prisma';
import { launchChromium } from '../support/browser.ts';
import { createPantauYoga } from '@pantau/server/yoga';
import { median, RUNS } from './measure.ts';

export async function firstChartMs(base: string): Promise<number> {
  const browser = await launchChromium();
  try {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${base}/`);
      await page.locator('.chart svg .role-mark').first().waitFor({ state: 'attached', timeout: 30_000 });
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    return median(times);
  } finally {
    await browser.close();
  }
}

export async function statementsPerRequest(database: Database): Promise<{ ten: number; hundred: number }> {
  const yoga = createPantauYoga(database, { trace: true });
  const count = async (first: number) => {
    const response = await yoga.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ offices(first: ${first}, filter: { includeSynthetic: true }) { edges { node { code region { name province { name } } observations(limit: 3, includeSynthetic: true) { value metric { key } sources { key } } } } } }`,
      }),
    });
    return ((await response.json()) as { extensions: { trace: { sqlStatements: number } } }).extensions.trace.sqlStatements;
  };
  return { ten: await count(10), hundred: await count(100) };
}
