import { BrowserHarness, describeInBrowser, startBrowserHarness } from '../support/browser';

describeInBrowser('Signing in (browser)', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => h?.close());

  it('should show the hr home page with its menu after signing in through the form', async () => {
    const page = await h.newPage();
    await h.signIn(page, 'hr@academy.local');
    await expect(
      page.getByRole('heading', { name: 'People and records' }).isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByTestId('viewer').textContent()).resolves.toContain('Harper HR');
    const menu = await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link')
      .allTextContents();
    expect(menu).toEqual(expect.arrayContaining(['Home', 'People', 'Audit log']));
    await page.close();
  });

  it('should show a trainee no admin menu and sign out back to the login page', async () => {
    const page = await h.newPage();
    await h.signIn(page, 'trainee@academy.local');
    const menu = await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link')
      .allTextContents();
    expect(menu).not.toContain('People');
    await Promise.all([
      page.waitForURL(/\/login$/),
      page.getByRole('button', { name: 'Sign out' }).click(),
    ]);
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.close();
  });

  it('should onboard a cohort from pasted CSV and show the temporary passwords', async () => {
    const page = await h.newPage();
    await h.signIn(page, 'hr@academy.local');
    await page.goto('/admin/users/import');
    await page
      .getByLabel('…or paste the rows')
      .fill('email,name,employee_number,team\nlee@academy.local,Lee Park,E-900,North\n');
    await page.getByRole('button', { name: 'Create accounts' }).click();
    await expect(page.getByTestId('import-result').textContent()).resolves.toContain(
      'lee@academy.local',
    );
    await page.close();
  });
});
