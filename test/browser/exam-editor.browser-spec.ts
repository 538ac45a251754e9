import { accessibilityViolations } from '../support/accessibility';
import { BrowserHarness, describeInBrowser, startBrowserHarness } from '../support/browser';
import { createUser, DEMO_PASSWORD } from '../support/test-app';

// The few textarea members the test reads (the tests compile without the DOM library).
interface TextArea {
  value: string;
  selectionStart: number;
  selectionEnd: number;
}

describeInBrowser('Writing an exam in the exam editor (browser)', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => h?.close());

  it('should check a new exam, show its problem by line, publish the fixed one, and a trainee can start it', async () => {
    const page = await h.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    await h.signIn(page, 'trainer@academy.local');
    await page.goto('/exams');
    await page.getByRole('link', { name: 'Exam editor' }).click();
    await page.waitForURL(/\/exams\/authoring$/);
    await page.getByRole('link', { name: 'New exam' }).click();
    await page.waitForURL(/\/exams\/authoring\/new$/);
    const summary = page.getByTestId('validation-summary');
    await expect(summary.textContent()).resolves.toContain('No problems');

    // Ask for more questions than the bank has, and check.
    const source = page.getByLabel('Exam (YAML)');
    const starter = await source.inputValue();
    const greedy = starter
      .replace('id: my-new-exam', 'id: escalation-check')
      .replace(/^title: .*$/m, 'title: Escalation check')
      .replace('draw: 4', 'draw: 150');
    await source.fill(greedy);
    // Checked as it is typed, without a round trip of the form.
    const drawLine = greedy.split('\n').findIndex((line) => line.includes('draw: 150')) + 1;
    const lineButton = page.getByTestId('issues').getByRole('button', { name: `line ${drawLine}` });
    await lineButton.waitFor();
    await expect(summary.textContent()).resolves.toBe('1 problem(s).');
    await expect(page.getByTestId('issues').textContent()).resolves.toContain(
      'sections[0].draw: draws 150 but only',
    );
    await expect(page.locator('#section-checks .short-draw').textContent()).resolves.toMatch(
      /^\d+$/,
    );
    // The line button puts the cursor on that line.
    await lineButton.click();
    const selected = await source.evaluate((area: TextArea) =>
      area.value.slice(area.selectionStart, area.selectionEnd),
    );
    expect(selected.trim()).toBe('draw: 150');

    // The form's own Check (the page without its script) says the same.
    await Promise.all([
      page.waitForURL(/\/exams\/authoring\/editor$/),
      page.getByRole('button', { name: 'Check' }).click(),
    ]);
    await expect(summary.textContent()).resolves.toBe('1 problem(s).');

    // Fix it and publish: the editor says so, and the exam is in the list.
    await page.getByLabel('Exam (YAML)').fill(greedy.replace('draw: 150', 'draw: 3'));
    await Promise.all([
      page.waitForURL(/\/exams\/authoring\/escalation-check\?published=1$/),
      page.getByRole('button', { name: 'Publish' }).click(),
    ]);
    await expect(page.getByTestId('editor-notice').textContent()).resolves.toContain(
      'Published as version 1',
    );
    await expect(page.getByTestId('versions').textContent()).resolves.toContain(
      'Published: version 1',
    );
    await page.close();

    const trainee = await h.newPage();
    await h.signIn(trainee, 'trainee@academy.local');
    await trainee.goto('/exams');
    const card = trainee.locator('[data-exam="escalation-check"]');
    await expect(card.getByRole('heading').textContent()).resolves.toBe('Escalation check');
    await card.getByRole('link', { name: 'Start' }).click();
    await trainee.waitForURL(/\/exams\/escalation-check$/);
    await Promise.all([
      trainee.waitForURL(/\/exams\/attempts\/[0-9a-f-]+/),
      trainee.getByRole('button', { name: /Start the exam/ }).click(),
    ]);
    expect(failures).toEqual([]);
    await trainee.close();
  });

  it('should show what a new version changed and put the old text back as the draft', async () => {
    const page = await h.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    await h.signIn(page, 'trainer@academy.local');
    await page.goto('/exams/authoring/escalation-check');
    const source = page.getByLabel('Exam (YAML)');
    const first = await source.inputValue();
    await source.fill(first.replace(/^passMark: .*$/m, 'passMark: 90'));
    await Promise.all([
      page.waitForURL(/\/exams\/authoring\/escalation-check\?published=2$/),
      page.getByRole('button', { name: 'Publish' }).click(),
    ]);

    await Promise.all([
      page.waitForURL(/\/exams\/authoring\/escalation-check\/versions$/),
      page.getByRole('link', { name: 'Versions and changes' }).click(),
    ]);
    await expect(page.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(
      'Version 2: changes since Version 1',
    );
    await expect(page.locator('table.diff tr.added').textContent()).resolves.toContain(
      'passMark: 90',
    );
    await expect(page.getByTestId('revisions').locator('tbody tr').count()).resolves.toBe(2);
    // The line diff passes the same WCAG 2.1 AA checks as every page.
    await expect(accessibilityViolations(page)).resolves.toEqual([]);

    // Version 1's changes, then its text back as the draft.
    await Promise.all([
      page.waitForURL(/show=1/),
      page.getByTestId('revisions').getByRole('link', { name: 'Changes' }).click(),
    ]);
    await expect(page.getByTestId('diff-summary').textContent()).resolves.toMatch(
      /^\d+ line\(s\) added, 0 removed\.$/,
    );
    await Promise.all([
      page.waitForURL(/\/exams\/authoring\/escalation-check\?restored=1$/),
      page.getByRole('button', { name: 'Restore version 1 as the draft' }).click(),
    ]);
    await expect(page.getByTestId('editor-notice').textContent()).resolves.toContain(
      'The text of version 1 is now the draft',
    );
    await expect(source.inputValue()).resolves.toBe(first);
    expect(failures).toEqual([]);
    await page.close();
  });

  it('should withdraw the exam from trainees with a reason, then offer it again', async () => {
    const page = await h.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    await h.signIn(page, 'trainer@academy.local');
    await page.goto('/exams/authoring/escalation-check');
    const box = page.getByTestId('withdrawal');
    // The browser will not send the form without a reason.
    await box.getByRole('button', { name: 'Withdraw from trainees' }).click();
    expect(new URL(page.url()).search).toBe('');
    await box
      .getByLabel('Why withdraw it (staff see it; kept in the audit log)')
      .fill('Being rewritten for the new policy');
    await Promise.all([
      page.waitForURL(/\?withdrawn=1$/),
      box.getByRole('button', { name: 'Withdraw from trainees' }).click(),
    ]);
    await expect(page.getByTestId('withdrawn-notice').textContent()).resolves.toContain(
      'Being rewritten for the new policy',
    );
    await expect(accessibilityViolations(page)).resolves.toEqual([]);

    // A trainee who never took it no longer sees it.
    await createUser(h.t, await h.t.bearer('admin@academy.local'), {
      email: 'new.hire@academy.local',
      password: DEMO_PASSWORD,
    });
    const trainee = await h.newPage();
    await h.signIn(trainee, 'new.hire@academy.local');
    await trainee.goto('/exams');
    const card = trainee.locator('[data-exam="escalation-check"]');
    await expect(card.count()).resolves.toBe(0);

    await Promise.all([
      page.waitForURL(/\?reinstated=1$/),
      page.getByRole('button', { name: 'Offer it to trainees again' }).click(),
    ]);
    await trainee.reload();
    await expect(card.getByRole('link', { name: 'Start' }).count()).resolves.toBe(1);
    expect(failures).toEqual([]);
    await trainee.close();
    await page.close();
  });
});
