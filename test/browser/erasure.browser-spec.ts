import { BrowserHarness, describeInBrowser, startBrowserHarness } from '../support/browser';
import { createUser, DEMO_PASSWORD } from '../support/test-app';

describeInBrowser('Erasing a former member of staff (browser)', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => h?.close());

  it('should erase a deactivated person from their page once the admin ticks the box', async () => {
    const admin = await h.t.bearer('admin@academy.local');
    const leaver = await createUser(h.t, admin, {
      email: 'lee.leaver@academy.local',
      displayName: 'Lee Leaver',
      password: DEMO_PASSWORD,
      team: 'North',
    });
    await h.t
      .http()
      .patch(`/api/users/${leaver.id}`)
      .set('Authorization', admin)
      .send({ active: false })
      .expect(200);

    const page = await h.newPage();
    await h.signIn(page, 'admin@academy.local');
    await page.goto(`/admin/users/${leaver.id}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Lee Leaver');
    const form = page.getByTestId('erase-form');
    await form.getByLabel('I understand that this cannot be undone').check();
    await Promise.all([
      page.waitForURL(/\?erased=\d+$/),
      form.getByRole('button', { name: 'Erase personal data' }).click(),
    ]);
    await expect(page.getByTestId('person-erased').textContent()).resolves.toContain(
      'record(s) changed',
    );
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(
      /^Erased person [0-9a-f]{8}$/,
    );
    await expect(page.getByTestId('person-form').count()).resolves.toBe(0);
    await expect(page.content()).resolves.not.toContain('lee.leaver@academy.local');
    await page.close();
  });
});
