import { BrowserSession } from '../support/browser-session';
import { createTestApp, createUser, DEMO_PASSWORD, TestApp } from '../support/test-app';

// Someone who cannot sign in asks for a new password; hr and admins see it and set one.
describe('Asking for a new password', () => {
  let t: TestApp;
  let admin: string;
  let hr: string;
  let personId: string;

  const ask = (email: unknown) => t.http().post('/api/auth/password-help').send({ email });

  beforeAll(async () => {
    t = await createTestApp();
    [admin, hr] = await Promise.all([
      t.bearer('admin@academy.local'),
      t.bearer('hr@academy.local'),
    ]);
    personId = (
      await createUser(t, admin, { email: 'forgetful@academy.local', password: 'first-password-1' })
    ).id;
  });
  afterAll(async () => t.close());

  it('should answer the same for an account and for an unknown address, and record only the account', async () => {
    const known = await ask('Forgetful@Academy.local').expect(202);
    const unknown = await ask('nobody@academy.local').expect(202);
    expect(unknown.body).toEqual(known.body);
    expect(known.body.message).toMatch(/^If this address belongs to an account/);
    expect((await ask(undefined).expect(400)).body.errors[0].path).toBe('email');

    const waiting = await t
      .http()
      .get('/api/users?status=password-help')
      .set('Authorization', hr)
      .expect(200);
    expect(waiting.body.items.map((user: { email: string }) => user.email)).toEqual([
      'forgetful@academy.local',
    ]);
    expect(waiting.body.items[0].passwordHelpRequestedAt).toBe('2026-11-23T09:00:00.000Z');
    const audit = await t
      .http()
      .get('/api/audit?action=user.password-help-requested')
      .set('Authorization', hr)
      .expect(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ targetId: personId, actorId: null });
  });

  it('should show hr the request on the home and person pages, and clear it once a password is set', async () => {
    const browser = new BrowserSession(t.app.getHttpServer());
    await browser.signIn('hr@academy.local', DEMO_PASSWORD);
    const home = await browser.get('/');
    expect(home.text).toMatch(
      /data-testid="home-notice-password-help"[\s\S]*1 person has asked for a new password/,
    );
    expect((await browser.get(`/admin/users/${personId}`)).text).toContain(
      'data-testid="password-help-requested"',
    );

    await t
      .http()
      .patch(`/api/users/${personId}`)
      .set('Authorization', admin)
      .send({ password: 'handed-over-pw-7', mustChangePassword: true })
      .expect(200);
    const after = await t.http().get(`/api/users/${personId}`).set('Authorization', hr);
    expect(after.body).toMatchObject({ passwordHelpRequestedAt: null, mustChangePassword: true });
    expect((await browser.get('/')).text).not.toContain('home-notice-password-help');
  });

  it('should take the request from the sign-in page without revealing anything', async () => {
    const browser = new BrowserSession(t.app.getHttpServer());
    const login = await browser.get('/login');
    expect(login.text).toContain('href="/login/help"');
    await browser.get('/login/help');
    const done = await browser.postForm('/login/help', { email: 'nobody@academy.local' });
    expect(done.status).toBe(200);
    expect(done.text).toContain('data-testid="password-help-done"');
    const bad = await browser.postForm('/login/help', { email: '' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('data-testid="password-help-error"');
  });

  // Last: it uses up this address's allowance.
  it('should refuse repeated requests from one address with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await ask('forgetful@academy.local')).status);
    expect(statuses).toContain(429);
    expect(statuses.slice(statuses.indexOf(429))).toEqual(
      statuses.slice(statuses.indexOf(429)).map(() => 429),
    );
  });
});
