import { BrowserHarness, describeInBrowser, startBrowserHarness } from '../support/browser';
import { COURSE_FIXTURE_ENV, courseApi } from '../support/courses';
import { DEMO_PASSWORD } from '../support/test-app';

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

    await Promise.all([
      page.waitForURL((url) => url.pathname === '/courses'),
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Courses' }).click(),
    ]);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/courses/phone-basics'),
      page.getByRole('link', { name: 'Phone basics' }).first().click(),
    ]);
    await page.getByRole('button', { name: 'Enrol' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('You are enrolled');
    await Promise.all([
      page.waitForURL((url) => url.pathname.startsWith('/courses/phone-basics/lessons/')),
      page.getByRole('link', { name: 'Start the course' }).click(),
    ]);

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
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/courses/phone-basics/lessons/greeting'),
      page.getByRole('link', { name: '← Greeting the caller' }).click(),
    ]);
    await page.getByTestId('lesson-completed').waitFor();
    await expect(page.getByTestId('lesson-completed').isVisible()).resolves.toBe(true);
    expect(scriptErrors).toEqual([]);
    await page.close();
  });

  it('should let a trainee rate a completed course and the trainer read it without names', async () => {
    const admin = await h.t.bearer('admin@academy.local');
    const auth: Record<string, string> = {};
    for (const name of ['rater1', 'rater2', 'rater3']) {
      await h.t
        .http()
        .post('/api/users')
        .set('Authorization', admin)
        .send({
          email: `${name}@academy.local`,
          displayName: `Rater ${name.slice(-1)}`,
          password: DEMO_PASSWORD,
          roles: ['trainee'],
          team: 'North',
        })
        .expect(201);
      auth[name] = await h.t.bearer(`${name}@academy.local`);
      const api = courseApi(h.t, auth[name], 'phone-basics');
      await api.enrol().expect(201);
      for (const lesson of ['greeting', 'listening', 'closing']) await api.pass(lesson);
    }
    for (const [name, rating] of [
      ['rater1', 4],
      ['rater2', 5],
    ] as const)
      await h.t
        .http()
        .put('/api/courses/phone-basics/feedback')
        .set('Authorization', auth[name])
        .send({ rating })
        .expect(200);

    const page = await h.newPage();
    const scriptErrors: string[] = [];
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    await h.signIn(page, 'rater3@academy.local');
    await page.goto('/courses/phone-basics');
    const card = page.getByTestId('course-feedback');
    await card.getByLabel('3 Good').check();
    await card.getByLabel('What helped, what did not (optional)').fill('More role-play, please');
    await card.getByRole('button', { name: 'Send feedback' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('feedback is saved');
    await expect(page.getByTestId('feedback-saved').textContent()).resolves.toContain(
      'You rated it 3 of 5',
    );
    await page.close();

    const trainer = await h.newPage();
    trainer.on('pageerror', (error) => scriptErrors.push(error.message));
    await h.signIn(trainer, 'trainer@academy.local');
    await trainer.goto('/courses');
    const link = trainer.locator('li[data-course="phone-basics"]').getByTestId('satisfaction');
    await expect(link.textContent()).resolves.toBe('rated 4 of 5 by 3');
    await link.click();
    await expect(trainer.getByTestId('feedback-mean').textContent()).resolves.toBe('4');
    await expect(trainer.locator('svg[data-chart="rating-spread"]').isVisible()).resolves.toBe(
      true,
    );
    const comments = trainer.getByTestId('feedback-comments');
    await expect(comments.textContent()).resolves.toContain('More role-play, please');
    await expect(comments.textContent()).resolves.not.toContain('Rater');

    // The trainer hides the comment with a reason; it moves to the hidden list.
    await comments.getByText('Hide this comment').click();
    await comments.getByLabel('Reason (the writer reads it)').fill('Off topic for this course');
    await Promise.all([
      trainer.waitForURL(/moderated=hidden/),
      comments.getByRole('button', { name: 'Hide' }).click(),
    ]);
    await expect(trainer.getByTestId('moderation-notice').textContent()).resolves.toContain(
      'The comment is hidden.',
    );
    await expect(trainer.getByTestId('hidden-comments').textContent()).resolves.toContain(
      'Off topic for this course',
    );
    await expect(trainer.getByTestId('feedback-mean').textContent()).resolves.toBe('4');
    expect(scriptErrors).toEqual([]);
    await trainer.close();

    const writer = await h.newPage();
    await h.signIn(writer, 'rater3@academy.local');
    await writer.goto('/courses/phone-basics');
    await expect(writer.getByTestId('comment-hidden').textContent()).resolves.toContain(
      'Off topic for this course',
    );
    await writer.close();
  });
});
