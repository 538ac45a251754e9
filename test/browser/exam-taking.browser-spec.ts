import { Page } from 'playwright-core';
import { BrowserHarness, describeInBrowser, startBrowserHarness } from '../support/browser';
import { EXAM_FIXTURE_ENV } from '../support/exams';

// The right answer to each short-quiz question, by the type of the question shown.
async function answer(page: Page): Promise<void> {
  const section = page.locator('section.question:visible');
  const type = await section.getAttribute('data-type');
  if (type === 'single') await section.getByLabel('The channel the customer used').check();
  else if (type === 'truefalse') await section.getByLabel('True').check();
  else await section.getByLabel('Your answer').fill('tier 4');
  await section.locator('.saved', { hasText: 'Saved at' }).waitFor();
  await page.getByTestId('save-status').filter({ hasText: 'All answers saved' }).waitFor();
}

describeInBrowser('Taking an exam (browser)', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowserHarness({ env: EXAM_FIXTURE_ENV });
  });
  afterAll(async () => h?.close());

  it('should take a short exam with the timer, navigation and autosave, submit it and review it', async () => {
    const page = await h.newPage();
    await h.signIn(page, 'trainee@academy.local');
    await page.goto('/exams');
    await page.getByRole('link', { name: 'Short quiz' }).click();
    await Promise.all([
      page.waitForURL(/\/exams\/attempts\/[0-9a-f-]+$/),
      page.getByRole('button', { name: 'Start the exam' }).click(),
    ]);
    await expect(page.getByTestId('time-left').textContent()).resolves.toMatch(/^(9|10):\d\d$/);
    const nav = page.getByRole('navigation', { name: 'Questions' });
    await expect(nav.getByRole('link').count()).resolves.toBe(3);
    await expect(page.locator('section.question:visible').count()).resolves.toBe(1);

    for (let i = 0; i < 3; i++) {
      await answer(page);
      if (i < 2)
        await page
          .locator('section.question:visible')
          .getByRole('button', { name: 'Next' })
          .click();
    }
    await expect(nav.locator('a.state-answered').count()).resolves.toBe(3);

    // Saved on the server: a reload shows the answers again.
    await page.reload();
    await nav.getByRole('link', { name: '1', exact: true }).click();
    await expect(
      page.locator('section.question input:checked, section.question input[type=text]').count(),
    ).resolves.toBeGreaterThanOrEqual(2);

    await page.getByRole('button', { name: 'Submit answers' }).click();
    await expect(page.locator('#unanswered-note').textContent()).resolves.toMatch(
      /^Submit your answers/,
    );
    await Promise.all([
      page.waitForURL(/\/result$/),
      page.getByRole('button', { name: 'Yes, submit now' }).click(),
    ]);
    await expect(page.getByTestId('result-percent').textContent()).resolves.toBe('100 %');
    await expect(page.getByTestId('result-verdict').textContent()).resolves.toBe('Passed');

    await Promise.all([
      page.waitForURL(/\/review$/),
      page.getByRole('link', { name: 'Review the answers' }).click(),
    ]);
    await page.getByTestId('review-question').first().waitFor();
    await expect(page.getByTestId('review-question').count()).resolves.toBe(3);
    await expect(page.locator('.badge.good').count()).resolves.toBe(3);
    await page.close();
  });
});
