import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, headless; Playwright's own browser download is not available here. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.PANTAU_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
