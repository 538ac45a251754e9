import { existsSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { Browser, chromium, Page } from 'playwright-core';
import { createTestApp, DEMO_PASSWORD, TestApp } from './test-app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM);

/** `describe` when Chromium is installed; otherwise the suite is skipped with a loud notice. */
export function describeInBrowser(name: string, body: () => void): void {
  if (chromiumAvailable) {
    describe(name, body);
    return;
  }
  process.stderr.write(
    `\n*** BROWSER TESTS SKIPPED: "${name}" needs Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH). .ci/run installs it. ***\n\n`,
  );
  describe.skip(name, body);
}

/** How wide the page is laid out, in CSS pixels: wider than the viewport means it scrolls sideways. */
export function pageWidth(page: Page): Promise<number> {
  return page.locator('html').evaluate((html: { scrollWidth: number }) => html.scrollWidth);
}

export interface BrowserHarness {
  t: TestApp;
  browser: Browser;
  baseUrl: string;
  newPage(): Promise<Page>;
  signIn(page: Page, email: string): Promise<void>;
  close(): Promise<void>;
}

/** The real app on a loopback port and a headless Chromium driving it. */
export async function startBrowserHarness(
  options: Parameters<typeof createTestApp>[0] = {},
): Promise<BrowserHarness> {
  const t = await createTestApp(options);
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    t,
    browser,
    baseUrl,
    async newPage() {
      const page = await browser.newPage({ baseURL: baseUrl });
      page.setDefaultTimeout(10000);
      return page;
    },
    async signIn(page, email) {
      await page.goto('/login');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/'),
        page.getByRole('button', { name: 'Sign in' }).click(),
      ]);
    },
    async close() {
      await browser.close();
      await t.close();
    },
  };
}
