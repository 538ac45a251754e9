import {
  BrowserHarness,
  describeInBrowser,
  pageWidth,
  startBrowserHarness,
} from '../support/browser';

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

  it('should onboard a cohort from pasted CSV, and the new hire chooses a password at first sign-in', async () => {
    const page = await h.newPage();
    await h.signIn(page, 'hr@academy.local');
    await page.goto('/admin/users/import');
    await page
      .getByLabel('…or paste the rows')
      .fill('email,name,employee_number,team\nlee@academy.local,Lee Park,E-900,North\n');
    await page.getByRole('button', { name: 'Create accounts' }).click();
    const result = page.getByTestId('import-result');
    await expect(result.textContent()).resolves.toContain('lee@academy.local');
    const temporary = (await result.locator('code').first().textContent())!.trim();
    await page.close();

    const lee = await h.newPage();
    await lee.goto('/courses');
    await lee.getByLabel('Email').fill('lee@academy.local');
    await lee.getByLabel('Password').fill(temporary);
    await Promise.all([
      lee.waitForURL((url) => url.pathname === '/account/password'),
      lee.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    await expect(lee.getByTestId('temporary-password').isVisible()).resolves.toBe(true);
    await expect(
      lee.getByRole('navigation', { name: 'Main' }).getByRole('link').count(),
    ).resolves.toBe(0);
    await lee.getByLabel('Current password').fill(temporary);
    await lee.getByLabel('New password', { exact: false }).first().fill('lee-chose-this-1');
    await lee.getByLabel('New password again').fill('lee-chose-this-1');
    await Promise.all([
      lee.waitForURL((url) => url.pathname === '/courses'),
      lee.getByRole('button', { name: 'Change password' }).click(),
    ]);
    await expect(
      lee
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Exams' })
        .isVisible(),
    ).resolves.toBe(true);
    await lee.getByTestId('viewer').click();
    await lee.waitForURL((url) => url.pathname === '/account');
    await expect(lee.getByRole('heading', { name: 'Your account' }).isVisible()).resolves.toBe(
      true,
    );
    await lee.close();
  });

  it('should let an admin open a person from the list and move them to another team', async () => {
    const page = await h.newPage();
    await h.signIn(page, 'admin@academy.local');
    await page.goto('/admin/users?q=trainee%40academy.local');
    await Promise.all([
      page.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/),
      page.getByTestId('users-table').getByRole('link').first().click(),
    ]);
    await page.getByLabel('Team', { exact: true }).fill('Night shift');
    await Promise.all([
      page.waitForURL(/saved=1$/),
      page.getByRole('button', { name: 'Save' }).click(),
    ]);
    await expect(page.getByTestId('person-saved').isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Team', { exact: true }).inputValue()).resolves.toBe(
      'Night shift',
    );
    await expect(page.getByTestId('person-history').textContent()).resolves.toContain(
      'user.updated',
    );
    await page.close();
  });

  it('should fit a 390 px phone screen: wide tables scroll in their own box, long emails wrap', async () => {
    const pages = {
      'hr@academy.local': ['/admin/users', '/certificates/staff'],
      'trainee@academy.local': ['/simulations', '/reports/me'],
    };
    for (const [email, paths] of Object.entries(pages)) {
      const page = await h.newPage();
      await page.setViewportSize({ width: 390, height: 844 });
      await h.signIn(page, email);
      for (const path of paths) {
        await page.goto(path);
        const width = await pageWidth(page);
        expect({ path, width }).toEqual({ path, width: 390 });
      }
      await page.close();
    }
  });

  it('should take a request for a new password from the sign-in page', async () => {
    const page = await h.newPage();
    await page.goto('/login');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/login/help'),
      page.getByRole('link', { name: 'Forgot your password?' }).click(),
    ]);
    await page.getByLabel('Email').fill('trainee@academy.local');
    await page.getByRole('button', { name: 'Ask for a new password' }).click();
    await expect(page.getByTestId('password-help-done').textContent()).resolves.toContain(
      'the people who manage accounts have been asked',
    );
    await page.close();
  });
});
