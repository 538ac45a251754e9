import { BrowserHarness, describeInBrowser, startBrowserHarness } from '../support/browser';

describeInBrowser('Scoring workbench (browser)', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => h?.close());

  it('should score a typed reply and highlight what helped and what hurt', async () => {
    const page = await h.newPage();
    await h.signIn(page, 'trainer@academy.local');
    await page.goto('/scoring');
    await page.getByLabel('Rubric').selectOption('billing-complaint');
    await page
      .getByLabel('Reply', { exact: true })
      .fill("I'm really sorry about the double charge. Calm down, I'll refund it today.");
    await page.getByRole('button', { name: 'Score this reply' }).click();
    await page.getByTestId('score-report').waitFor({ state: 'visible' });
    await expect(page.locator('#highlighted mark.helped').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('#highlighted mark.hurt').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('#overall').textContent()).resolves.toMatch(/^\d+$/);
    await page.close();
  });
});
