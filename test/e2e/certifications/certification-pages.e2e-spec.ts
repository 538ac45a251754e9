import { BrowserSession } from '../../support/browser-session';
import { createTestApp, DEMO_PASSWORD, TestApp } from '../../support/test-app';
import {
  certificationContent,
  QUIZ_CERTIFICATE,
  recordActivity,
  SENIOR,
  userId,
} from './certification-fixture';

// The pages over a cookie session: My certificates with progress, notices, the staff list
// with its revoke form (CSRF-protected, reason required), the supervisor's sign-off form.
describe('Certification pages', () => {
  let t: TestApp;
  let traineeId: string;

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        CONTENT_DIR: certificationContent({
          'quiz-certificate': QUIZ_CERTIFICATE,
          'fixture-senior': SENIOR,
        }),
      },
    });
    traineeId = await userId(t, 'trainee@academy.local');
    await recordActivity(t, { userId: traineeId, kind: 'exam', id: 'short-quiz' });
  });
  afterAll(async () => t?.close());

  const session = async (email: string): Promise<BrowserSession> => {
    const browser = new BrowserSession(t.app.getHttpServer());
    await browser.signIn(email, DEMO_PASSWORD);
    return browser;
  };

  it('should show the trainee their certificates, proof links and what is left per programme', async () => {
    const trainee = await session('trainee@academy.local');
    const home = await trainee.get('/');
    expect(home.text).toContain('href="/certificates"');
    const page = await trainee.get('/certificates');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/assets/css/certifications.css');
    expect(page.text).toMatch(/data-programme="quiz-certificate"[\s\S]*Active/);
    expect(page.text).toMatch(/href="http:\/\/localhost:3000\/verify\/[A-Za-z0-9_-]{43}"/);
    expect(page.text).toMatch(/href="\/api\/certificates\/[0-9a-f-]{36}\/pdf"/);
    // The senior programme: the course is left (with its link), the sign-off has no link.
    expect(page.text).toMatch(
      /data-requirement="course:phone-basics"[\s\S]*?href="\/courses\/phone-basics"/,
    );
    expect(page.text).toContain('Live-call observation');
    expect(page.text).not.toMatch(/<script>(?!<\/)/);
    const notices = await trainee.get('/certificates/notices');
    expect(notices.text).toContain('You earned “Quiz certificate”');
    const noticeId = /data-notice="([0-9a-f-]{36})"/.exec(notices.text)![1];
    const read = await trainee.postForm(`/certificates/notices/${noticeId}/read`, {});
    expect(read.status).toBe(303);
    expect((await trainee.get('/certificates/notices')).text).toContain('class="read"');
    expect((await trainee.get('/certificates/staff')).status).toBe(403);
  });

  it('should let hr revoke from the list, with a reason, and re-show the form without one', async () => {
    const hr = await session('hr@academy.local');
    const list = await hr.get('/certificates/staff');
    expect(list.status).toBe(200);
    const id = /action="\/certificates\/([0-9a-f-]{36})\/revoke"/.exec(list.text)![1];
    const forged = await hr.postForm(
      `/certificates/${id}/revoke`,
      { reason: 'No token here' },
      false,
    );
    expect(forged.status).toBe(403);
    const empty = await hr.postForm(`/certificates/${id}/revoke`, { reason: '' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Must say why');
    const done = await hr.postForm(`/certificates/${id}/revoke`, { reason: 'Issued by mistake' });
    expect(done.status).toBe(303);
    const after = await hr.get('/certificates/staff?revoked=1');
    expect(after.text).toContain('The certificate was revoked.');
    expect(after.text).toContain('Issued by mistake');
    const verify = await t
      .http()
      .get(`/api/certificates/${id}`)
      .set('Authorization', await t.bearer('hr@academy.local'));
    expect(verify.body.status).toBe('revoked');
  });

  it('should show the score of a requirement’s evidence as a whole percentage', async () => {
    await recordActivity(t, {
      userId: traineeId,
      kind: 'course',
      id: 'phone-basics',
      score: 95.88,
    });
    const page = await (await session('trainee@academy.local')).get('/certificates');
    expect(page.text).toMatch(
      /data-requirement="course:phone-basics"[\s\S]*?\(\d{4}-\d\d-\d\d, 96 %\)/,
    );
    expect(page.text).not.toContain('95.88');
  });

  it('should let a supervisor sign the checklist from the page and issue the certificate', async () => {
    await recordActivity(t, { userId: traineeId, kind: 'course', id: 'phone-basics' });
    const supervisor = await session('supervisor@academy.local');
    const page = await supervisor.get('/certificates/sign-offs');
    expect(page.text).toContain('Tara Trainee');
    expect(page.text).toContain('your sign-off completes the programme');
    const signed = await supervisor.postForm(`/certificates/sign-offs/${traineeId}`, {
      programmeId: 'fixture-senior',
      ticked: ['owns-cases', 'calms-first'],
      comment: 'Observed three calls',
    });
    expect(signed.status).toBe(303);
    expect(signed.headers.location).toBe('/certificates/sign-offs?signed=certified');
    const trainee = await t.bearer('trainee@academy.local');
    const mine = await t.http().get('/api/me/certificates').set('Authorization', trainee);
    expect(mine.body.certificates.map((c: { programmeId: string }) => c.programmeId)).toContain(
      'fixture-senior',
    );
  });

  it('should show the public verification page to anyone, and 404 for an unknown token', async () => {
    const anonymous = new BrowserSession(t.app.getHttpServer());
    const missing = await anonymous.get(`/verify/${'x'.repeat(43)}`);
    expect(missing.status).toBe(404);
  });
});
