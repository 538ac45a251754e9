import { BrowserHarness, describeInBrowser, startBrowserHarness } from '../support/browser';
import {
  certificationContent,
  QUIZ_CERTIFICATE,
  recordActivity,
  userId,
} from '../e2e/certifications/certification-fixture';

// Certificates carry PUBLIC_URL; the browser reaches it through a route to the test server.
const PUBLIC_URL = 'https://verify.academy.test';

describeInBrowser('My certificates and the verification link (browser)', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowserHarness({
      env: {
        CONTENT_DIR: certificationContent({ 'quiz-certificate': QUIZ_CERTIFICATE }),
        PUBLIC_URL,
      },
    });
    await recordActivity(h.t, {
      userId: await userId(h.t, 'trainee@academy.local'),
      kind: 'exam',
      id: 'short-quiz',
    });
  });
  afterAll(async () => h?.close());

  it('should open My certificates from the menu and follow the verification link', async () => {
    const page = await h.newPage();
    const scriptErrors: string[] = [];
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    await page.route(`${PUBLIC_URL}/**`, async (route) => {
      const url = new URL(route.request().url());
      const response = await route.fetch({ url: `${h.baseUrl}${url.pathname}${url.search}` });
      await route.fulfill({ response });
    });
    await h.signIn(page, 'trainee@academy.local');

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'My certificates' })
      .click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'My certificates',
    );
    const row = page.getByTestId('certificates').locator('tr[data-programme="quiz-certificate"]');
    await expect(row.textContent()).resolves.toContain('Active');
    await expect(row.textContent()).resolves.toContain('2027-11-23');

    await row.getByRole('link', { name: 'Verification page' }).click();
    await page.waitForURL(
      (url) => url.origin === PUBLIC_URL && url.pathname.startsWith('/verify/'),
    );
    const card = page.getByTestId('verification');
    await expect(card.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Valid certificate',
    );
    await expect(page.getByTestId('holder').textContent()).resolves.toBe('Tara Trainee');
    await expect(page.getByTestId('programme').textContent()).resolves.toBe('Quiz certificate');
    await expect(page.getByTestId('status').textContent()).resolves.toBe('Active');
    await expect(page.content()).resolves.not.toContain('trainee@academy.local');
    expect(scriptErrors).toEqual([]);
  });
});
