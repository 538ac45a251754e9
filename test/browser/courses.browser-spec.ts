import { BrowserHarness, describeInBrowser, startBrowserHarness } from '../support/browser';
import { COURSE_FIXTURE_ENV } from '../support/courses';

describeInBrowser('Reading a lesson and answering its knowledge check (browser)', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowserHarness({ env: COURSE_FIXTURE_ENV });
  });
  afterAll(async () => h?.close());

  it('should enrol, read the lesson safely, get immediate feedback and complete it', async () => {
    const page = await h.newPage();
    const scriptErrors: string[] = [];
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    await h.signIn(page, 'trainee@academy.local');

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Courses' })
      .click();
    await page.getByRole('link', { name: 'Phone basics' }).first().click();
    await page.getByRole('button', { name: 'Enrol' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('You are enrolled');
    await page.getByRole('link', { name: 'Start the course' }).click();

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Greeting the caller',
    );
    const body = page.getByTestId('lesson-body');
    await expect(body.getByRole('table').isVisible()).resolves.toBe(true);
    // The raw HTML in the lesson is text on the page, never markup that runs.
    await expect(body.textContent()).resolves.toContain('<script>window.pwned = true</script>');
    await expect(page.evaluate('window.pwned')).resolves.toBeUndefined();
    await expect(body.locator('script, img').count()).resolves.toBe(0);

    const complete = page.getByRole('button', { name: 'Mark lesson complete' });
    await expect(complete.isDisabled()).resolves.toBe(true);
    const q1 = page.locator('fieldset[data-question="q1"]');
    const q2 = page.locator('fieldset[data-question="q2"]');
    await q1.getByLabel('The short one').check();
    await q2.getByLabel('True').check();
    await page.getByRole('button', { name: 'Check my answers' }).click();
    await q1.locator('[data-feedback] .verdict').waitFor();
    await expect(q1.locator('[data-feedback]').textContent()).resolves.toMatch(
      /Not quite\.\s*The short one: Short is not the same as clear\./,
    );
    await expect(q2.locator('[data-feedback]').textContent()).resolves.toContain('Correct.');
    await expect(complete.isDisabled()).resolves.toBe(true);
    // Answered in place: still the same page, no navigation.
    expect(new URL(page.url()).pathname).toBe('/courses/phone-basics/lessons/greeting');

    await q1.getByLabel('The one that names you and offers help').check();
    await page.getByRole('button', { name: 'Check my answers' }).click();
    await page.locator('button[data-complete]:not([disabled])').waitFor();
    await expect(q1.locator('[data-feedback]').textContent()).resolves.toContain(
      'Right, it names you and offers help.',
    );

    await Promise.all([
      page.waitForURL((url) => url.pathname === '/courses/phone-basics/lessons/listening'),
      complete.click(),
    ]);
    await page.getByRole('link', { name: '← Greeting the caller' }).click();
    await expect(page.getByTestId('lesson-completed').isVisible()).resolves.toBe(true);
    expect(scriptErrors).toEqual([]);
    await page.close();
  });
});
