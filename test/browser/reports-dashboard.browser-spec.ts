import { readFileSync } from 'node:fs';
import { BrowserHarness, describeInBrowser, startBrowserHarness } from '../support/browser';
import { FixedClock } from '../support/test-app';
import { NOW, seedPopulation } from '../e2e/reports/seed';

describeInBrowser('HR dashboard (browser)', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowserHarness({ clock: new FixedClock(NOW) });
    await seedPopulation(h.t);
  }, 60000);
  afterAll(async () => h?.close());

  it('should show the charts and tables, filter by team and download a CSV', async () => {
    const page = await h.newPage();
    await h.signIn(page, 'hr@academy.local');
    await page.getByRole('link', { name: 'Reports' }).first().click();
    await page.waitForURL((url) => url.pathname === '/reports');
    await expect(
      page.getByRole('img', { name: 'Certification by programme' }).count(),
    ).resolves.toBe(1);
    await expect(page.locator('svg.chart').count()).resolves.toBe(5);
    await expect(page.getByTestId('overdue-total').textContent()).resolves.toContain(
      '2 overdue of 4 assigned',
    );
    await expect(page.getByTestId('simulations-table').locator('tbody tr').count()).resolves.toBe(
      2,
    );

    await page.getByTestId('report-filters').getByLabel('Team').selectOption('South');
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('team') === 'South'),
      page.getByRole('button', { name: 'Show' }).click(),
    ]);
    await expect(page.getByTestId('overdue-total').textContent()).resolves.toContain(
      '1 overdue of 2 assigned',
    );
    await expect(
      page.getByTestId('simulations-table').locator('tbody tr').allTextContents(),
    ).resolves.toEqual([expect.stringContaining('South')]);

    await page.getByRole('link', { name: 'Exports' }).first().click();
    await page.waitForURL(
      (url) => url.pathname === '/reports/exports' && url.searchParams.get('team') === 'South',
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download people.csv' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('academy-people-2026-11-26.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(2);
    expect(text).toContain('Cat');
    await page.close();
  });

  it('should suggest retraining from the dashboard and assign a course to the people it reaches', async () => {
    const page = await h.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    await h.signIn(page, 'trainer@academy.local');
    await page.goto('/reports');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/reports/retraining'),
      page.getByRole('link', { name: 'Retraining' }).click(),
    ]);
    // The seed's people have one finished session each: ask for one.
    const filters = page.getByTestId('retraining-filters');
    await filters.getByLabel('Sessions, at least').fill('1');
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('minSessions') === '1'),
      filters.getByRole('button', { name: 'Show' }).click(),
    ]);
    await expect(page.getByTestId('retraining-people').locator('tbody tr').count()).resolves.toBe(
      2,
    );
    const course = page.locator('[data-course="complaint-handling"]');
    await course.getByLabel('Due').fill('2026-12-15');
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('course') === 'complaint-handling'),
      course.getByRole('button', { name: 'Assign to 2' }).click(),
    ]);
    await expect(page.getByTestId('retraining-notice').textContent()).resolves.toBe(
      '2 people assigned “Complaint handling”.',
    );
    await expect(page.getByTestId('retraining-people').textContent()).resolves.toContain(
      'not started, due 2026-12-15',
    );
    await expect(page.locator('[data-testid="assign-complaint-handling"]').count()).resolves.toBe(
      0,
    );
    expect(failures).toEqual([]);
    await page.close();
  });
});
