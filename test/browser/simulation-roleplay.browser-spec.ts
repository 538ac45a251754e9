import { BrowserHarness, describeInBrowser, startBrowserHarness } from '../support/browser';
import { BILLING_MAIN_PATH, goodReplies } from '../support/simulations';

// billing-dispute answered along its main path (the good branch at every step).
const REPLIES = goodReplies('billing-dispute', BILLING_MAIN_PATH);

describeInBrowser('Playing a role-play scenario (browser)', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => h?.close());

  it('should play billing-dispute to the end in the page and read the debrief with highlights', async () => {
    const page = await h.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    await h.signIn(page, 'trainee@academy.local');
    await page.goto('/simulations');
    await page.getByRole('link', { name: 'Direct debit taken twice' }).click();
    await Promise.all([
      page.waitForURL(/\/simulations\/sessions\/[0-9a-f-]+$/),
      page.getByRole('button', { name: 'Start the conversation' }).click(),
    ]);
    const sessionUrl = page.url();
    const transcript = page.getByTestId('transcript');
    await expect(transcript.locator('li').count()).resolves.toBe(1);
    await expect(page.getByTestId('account').textContent()).resolves.not.toContain('40512291');

    for (const [index, reply] of REPLIES.entries()) {
      await page.getByLabel('Your reply').fill(reply);
      await page.getByRole('button', { name: 'Send reply' }).click();
      // Reply, reaction and the next line arrive without a reload.
      await transcript
        .locator('li')
        .nth(1 + 3 * (index + 1) - 1)
        .waitFor();
      await expect(page.getByLabel('Your reply').inputValue()).resolves.toBe('');
      expect(page.url()).toBe(sessionUrl);
    }
    await expect(transcript.locator('li.agent').count()).resolves.toBe(5);
    await expect(transcript.locator('li.agent').first().textContent()).resolves.toContain(
      REPLIES[0],
    );
    await expect(page.getByTestId('mood').textContent()).resolves.toMatch(/anger \d+ of 100/);
    await expect(page.locator('#anger-meter').getAttribute('value')).resolves.toMatch(/^\d+$/);
    await page.getByTestId('ended').waitFor({ state: 'visible' });
    await expect(page.locator('#reply-form').isHidden()).resolves.toBe(true);
    await expect(page.getByTestId('ended').textContent()).resolves.toContain('Outcome: Resolved');

    await Promise.all([
      page.waitForURL(/\/debrief$/),
      page.getByRole('link', { name: 'Read the debrief' }).click(),
    ]);
    await expect(page.getByTestId('verdict').textContent()).resolves.toBe('Passed');
    await expect(page.getByTestId('outcome').textContent()).resolves.toBe('Resolved');
    await expect(page.getByTestId('debrief-turn').count()).resolves.toBe(5);
    const helped = page.locator('[data-testid="highlighted"] mark.helped');
    await expect(helped.count()).resolves.toBeGreaterThan(0);
    await expect(helped.first().getAttribute('title')).resolves.toMatch(/^\w+: .+\([+-]?\d/);
    await expect(page.getByRole('button', { name: 'Try again' }).isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('should show a clear message and keep the text when the reply is blank', async () => {
    const page = await h.newPage();
    await h.signIn(page, 'trainee@academy.local');
    await page.goto('/simulations/fraud-on-account');
    await Promise.all([
      page.waitForURL(/\/simulations\/sessions\/[0-9a-f-]+$/),
      page.getByRole('button', { name: 'Start the conversation' }).click(),
    ]);
    await page.getByLabel('Your reply').fill('   ');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Write a reply first');
    await expect(page.getByTestId('transcript').locator('li').count()).resolves.toBe(1);
    await page.close();
  });

  it('should tie a refused reply’s message to the reply box until a reply is taken', async () => {
    const page = await h.newPage();
    await h.signIn(page, 'trainee@academy.local');
    await page.goto('/simulations/technician-no-show');
    await Promise.all([
      page.waitForURL(/\/simulations\/sessions\/[0-9a-f-]+$/),
      page.getByRole('button', { name: 'Start the conversation' }).click(),
    ]);
    const box = page.getByLabel('Your reply');
    const send = page.getByRole('button', { name: 'Send reply' });
    const marks = async () => ({
      invalid: await box.getAttribute('aria-invalid'),
      describedBy: await box.getAttribute('aria-describedby'),
    });
    // Refused by the script: nothing written.
    await box.fill('   ');
    await send.click();
    await expect(page.locator('#reply-error').textContent()).resolves.toBe('Write a reply first');
    await expect(marks()).resolves.toEqual({
      invalid: 'true',
      describedBy: 'reply-hint reply-error',
    });
    // Refused by the server: a reply past the request size limit, put in past the box's maxlength.
    await box.evaluate((textarea: { value: string }) => {
      textarea.value = 'Sorry about that. '.repeat(60_000);
    });
    await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/turns')),
      send.click(),
    ]);
    await page.locator('#reply-error:not([hidden])').waitFor();
    await expect(page.locator('#reply-error').textContent()).resolves.not.toBe(
      'Write a reply first',
    );
    await expect(marks()).resolves.toEqual({
      invalid: 'true',
      describedBy: 'reply-hint reply-error',
    });
    // A reply taken: the message and the marks go.
    await box.fill('Good morning, I am sorry the technician did not come. Let me look.');
    await send.click();
    await page.getByTestId('transcript').locator('li').nth(2).waitFor();
    await expect(page.locator('#reply-error').isHidden()).resolves.toBe(true);
    await expect(marks()).resolves.toEqual({ invalid: null, describedBy: 'reply-hint' });
    await page.close();
  });
});
