import { readFileSync } from 'node:fs';
import { BrowserHarness, describeInBrowser, startBrowserHarness } from '../support/browser';
import { DEMO_PASSWORD } from '../support/test-app';

jest.setTimeout(60000);

describeInBrowser('Rotation plan: an ineligible move overridden with a reason (browser)', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowserHarness();
    const admin = await h.t.bearer('admin@academy.local');
    await h.t
      .http()
      .post('/api/users')
      .set('Authorization', admin)
      .send({
        email: 'rita@academy.local',
        displayName: 'Rita Rotate',
        team: 'North',
        roles: ['trainee'],
        password: DEMO_PASSWORD,
      })
      .expect(201);
  });
  afterAll(async () => h?.close());

  it('should propose a move, show why the person is not eligible and approve it with an override', async () => {
    const page = await h.newPage();
    const scriptErrors: string[] = [];
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    await h.signIn(page, 'hr@academy.local');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/rotations/plan'),
      page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Rotation plan' })
        .click(),
    ]);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Rotation plan',
    );

    const form = page.getByTestId('propose-form');
    await form.getByLabel('Person').selectOption({ label: 'Rita Rotate (North)' });
    await form.getByLabel('Position').selectOption({ label: 'Complaints desk' });
    await form.getByLabel('Effective date').fill('2026-12-01');
    await form.getByLabel('Note').fill('Trial on the complaints desk');
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('done') === 'proposed'),
      form.getByRole('button', { name: 'Propose' }).click(),
    ]);

    const move = page.getByTestId('move').filter({ hasText: 'Rita Rotate' });
    await expect(move.getByTestId('move-eligibility').textContent()).resolves.toBe('Not eligible');
    const reasons = await move.getByTestId('move-reasons').locator('li').allTextContents();
    expect(reasons).toEqual(
      expect.arrayContaining([
        'no active Complaint handler certificate',
        'no current position recorded (needs 6 months in one)',
      ]),
    );
    // The reasons are also on hover.
    await expect(move.getByTestId('move-eligibility').getAttribute('title')).resolves.toContain(
      'no active Complaint handler certificate',
    );

    // The override needs a reason: the browser will not send the form without one.
    await move.getByRole('button', { name: 'Approve with override' }).click();
    expect(new URL(page.url()).searchParams.get('done')).toBe('proposed');

    await move
      .getByLabel('Override reason (required to approve an ineligible person)')
      .fill('Short-staffed; mentor assigned for the first month');
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('done') === 'overridden'),
      move.getByRole('button', { name: 'Approve with override' }).click(),
    ]);
    await expect(page.getByTestId('plan-notice').textContent()).resolves.toContain(
      'approved with an override',
    );
    // 1 December is still ahead on the test clock: approved, waiting for its day.
    const applied = page.getByTestId('move').filter({ hasText: 'Rita Rotate' });
    await expect(applied.getAttribute('data-status')).resolves.toBe('approved');
    await expect(applied.locator('.override').textContent()).resolves.toContain(
      'Short-staffed; mentor assigned for the first month',
    );
    expect(scriptErrors).toEqual([]);
    await page.close();
  });

  it('should download the matrix of a team as CSV from the matrix page', async () => {
    const page = await h.newPage();
    await h.signIn(page, 'hr@academy.local');
    await page.goto('/rotations/matrix');
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('team') === 'North'),
      page.getByLabel('Team').selectOption('North'),
    ]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('matrix-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^academy-eligibility-\d{4}-\d\d-\d\d-North\.csv$/,
    );
    const lines = readFileSync((await download.path())!, 'utf8')
      .split('\n')
      .filter(Boolean);
    expect(lines[0]).toBe(
      'user_id,name,email,team,current_position_id,position_id,position_title,status,is_current_position,reasons,warnings',
    );
    expect(lines.some((line) => line.includes('rita@academy.local'))).toBe(true);
    expect(lines.slice(1).every((line) => line.includes(',North,'))).toBe(true);
    await page.close();
  });
});
