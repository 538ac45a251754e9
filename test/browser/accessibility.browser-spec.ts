import { Locator, Page } from 'playwright-core';
import { accessibilityViolations } from '../support/accessibility';
import { BrowserHarness, describeInBrowser, startBrowserHarness } from '../support/browser';

// Every main page, as the people who use it see it, checked by axe-core against WCAG 2.1 A
// and AA. The demo cohort (DEMO_ACTIVITY) gives the reports, matrices, debriefs and
// certificates rows to show. Pages whose address holds an id are found by following links,
// as a visitor would; a few pages are checked in a state a form or script leaves them in.

/** Who looks at a page: nobody (signed out) or a demo account's local part. */
type Who =
  | 'nobody'
  | 'trainee'
  | 'trainer'
  | 'supervisor'
  | 'hr'
  | 'admin'
  /** A demo-intake trainee with exams, calls and a debrief behind her. */
  | 'ava.north'
  /** An earlier-intake trainee holding certificates. */
  | 'lena.north';

interface PageCheck {
  who: Who;
  name: string;
  /** The address, or how to reach the page from the signed-in browser. */
  open: string | ((page: Page) => Promise<void>);
  /** A test id the page must show: the state (an error, a result) the check is about. */
  shows?: string;
  /** The app's error page (status · message) is what is checked; any other check must not land on it. */
  errorPage?: boolean;
}

/** Opens `from` and follows the first link matching `selector`. */
const follow =
  (from: string, selector: string) =>
  async (page: Page): Promise<void> => {
    await page.goto(from);
    const href = await page.locator(selector).first().getAttribute('href');
    if (!href) throw new Error(`no link ${selector} on ${from}`);
    // Verification links carry the public base address; stay on the test server.
    const url = new URL(href, page.url());
    await page.goto(url.pathname + url.search);
  };

/** Clicks the button named `button` and waits for the page the form posts to. */
async function post(page: Page, button: string): Promise<void> {
  await Promise.all([
    page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' && response.request().isNavigationRequest(),
    ),
    page.getByRole('button', { name: button }).click(),
  ]);
  await page.waitForLoadState();
}

/** Fills the form on `from` by label, and submits it with the button named `button`. */
const submit =
  (from: string, button: string, fill: Record<string, string> = {}) =>
  async (page: Page): Promise<void> => {
    await page.goto(from);
    for (const [label, value] of Object.entries(fill))
      await page.getByLabel(label, { exact: true }).fill(value);
    await post(page, button);
  };

/** The person page of trainee@, as admins reach it from the people list. */
const openPerson = follow(
  '/admin/users?q=trainee%40academy.local',
  '[data-testid="users-table"] a[href^="/admin/users/"]',
);

/** The arrangement form on an exam's attempts page, sent with an address nobody signs in with. */
async function rejectedArrangement(page: Page): Promise<void> {
  await page.goto('/exams/onboarding-final/attempts');
  const section = page.getByTestId('arrangements');
  await section.getByLabel('Person’s email').fill('nobody-here@academy.local');
  await section.getByLabel('Reason').fill('Extra time for a screen reader');
  await post(page, 'Save arrangement');
}

/**
 * The "Propose a move" form with a person and a position but no day. The date field is
 * required in the browser, so that check is lifted to let the server refuse the form.
 */
async function rejectedProposal(page: Page): Promise<void> {
  await page.goto('/rotations/plan');
  const form = page.getByTestId('propose-form');
  await form.getByLabel('Person').selectOption({ index: 1 });
  await form.getByLabel('Position').selectOption({ index: 1 });
  await form.getByLabel('Effective date').evaluate((input) => input.removeAttribute('required'));
  await post(page, 'Propose');
}

/** The review form under the first reply of a finished session, sent without a verdict. */
async function rejectedReview(page: Page): Promise<void> {
  await follow('/simulations/sessions?status=finished', 'a[href$="/debrief"]')(page);
  const details = page.locator('details.review-form').first();
  await details.locator('summary').click();
  // A reviewer who already reviewed this reply finds their verdict ticked: clear it.
  await details
    .locator('input[name="verdict"]')
    .evaluateAll((radios: { checked: boolean }[]) =>
      radios.forEach((radio) => (radio.checked = false)),
    );
  await Promise.all([
    page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' && response.request().isNavigationRequest(),
    ),
    details.getByRole('button', { name: 'Save review' }).click(),
  ]);
  await page.waitForLoadState();
}

/** A lesson's knowledge check sent by its script with no answer picked (ava.north is enrolled). */
async function emptyKnowledgeCheck(page: Page): Promise<void> {
  await page.goto('/courses/service-principles/lessons/the-three-nos');
  // Answers given before come back ticked: clear them.
  await page
    .locator('form[data-check-form] input')
    .evaluateAll((inputs: { checked: boolean }[]) =>
      inputs.forEach((input) => (input.checked = false)),
    );
  await page.getByRole('button', { name: 'Check my answers' }).click();
  await page.getByTestId('check-error').waitFor();
}

const PAGES: PageCheck[] = [
  // Signed out
  { who: 'nobody', name: 'sign-in', open: '/login' },
  {
    who: 'nobody',
    name: 'sign-in after a wrong password',
    open: submit('/login', 'Sign in', {
      Email: 'trainee@academy.local',
      Password: 'not-the-password',
    }),
    shows: 'login-error',
  },
  { who: 'nobody', name: 'password help', open: '/login/help' },
  {
    who: 'nobody',
    name: 'password help, request taken',
    open: submit('/login/help', 'Ask for a new password', { Email: 'trainee@academy.local' }),
    shows: 'password-help-done',
  },
  { who: 'nobody', name: 'certificate check (public)', open: '/verify' },
  {
    who: 'nobody',
    name: 'unknown verification link',
    open: '/verify/not-a-real-token',
    errorPage: true,
  },

  // Trainee
  { who: 'trainee', name: 'home', open: '/' },
  { who: 'trainee', name: 'account', open: '/account' },
  { who: 'trainee', name: 'change password', open: '/account/password' },
  {
    who: 'trainee',
    name: 'change password with a wrong current one',
    open: async (page) => {
      await page.goto('/account/password');
      await page.getByLabel('Current password').fill('wrong-password-1');
      await page.getByLabel('New password', { exact: false }).first().fill('a-new-password-1');
      await page.getByLabel('New password again').fill('a-new-password-1');
      await post(page, 'Change password');
    },
    shows: 'password-error',
  },
  { who: 'trainee', name: 'course catalogue', open: '/courses' },
  { who: 'trainee', name: 'course', open: '/courses/service-principles' },
  { who: 'trainee', name: 'lesson', open: '/courses/service-principles/lessons/the-three-nos' },
  { who: 'trainee', name: 'exams', open: '/exams' },
  { who: 'trainee', name: 'exam start page', open: '/exams/data-privacy-annual' },
  {
    who: 'trainee',
    name: 'exam being taken',
    open: async (page) => {
      await page.goto('/exams/data-privacy-annual');
      await Promise.all([
        page.waitForURL(/\/exams\/attempts\/[0-9a-f-]+$/),
        page.getByRole('button', { name: 'Start the exam' }).click(),
      ]);
    },
  },
  { who: 'trainee', name: 'role-play scenarios', open: '/simulations' },
  { who: 'trainee', name: 'scenario brief', open: '/simulations/billing-dispute' },
  {
    who: 'trainee',
    name: 'role-play session after a reply',
    open: async (page) => {
      await page.goto('/simulations/billing-dispute');
      await Promise.all([
        page.waitForURL(/\/simulations\/sessions\/[0-9a-f-]+$/),
        page.getByRole('button', { name: /(Start|Resume) the conversation/ }).click(),
      ]);
      await page.getByLabel('Your reply').fill('Good morning, this is Sam. How can I help?');
      await page.getByRole('button', { name: 'Send reply' }).click();
      await page.getByTestId('transcript').locator('li').nth(3).waitFor();
    },
  },
  {
    who: 'trainee',
    name: 'role-play session with a blank reply refused',
    open: async (page) => {
      await page.goto('/simulations/billing-dispute');
      await Promise.all([
        page.waitForURL(/\/simulations\/sessions\/[0-9a-f-]+$/),
        page.getByRole('button', { name: /(Start|Resume) the conversation/ }).click(),
      ]);
      await page.getByLabel('Your reply').fill(' ');
      await page.getByRole('button', { name: 'Send reply' }).click();
    },
    shows: 'reply-error',
  },
  { who: 'trainee', name: 'certificates', open: '/certificates' },
  { who: 'trainee', name: 'certificate notices', open: '/certificates/notices' },
  { who: 'trainee', name: 'my rotations', open: '/rotations/mine' },
  { who: 'trainee', name: 'my report', open: '/reports/me' },
  {
    who: 'ava.north',
    name: 'exam result',
    open: follow('/exams/onboarding-final', 'a[href$="/result"]'),
  },
  {
    who: 'ava.north',
    name: 'exam review',
    open: async (page) => {
      await follow('/exams/onboarding-final', 'a[href$="/result"]')(page);
      await page.goto(page.url().replace(/\/result$/, '/review'));
    },
  },
  {
    who: 'ava.north',
    name: 'lesson after a knowledge check sent without an answer',
    open: emptyKnowledgeCheck,
    shows: 'check-error',
  },
  {
    who: 'ava.north',
    name: 'role-play debrief',
    open: follow('/simulations/billing-dispute', 'a[href$="/debrief"]'),
  },
  { who: 'lena.north', name: 'certificates with holdings', open: '/certificates' },
  {
    who: 'lena.north',
    name: 'certificate verification page',
    open: follow('/certificates', '[data-testid="verify-link"]'),
  },

  // Trainer
  { who: 'trainer', name: 'home', open: '/' },
  { who: 'trainer', name: 'course progress', open: '/courses/service-principles/progress' },
  // Staff read the feedback (trainees are refused the page).
  { who: 'trainer', name: 'course feedback', open: '/courses/service-principles/feedback' },
  { who: 'trainer', name: 'exam grading', open: '/exams/grading' },
  { who: 'trainer', name: 'exam attempts', open: '/exams/onboarding-final/attempts' },
  {
    who: 'trainer',
    name: 'exam attempts after a rejected arrangement',
    open: rejectedArrangement,
    shows: 'arrangement-error',
  },
  { who: 'trainer', name: 'exam statistics', open: '/exams/onboarding-final/statistics' },
  { who: 'trainer', name: 'question banks', open: '/exams/banks' },
  { who: 'trainer', name: 'exam editor list', open: '/exams/authoring' },
  { who: 'trainer', name: 'new exam editor', open: '/exams/authoring/new' },
  { who: 'trainer', name: 'content exam in the editor', open: '/exams/authoring/onboarding-final' },
  {
    who: 'trainer',
    name: 'question bank',
    open: follow('/exams/banks', 'a[href^="/exams/banks/"]'),
  },
  { who: 'trainer', name: 'role-play sessions', open: '/simulations/sessions' },
  {
    who: 'trainer',
    name: 'role-play session (trainer view)',
    open: follow('/simulations/sessions', 'a[href^="/simulations/sessions/"]'),
  },
  {
    who: 'trainer',
    name: 'role-play debrief with the review form',
    open: follow('/simulations/sessions?status=finished', 'a[href$="/debrief"]'),
  },
  {
    who: 'trainer',
    name: 'role-play debrief after a rejected review',
    open: rejectedReview,
    shows: 'review-error',
  },
  { who: 'trainer', name: 'scenario results', open: '/simulations/billing-dispute/results' },
  { who: 'trainer', name: 'reply reviews', open: '/simulations/reviews' },
  { who: 'trainer', name: 'scenario authoring', open: '/simulations/authoring' },
  { who: 'trainer', name: 'new scenario editor', open: '/simulations/authoring/new' },
  {
    who: 'trainer',
    name: 'scenario editor',
    open: follow('/simulations/authoring', 'a[href^="/simulations/authoring/"]:not([href*="new"])'),
  },
  {
    who: 'trainer',
    name: 'versions of a content scenario',
    open: '/simulations/authoring/billing-dispute/versions',
  },
  { who: 'trainer', name: 'retraining suggestions', open: '/reports/retraining?minSessions=1' },
  { who: 'trainer', name: 'scoring workbench', open: '/scoring' },
  {
    who: 'trainer',
    name: 'scoring workbench with a scored reply',
    open: async (page) => {
      await page.goto('/scoring');
      await page.getByLabel('Rubric').selectOption('billing-complaint');
      await page
        .getByLabel('Reply', { exact: true })
        .fill("I'm sorry about the double charge. Calm down, I'll refund it today.");
      await page.getByRole('button', { name: 'Score this reply' }).click();
      await page.getByTestId('score-report').waitFor({ state: 'visible' });
    },
    shows: 'score-report',
  },
  { who: 'trainer', name: 'staff certificates', open: '/certificates/staff' },
  { who: 'trainer', name: 'sign-offs', open: '/certificates/sign-offs' },

  // Supervisor
  { who: 'supervisor', name: 'home', open: '/' },
  { who: 'supervisor', name: 'rotation matrix', open: '/rotations/matrix' },
  {
    who: 'supervisor',
    name: 'person rotations',
    open: follow('/rotations/matrix', 'a[href^="/rotations/people/"]'),
  },
  { who: 'supervisor', name: 'rotation reviews', open: '/rotations/reviews' },
  { who: 'supervisor', name: 'reports dashboard', open: '/reports' },

  // HR
  { who: 'hr', name: 'home', open: '/' },
  // The plan is hr's and admin's (supervisors are refused it).
  { who: 'hr', name: 'rotation plan', open: '/rotations/plan' },
  {
    who: 'hr',
    name: 'rotation plan after a rejected proposal',
    open: rejectedProposal,
    shows: 'plan-error',
  },
  { who: 'hr', name: 'reports dashboard', open: '/reports' },
  { who: 'hr', name: 'people report', open: '/reports/people' },
  {
    who: 'hr',
    name: 'person report',
    open: follow('/reports/people', 'a[href^="/reports/people/"]'),
  },
  { who: 'hr', name: 'exports', open: '/reports/exports' },
  { who: 'hr', name: 'staff certificates', open: '/certificates/staff' },
  { who: 'hr', name: 'people', open: '/admin/users' },
  { who: 'hr', name: 'import people', open: '/admin/users/import' },
  {
    who: 'hr',
    name: 'import people with a broken row',
    open: submit('/admin/users/import', 'Create accounts', {
      '…or paste the rows': 'email,name\nnot-an-address,\n',
    }),
    shows: 'import-error',
  },
  { who: 'hr', name: 'audit log', open: '/admin/audit' },
  { who: 'trainer', name: 'exam format reference', open: '/help/exam-format' },

  // Admin
  { who: 'admin', name: 'home', open: '/' },
  {
    who: 'admin',
    name: 'person',
    open: openPerson,
  },
  {
    who: 'admin',
    name: 'person after a rejected edit',
    open: async (page) => {
      await openPerson(page);
      await page.getByLabel('New password', { exact: true }).fill('short');
      await post(page, 'Save');
    },
    shows: 'person-error',
  },
  { who: 'admin', name: 'audit log', open: '/admin/audit' },
  { who: 'admin', name: 'issuer keys', open: '/admin/issuer-keys' },
  { who: 'admin', name: 'page not found', open: '/no-such-page', errorPage: true },
];

describeInBrowser('Accessibility of the pages, WCAG 2.1 AA (browser)', () => {
  let h: BrowserHarness;
  const pages = new Map<Who, Page>();

  beforeAll(async () => {
    h = await startBrowserHarness({ env: { DEMO_ACTIVITY: 'true' } });
  }, 180000);
  afterAll(async () => {
    for (const page of pages.values()) await page.close();
    await h?.close();
  });

  /** One browser page per person, signed in once and reused for their pages. */
  async function pageFor(who: Who): Promise<Page> {
    let page = pages.get(who);
    if (page) return page;
    page = await h.newPage();
    if (who !== 'nobody') await h.signIn(page, `${who}@academy.local`);
    pages.set(who, page);
    return page;
  }

  it('should tie the message of a rejected field to that field, so a screen reader reads it', async () => {
    const page = await pageFor('admin');
    await openPerson(page);
    await page.getByLabel('New password', { exact: true }).fill('short');
    await post(page, 'Save');
    const field = page.getByLabel('New password', { exact: true });
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    const described = await field.getAttribute('aria-describedby');
    await expect(page.locator(`#${described}`).textContent()).resolves.toBe(
      'Must be at least 10 characters',
    );
    // Fields without a problem are not marked.
    await expect(
      page.getByLabel('Email', { exact: true }).getAttribute('aria-invalid'),
    ).resolves.toBeNull();
  });

  /**
   * Checks a rejected control is marked invalid and returns the text of everything its
   * aria-describedby names (a hint and the error, space-separated ids, are both read).
   */
  async function describedProblem(page: Page, control: Locator): Promise<string> {
    await expect(control.getAttribute('aria-invalid')).resolves.toBe('true');
    const ids = (await control.getAttribute('aria-describedby'))?.split(/\s+/) ?? [];
    expect(ids.length).toBeGreaterThan(0);
    const texts = await Promise.all(
      ids.map((id) => page.locator(`[id="${id}"]`).textContent({ timeout: 2000 })),
    );
    return texts.join(' ');
  }

  it('should tie an unknown address on the exam arrangement form to the email field', async () => {
    const page = await pageFor('trainer');
    await rejectedArrangement(page);
    const section = page.getByTestId('arrangements');
    await expect(describedProblem(page, section.getByLabel('Person’s email'))).resolves.toContain(
      'No account has this email address',
    );
    await expect(section.getByLabel('Reason').getAttribute('aria-invalid')).resolves.toBeNull();
  });

  it('should tie a missing day on the "Propose a move" form to the date field', async () => {
    const page = await pageFor('hr');
    await rejectedProposal(page);
    const form = page.getByTestId('propose-form');
    await expect(describedProblem(page, form.getByLabel('Effective date'))).resolves.toMatch(
      /YYYY-MM-DD/,
    );
    // The person and position were given: they are not marked.
    await expect(form.getByLabel('Person').getAttribute('aria-invalid')).resolves.toBeNull();
    await expect(form.getByLabel('Position').getAttribute('aria-invalid')).resolves.toBeNull();
  });

  it('should mark the verdict buttons of a review sent without a verdict, and describe the group', async () => {
    const page = await pageFor('trainer');
    await rejectedReview(page);
    const form = page.locator('details.review-form[open]');
    await expect(form.count()).resolves.toBe(1);
    const verdict = form.getByRole('group', { name: 'Would it pass on a real contact?' });
    for (const name of ['Pass', 'Fail'])
      await expect(verdict.getByRole('radio', { name }).getAttribute('aria-invalid')).resolves.toBe(
        'true',
      );
    const described = await verdict.getAttribute('aria-describedby');
    await expect(page.locator(`[id="${described}"]`).textContent()).resolves.toContain(
      'Must be pass or fail',
    );
    await expect(form.getByLabel('Politeness').getAttribute('aria-invalid')).resolves.toBeNull();
  });

  it('should mark every question of a knowledge check sent without an answer, until it is answered', async () => {
    const page = await pageFor('ava.north');
    await emptyKnowledgeCheck(page);
    const questions = page.locator('form[data-check-form] fieldset[data-question]');
    await expect(questions.count()).resolves.toBe(3);
    for (const question of await questions.all()) {
      const described = await question.getAttribute('aria-describedby');
      await expect(page.locator(`[id="${described}"]`).textContent()).resolves.toBe(
        'Pick an answer first.',
      );
      await expect(question.locator('input[aria-invalid="true"]').count()).resolves.toBeGreaterThan(
        0,
      );
      await expect(question.locator('input:not([aria-invalid="true"])').count()).resolves.toBe(0);
    }
    // Answered (rightly, so her progress stays as it was), the marks and the message go.
    await questions.first().getByLabel('No concealing').check();
    await page.getByRole('button', { name: 'Check my answers' }).click();
    await page.getByTestId('check-error').waitFor({ state: 'detached' });
    await expect(page.locator('form[data-check-form] [aria-invalid]').count()).resolves.toBe(0);
    await expect(
      page.locator('form[data-check-form] fieldset[aria-describedby]').count(),
    ).resolves.toBe(0);
  });

  it.each(PAGES.map((check) => [check.who, check.name, check] as const))(
    '%s: %s has no WCAG 2.1 AA violations',
    async (_who, _name, check) => {
      const page = await pageFor(check.who);
      if (typeof check.open === 'string') await page.goto(check.open);
      else await check.open(page);
      await expect(page.locator('main h1').count()).resolves.toBeGreaterThan(0);
      // A refused or missing page would pass unnoticed: only the checks meant for it see it.
      const heading = (await page.locator('main h1').first().textContent()) ?? '';
      expect({ heading, errorPage: /^\s*\d{3} · /.test(heading) }).toEqual({
        heading,
        errorPage: check.errorPage ?? false,
      });
      // The state the check is about (an error shown, a result) is really on the page.
      const shown = check.shows ? await page.getByTestId(check.shows).isVisible() : true;
      expect(shown).toBe(true);
      await expect(accessibilityViolations(page)).resolves.toEqual([]);
    },
  );
});
