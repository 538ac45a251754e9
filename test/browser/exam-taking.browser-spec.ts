import { Page } from 'playwright-core';
import {
  BrowserHarness,
  describeInBrowser,
  pageWidth,
  startBrowserHarness,
} from '../support/browser';
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

  it('should fit a matching question on a 390 px phone screen', async () => {
    const page = await h.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await h.signIn(page, 'trainee@academy.local');
    await page.goto('/exams/all-types');
    await Promise.all([
      page.waitForURL(/\/exams\/attempts\/[0-9a-f-]+$/),
      page.getByRole('button', { name: 'Start the exam' }).click(),
    ]);
    const matching = page.locator('section.question[data-type="matching"]');
    const slot = (await matching.getAttribute('data-slot'))!;
    await page
      .getByRole('navigation', { name: 'Questions' })
      .getByRole('link', { name: slot, exact: true })
      .click();
    await expect(matching.isVisible()).resolves.toBe(true);
    // Authored answers are often a sentence long (content/exams/banks/emotions-conflict.yaml).
    const longAnswer = 'Reassure and give clear steps and times, confirming each one';
    await matching
      .locator('option[value="1 month"]')
      .evaluateAll((options: { value: string; outerHTML: string }[], text: string) => {
        for (const option of options)
          option.outerHTML = `<option value="${option.value}">${text}</option>`;
      }, longAnswer);
    await expect(pageWidth(page)).resolves.toBe(390);
    // The table fits its card rather than scrolling sideways inside it.
    const table = matching.locator('table');
    await expect(table.evaluate((box) => box.scrollWidth - box.clientWidth)).resolves.toBe(0);
    for (const select of await matching.locator('select').all()) {
      const box = (await select.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    await page.close();
  });
});
