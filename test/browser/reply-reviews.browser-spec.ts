import { BrowserHarness, describeInBrowser, startBrowserHarness } from '../support/browser';
import { BILLING_MAIN_PATH, goodReplies, SessionBody, simulationApi } from '../support/simulations';

describeInBrowser('Reviewing role-play replies (browser)', () => {
  let h: BrowserHarness;
  let sessionId: string;

  beforeAll(async () => {
    h = await startBrowserHarness();
    // The trainee's finished conversation, played over the API.
    const api = simulationApi(h.t, await h.t.bearer('trainee@academy.local'));
    sessionId = ((await api.start('billing-dispute').expect(201)).body as SessionBody).id;
    for (const [index, reply] of goodReplies('billing-dispute', BILLING_MAIN_PATH).entries())
      await api.turn(sessionId, index, reply).expect(201);
  });
  afterAll(async () => h?.close());

  it('should let a trainer review a reply in the debrief, see it counted, and the trainee be told and read it', async () => {
    const page = await h.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await h.signIn(page, 'trainer@academy.local');
    await page.goto(`/simulations/sessions/${sessionId}/debrief`);
    const first = page.getByTestId('debrief-turn').first();
    await first.getByText('Review this reply').click();
    await first.getByLabel('Fail').check();
    await first.getByLabel('Politeness').selectOption('2');
    await first.getByLabel('Note for the trainee').fill('Say your name before anything else.');
    await Promise.all([
      page.waitForURL(/\/debrief#review-1$/),
      first.getByRole('button', { name: 'Save review' }).click(),
    ]);
    const saved = page.getByTestId('debrief-turn').first().getByTestId('review');
    await expect(saved.textContent()).resolves.toMatch(
      /Fail\s+Theo Trainer \(you\)[\s\S]*politeness 2 of 5[\s\S]*Say your name before anything else\./,
    );

    await page.goto('/');
    await Promise.all([
      page.waitForURL(/\/simulations\/reviews$/),
      page.getByRole('link', { name: 'Reply reviews' }).first().click(),
    ]);
    await expect(page.getByTestId('review-count').textContent()).resolves.toBe('1');
    await expect(page.getByTestId('by-scenario').textContent()).resolves.toContain(
      'Direct debit taken twice',
    );
    const download = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-link').click(),
    ]).then(([event]) => event);
    expect(download.suggestedFilename()).toBe('reviewed-replies.jsonl');

    // The trainee is told on their home page, follows the notice to the debrief, and the
    // notice is gone once they have read it.
    const trainee = await h.newPage();
    trainee.on('pageerror', (error) => errors.push(error.message));
    await h.signIn(trainee, 'trainee@academy.local');
    const notice = trainee.getByTestId('home-notice-new-reviews');
    await expect(notice.textContent()).resolves.toContain('1 new review of your replies');
    await Promise.all([
      trainee.waitForURL((url) => url.pathname === `/simulations/sessions/${sessionId}/debrief`),
      notice.getByRole('link', { name: '1 new review of your replies' }).click(),
    ]);
    const reviews = trainee.getByTestId('debrief-turn').first().getByTestId('turn-reviews');
    await expect(reviews.textContent()).resolves.toContain('Say your name before anything else.');
    await expect(reviews.getByTestId('review-new').textContent()).resolves.toBe('New');
    await expect(reviews.getByText('Review this reply').count()).resolves.toBe(0);
    await trainee.goto('/');
    await expect(trainee.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(
      /^Welcome/,
    );
    await expect(trainee.getByTestId('home-notice-new-reviews').count()).resolves.toBe(0);
    await trainee.goto('/simulations');
    await expect(trainee.getByTestId('feedback').textContent()).resolves.toContain(
      'Say your name before anything else.',
    );
    await expect(trainee.getByTestId('new-reviews').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.close();
    await trainee.close();
  });
});
