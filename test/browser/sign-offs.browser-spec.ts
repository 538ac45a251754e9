import {
  certificationContent,
  COACHED,
  recordActivity,
  SENIOR,
  userId,
} from '../e2e/certifications/certification-fixture';
import { BrowserHarness, describeInBrowser, startBrowserHarness } from '../support/browser';

// The last step of a programme: a supervisor observes live calls and signs the checklist, and
// the certificate is issued; a programme can name trainers as signers instead.

describeInBrowser('Signing an observation checklist (browser)', () => {
  let h: BrowserHarness;
  let traineeId: string;

  beforeAll(async () => {
    h = await startBrowserHarness({
      env: {
        CONTENT_DIR: certificationContent({
          'fixture-senior': SENIOR,
          'fixture-coached': COACHED,
        }),
      },
    });
    traineeId = await userId(h.t, 'trainee@academy.local');
    await recordActivity(h.t, { userId: traineeId, kind: 'course', id: 'phone-basics' });
  });
  afterAll(async () => h?.close());

  const signAll = async (email: string, title: string): Promise<string> => {
    const page = await h.newPage();
    const scriptErrors: string[] = [];
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    await h.signIn(page, email);
    await page
      .getByRole('link', { name: /^Sign-offs/ })
      .first()
      .click();
    const card = page.locator(`section.sign-off[data-user="${traineeId}"]`, { hasText: title });
    await card.first().waitFor();
    await expect(card.count()).resolves.toBe(1);
    await expect(card.textContent()).resolves.toContain('your sign-off completes the programme');
    for (const box of await card.getByRole('checkbox').all()) await box.check();
    await card.getByLabel('Comment').fill('Observed three calls');
    await card.getByRole('button', { name: 'Sign' }).click();
    const notice = await page.getByTestId('sign-off-notice').textContent();
    expect(scriptErrors).toEqual([]);
    await page.close();
    return notice ?? '';
  };

  it('should let the supervisor sign the checklist, and the trainer the one that names trainers', async () => {
    await expect(signAll('supervisor@academy.local', 'Live-call observation')).resolves.toContain(
      'the certificate was issued',
    );
    await expect(signAll('trainer@academy.local', 'Coaching observation')).resolves.toContain(
      'the certificate was issued',
    );
    const trainee = await h.t.bearer('trainee@academy.local');
    const mine = await h.t.http().get('/api/me/certificates').set('Authorization', trainee);
    expect(
      mine.body.certificates.map((c: { programmeId: string }) => c.programmeId).sort(),
    ).toEqual(['fixture-coached', 'fixture-senior']);
  });
});
