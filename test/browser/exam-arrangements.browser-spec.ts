import { BrowserHarness, describeInBrowser, startBrowserHarness } from '../support/browser';

describeInBrowser('Individual exam arrangements (browser)', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => h?.close());

  it('should let a trainer give a trainee extra time, which the trainee sees on the exam page', async () => {
    const page = await h.newPage();
    await h.signIn(page, 'trainer@academy.local');
    await page.goto('/exams/complaint-handler/attempts');
    const section = page.getByTestId('arrangements');
    await section.getByLabel('Person’s email').fill('trainee@academy.local');
    await section.getByLabel('Extra minutes on each attempt').fill('15');
    await section.getByLabel('Reason').fill('Access arrangement: screen reader');
    await Promise.all([
      page.waitForURL(/\/exams\/complaint-handler\/attempts\?arranged=set$/),
      section.getByRole('button', { name: 'Save arrangement' }).click(),
    ]);
    await expect(page.getByTestId('attempts-notice').textContent()).resolves.toContain(
      'Arrangement saved',
    );
    await expect(
      section.locator('[data-person="trainee@academy.local"]').textContent(),
    ).resolves.toContain('Access arrangement: screen reader');
    await page.close();

    const trainee = await h.newPage();
    await h.signIn(trainee, 'trainee@academy.local');
    await trainee.goto('/exams/complaint-handler');
    await expect(trainee.getByTestId('arrangement').textContent()).resolves.toContain(
      '15 extra minutes',
    );
    await expect(trainee.getByText('Time limit: 60 minutes').count()).resolves.toBe(1);
    await trainee.close();
  });
});
