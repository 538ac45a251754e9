import { BrowserHarness, describeInBrowser, startBrowserHarness } from '../support/browser';
import {
  certificationContent,
  QUIZ_CERTIFICATE,
  recordActivity,
  userId,
} from '../e2e/certifications/certification-fixture';

// Certificates carry PUBLIC_URL; the browser reaches it through a route to the test server.
const PUBLIC_URL = 'https://verify.academy.test';

describeInBrowser('My certificates and the verification link (browser)', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowserHarness({
      env: {
        CONTENT_DIR: certificationContent({ 'quiz-certificate': QUIZ_CERTIFICATE }),
        PUBLIC_URL,
      },
    });
    await recordActivity(h.t, {
      userId: await userId(h.t, 'trainee@academy.local'),
      kind: 'exam',
      id: 'short-quiz',
    });
  });
  afterAll(async () => h?.close());

  it('should open My certificates, follow the verification link and check the credential file there', async () => {
    const page = await h.newPage();
    const scriptErrors: string[] = [];
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    await page.route(`${PUBLIC_URL}/**`, async (route) => {
      const url = new URL(route.request().url());
      const response = await route.fetch({ url: `${h.baseUrl}${url.pathname}${url.search}` });
      await route.fulfill({ response });
    });
    await h.signIn(page, 'trainee@academy.local');

    await Promise.all([
      page.waitForURL((url) => url.pathname === '/certificates'),
      page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'My certificates' })
        .click(),
    ]);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'My certificates',
    );
    const row = page.getByTestId('certificates').locator('tr[data-programme="quiz-certificate"]');
    await expect(row.textContent()).resolves.toContain('Active');
    await expect(row.textContent()).resolves.toContain('2027-11-23');

    await row.getByRole('link', { name: 'Verification page' }).click();
    await page.waitForURL(
      (url) => url.origin === PUBLIC_URL && url.pathname.startsWith('/verify/'),
    );
    const card = page.getByTestId('verification');
    await expect(card.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Valid certificate',
    );
    await expect(page.getByTestId('holder').textContent()).resolves.toBe('Tara Trainee');
    await expect(page.getByTestId('programme').textContent()).resolves.toBe('Quiz certificate');
    await expect(page.getByTestId('status').textContent()).resolves.toBe('Active');
    await expect(page.content()).resolves.not.toContain('trainee@academy.local');

    // An employer given the credential file checks it from the same page.
    const trainee = await h.t.bearer('trainee@academy.local');
    const mine = await h.t.http().get('/api/me/certificates').set('Authorization', trainee);
    const credentialUrl = new URL(mine.body.certificates[0].links.credential as string);
    const credential = (await h.t.http().get(credentialUrl.pathname).expect(200)).text;
    await page.getByRole('link', { name: 'Check an Open Badges credential' }).click();
    await page.getByLabel('Or open the file').setInputFiles({
      name: 'quiz-certificate.json',
      mimeType: 'application/json',
      buffer: Buffer.from(credential),
    });
    await page.waitForFunction('document.getElementById("credential").value.length > 0');
    await page.getByRole('button', { name: 'Check the credential' }).click();
    const result = page.getByTestId('credential-result');
    await expect(result.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(
      'Credential verified',
    );
    await expect(result.locator('li[data-check="signature"]').textContent()).resolves.toContain(
      'Signature valid',
    );
    await expect(result.locator('li[data-check="status"]').textContent()).resolves.toContain(
      'Not revoked',
    );

    // The same file with one word changed fails its signature.
    await page
      .getByLabel('Credential (JSON)')
      .fill(credential.replace('Quiz certificate', 'Quiz certificat'));
    await page.getByRole('button', { name: 'Check the credential' }).click();
    await expect(
      page.getByTestId('credential-result').getByRole('heading', { level: 2 }).textContent(),
    ).resolves.toBe('Credential not verified');
    await expect(
      page.getByTestId('credential-result').locator('li[data-check="signature"]').textContent(),
    ).resolves.toContain('changed after signing');
    expect(scriptErrors).toEqual([]);
  });

  it('should let the admin rotate the signing key and revoke the old one, after confirming', async () => {
    const trainee = await h.t.bearer('trainee@academy.local');
    const mine = await h.t.http().get('/api/me/certificates').set('Authorization', trainee);
    const credentialPath = new URL(mine.body.certificates[0].links.credential as string).pathname;
    const before = (await h.t.http().get(credentialPath).expect(200)).text;

    const page = await h.newPage();
    const scriptErrors: string[] = [];
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    await h.signIn(page, 'admin@academy.local');
    // A rare task: reached from the admin's home page, not the menu.
    await Promise.all([
      page.waitForURL(/\/admin\/issuer-keys$/),
      page.getByRole('link', { name: /^Signing keys/ }).click(),
    ]);
    const keys = page.getByTestId('issuer-keys');
    await keys.waitFor();
    await expect(keys.locator('tr[data-state="active"]').count()).resolves.toBe(1);

    // Dismissing the confirmation sends nothing.
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByTestId('rotate-key').click();
    await expect(keys.locator('tr[data-key]').count()).resolves.toBe(1);
    expect(page.url()).toBe(`${h.baseUrl}/admin/issuer-keys`);

    page.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('stops signing but keeps verifying');
      void dialog.accept();
    });
    await page.getByTestId('rotate-key').click();
    await page.waitForURL((url) => url.search === '?done=rotated');
    await expect(page.getByTestId('keys-notice').textContent()).resolves.toContain(
      'A new key signs from now on',
    );
    const retired = page.getByTestId('issuer-keys').locator('tr[data-state="retired"]');
    await expect(retired.count()).resolves.toBe(1);

    await retired.getByLabel('Reason').fill('Old secret was on a lost laptop');
    page.once('dialog', (dialog) => void dialog.accept());
    await retired.getByRole('button', { name: 'Revoke' }).click();
    await page.waitForURL((url) => url.search === '?done=revoked');
    const revoked = page.getByTestId('issuer-keys').locator('tr[data-state="revoked"]');
    await expect(revoked.textContent()).resolves.toContain('Old secret was on a lost laptop');

    // What the old key signed no longer verifies; a fresh download does.
    await page.goto(`${h.baseUrl}/verify`);
    await page.getByLabel('Credential (JSON)').fill(before);
    await page.getByRole('button', { name: 'Check the credential' }).click();
    const result = page.getByTestId('credential-result');
    await expect(result.locator('li[data-check="signature"]').textContent()).resolves.toContain(
      'withdrawn by the issuer',
    );
    const fresh = (await h.t.http().get(credentialPath).expect(200)).text;
    await page.getByLabel('Credential (JSON)').fill(fresh);
    await page.getByRole('button', { name: 'Check the credential' }).click();
    await expect(
      page.getByTestId('credential-result').getByRole('heading', { level: 2 }).textContent(),
    ).resolves.toBe('Credential verified');
    expect(scriptErrors).toEqual([]);
  });
});
