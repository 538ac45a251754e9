import { BrowserSession } from '../support/browser-session';
import { createTestApp, createUser, DEMO_PASSWORD, TestApp } from '../support/test-app';

describe('Editing people (admin)', () => {
  let t: TestApp;
  let admin: string;
  let hr: string;
  let adminId: string;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, hr] = await Promise.all([
      t.bearer('admin@academy.local'),
      t.bearer('hr@academy.local'),
    ]);
    adminId = (await t.http().get('/api/me').set('Authorization', admin).expect(200)).body.id;
  });
  afterAll(async () => t.close());

  let peopleCreated = 0;
  async function createPerson(email: string, extra: Record<string, unknown> = {}) {
    return (await createUser(t, admin, {
      email,
      displayName: 'Edit Me',
      password: 'initial-password-1',
      employeeNumber: `E-ADM-${++peopleCreated}`,
      team: 'North',
      cohort: '2026-12',
      ...extra,
    })) as { id: string; employeeNumber: string };
  }

  it('should refuse to clear a required field and clear the optional ones with null', async () => {
    const person = await createPerson('clear.me@academy.local');
    const refused = await t
      .http()
      .patch(`/api/users/${person.id}`)
      .set('Authorization', admin)
      .send({ email: null, roles: null })
      .expect(400);
    expect(refused.body.errors).toEqual([
      { path: 'email', messages: ['email cannot be cleared'] },
      { path: 'roles', messages: ['roles cannot be cleared'] },
    ]);
    const cleared = await t
      .http()
      .patch(`/api/users/${person.id}`)
      .set('Authorization', admin)
      .send({ team: null, cohort: null, employeeNumber: null })
      .expect(200);
    expect(cleared.body).toMatchObject({
      email: 'clear.me@academy.local',
      team: null,
      cohort: null,
      employeeNumber: null,
    });
  });

  it('should screen a password an admin sets like one a person chooses', async () => {
    const created = await t
      .http()
      .post('/api/users')
      .set('Authorization', admin)
      .send({
        email: 'weak.one@academy.local',
        displayName: 'Weak One',
        roles: ['trainee'],
        password: '1234567890',
      })
      .expect(400);
    expect(created.body.errors).toEqual([
      {
        path: 'password',
        messages: [
          expect.stringContaining('most common passwords'),
          expect.stringContaining('a run such as 12345678'),
        ],
      },
    ]);
    const person = await createPerson('weak.two@academy.local');
    const reset = await t
      .http()
      .patch(`/api/users/${person.id}`)
      .set('Authorization', admin)
      .send({ password: 'weak.two' + '@academy.local' })
      .expect(400);
    expect(reset.body.errors[0]).toEqual({
      path: 'password',
      messages: ['password must not be your email address or your name'],
    });
  });

  it('should keep at least one active admin', async () => {
    const demote = await t
      .http()
      .patch(`/api/users/${adminId}`)
      .set('Authorization', admin)
      .send({ roles: ['hr'] })
      .expect(409);
    expect(demote.body).toMatchObject({
      code: 'LAST_ADMIN',
      errors: [{ path: 'roles', messages: [expect.any(String)] }],
    });
    const deactivate = await t
      .http()
      .patch(`/api/users/${adminId}`)
      .set('Authorization', admin)
      .send({ active: false })
      .expect(409);
    expect(deactivate.body.errors[0].path).toBe('active');
    await t.http().get('/api/me').set('Authorization', admin).expect(200);

    // With a second admin, either may step down.
    const second = await createPerson('second.admin@academy.local', { roles: ['admin'] });
    await t
      .http()
      .patch(`/api/users/${second.id}`)
      .set('Authorization', admin)
      .send({ roles: ['trainer'] })
      .expect(200);
    const back = await t.http().get(`/api/users/${second.id}`).set('Authorization', hr);
    expect(back.body.roles).toEqual(['trainer']);
  });

  it('should let an admin end every session of a person, audited', async () => {
    const person = await createPerson('lost.laptop@academy.local');
    const token = await t.bearer('lost.laptop@academy.local', 'initial-password-1');
    await t.http().post(`/api/users/${person.id}/sign-out`).set('Authorization', hr).expect(403);
    await t
      .http()
      .post('/api/users/00000000-0000-4000-8000-000000000000/sign-out')
      .set('Authorization', admin)
      .expect(404);
    await t.http().post(`/api/users/${person.id}/sign-out`).set('Authorization', admin).expect(204);
    await t.http().get('/api/me').set('Authorization', token).expect(401);
    // The password still works: they sign in again.
    await t.bearer('lost.laptop@academy.local', 'initial-password-1');
    const audit = await t
      .http()
      .get(`/api/audit?action=user.signed-out&targetId=${person.id}`)
      .set('Authorization', hr)
      .expect(200);
    expect(audit.body.items[0].summary).toEqual({ everywhere: true, byAdmin: true });

    const browser = new BrowserSession(t.app.getHttpServer());
    await browser.signIn('admin@academy.local', DEMO_PASSWORD);
    const again = await t.bearer('lost.laptop@academy.local', 'initial-password-1');
    await browser.get(`/admin/users/${person.id}`);
    const posted = await browser.postForm(`/admin/users/${person.id}/sign-out`, {});
    expect(posted.headers.location).toBe(`/admin/users/${person.id}?signedOut=1`);
    expect((await browser.get(posted.headers.location as string)).text).toContain(
      'data-testid="person-signed-out"',
    );
    await t.http().get('/api/me').set('Authorization', again).expect(401);
  });

  it('should list people by status and tell hr on the home page who is still on a temporary password', async () => {
    const listed = async (status: string): Promise<string[]> => {
      const response = await t
        .http()
        .get(`/api/users?status=${status}&q=status.`)
        .set('Authorization', hr)
        .expect(200);
      return (response.body.items as { email: string }[]).map((user) => user.email).sort();
    };
    const homeNotice = async (): Promise<string | undefined> => {
      const browser = new BrowserSession(t.app.getHttpServer());
      await browser.signIn('hr@academy.local', DEMO_PASSWORD);
      const home = await browser.get('/');
      return /data-testid="home-notice-temporary-passwords"[\s\S]*?<a [^>]*>([^<]*)</.exec(
        home.text,
      )?.[1];
    };
    const before = await homeNotice();
    await createPerson('status.temp@academy.local', { mustChangePassword: true });
    await createPerson('status.gone@academy.local', { mustChangePassword: true });
    await createPerson('status.seen@academy.local');
    await t.bearer('status.seen@academy.local', 'initial-password-1');
    const gone = await t.http().get('/api/users?q=status.gone').set('Authorization', hr);
    await t
      .http()
      .patch(`/api/users/${gone.body.items[0].id as string}`)
      .set('Authorization', admin)
      .send({ active: false })
      .expect(200);

    expect(await listed('temporary-password')).toEqual(['status.temp@academy.local']);
    expect(await listed('never-signed-in')).toEqual(['status.temp@academy.local']);
    expect(await listed('inactive')).toEqual(['status.gone@academy.local']);
    expect(await listed('active')).toEqual([
      'status.seen@academy.local',
      'status.temp@academy.local',
    ]);
    const bad = await t.http().get('/api/users?status=asleep').set('Authorization', hr).expect(400);
    expect(bad.body.errors[0].path).toBe('status');

    // One more person on a temporary password than before; the deactivated one does not count.
    const count = (text: string | undefined): number =>
      Number(/^(\d+)/.exec(text ?? '0')?.[1] ?? 0);
    expect(count(await homeNotice())).toBe(count(before) + 1);
    expect(await homeNotice()).toMatch(/ not chosen their own password yet$/);

    const browser = new BrowserSession(t.app.getHttpServer());
    await browser.signIn('hr@academy.local', DEMO_PASSWORD);
    const page = await browser.get('/admin/users?status=temporary-password&q=status.');
    expect(page.text).toContain('status.temp@academy.local');
    expect(page.text).not.toContain('status.seen@academy.local');
    expect(page.text).toContain('data-testid="temporary"');
  });

  describe('person page', () => {
    it('should show hr the account and its history, without the form', async () => {
      const person = await createPerson('read.only@academy.local');
      const browser = new BrowserSession(t.app.getHttpServer());
      await browser.signIn('hr@academy.local', DEMO_PASSWORD);
      const list = await browser.get('/admin/users?q=read.only');
      expect(list.text).toContain(`href="/admin/users/${person.id}"`);
      const page = await browser.get(`/admin/users/${person.id}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('read.only@academy.local');
      expect(page.text).not.toContain('data-testid="person-form"');
      expect(page.text).toMatch(/data-testid="person-history"[\s\S]*user\.created/);
      const posted = await browser.postForm(`/admin/users/${person.id}`, {
        email: 'read.only@academy.local',
        displayName: 'Changed By HR',
        roles: 'trainee',
      });
      expect(posted.status).toBe(403);
      // An id that cannot be one is a page that does not exist.
      expect((await browser.get('/admin/users/not-a-uuid')).status).toBe(404);
    });

    it('should save the form, reset a password to a temporary one and re-render errors', async () => {
      const person = await createPerson('form.edit@academy.local');
      const theirs = await t.bearer('form.edit@academy.local', 'initial-password-1');
      const browser = new BrowserSession(t.app.getHttpServer());
      await browser.signIn('admin@academy.local', DEMO_PASSWORD);
      const page = await browser.get(`/admin/users/${person.id}`);
      expect(page.text).toContain('data-testid="person-form"');
      expect(page.text).toContain(`value="${person.employeeNumber}"`);

      const bad = await browser.postForm(`/admin/users/${person.id}`, {
        email: 'not an email',
        displayName: 'Edit Me',
        roles: 'trainee',
        active: 'on',
      });
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('Must be an email');
      expect(bad.text).toContain('value="not an email"');

      const saved = await browser.postForm(`/admin/users/${person.id}`, {
        email: 'form.edit@academy.local',
        displayName: 'Edited Name',
        employeeNumber: '',
        team: 'South',
        cohort: '2026-12',
        roles: ['trainee', 'supervisor'],
        managedTeams: 'South, West',
        active: 'on',
        password: 'temporary-by-admin-1',
        mustChangePassword: 'on',
      });
      expect(saved.status).toBe(303);
      expect(saved.headers.location).toBe(`/admin/users/${person.id}?saved=1`);
      const after = await t.http().get(`/api/users/${person.id}`).set('Authorization', hr);
      expect(after.body).toMatchObject({
        displayName: 'Edited Name',
        employeeNumber: null,
        team: 'South',
        roles: ['trainee', 'supervisor'],
        managedTeams: ['South', 'West'],
        active: true,
        mustChangePassword: true,
      });
      await t.http().get('/api/me').set('Authorization', theirs).expect(401);
      const history = await browser.get(`/admin/users/${person.id}?saved=1`);
      expect(history.text).toContain('data-testid="person-saved"');
      expect(history.text).toMatch(/user\.updated[\s\S]*<dt>password<\/dt><dd>changed<\/dd>/);

      // Unticking "active" deactivates; a blank password keeps the password.
      await browser.postForm(`/admin/users/${person.id}`, {
        email: 'form.edit@academy.local',
        displayName: 'Edited Name',
        roles: 'trainee',
      });
      const deactivated = await t.http().get(`/api/users/${person.id}`).set('Authorization', hr);
      expect(deactivated.body).toMatchObject({ active: false, mustChangePassword: true });
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: 'form.edit@academy.local', password: 'temporary-by-admin-1' })
        .expect(401);
    });

    it('should re-render the last-admin refusal on the page', async () => {
      const onlyAdmins = await t
        .http()
        .get('/api/users?role=admin')
        .set('Authorization', hr)
        .expect(200);
      expect(onlyAdmins.body.items).toHaveLength(1);
      const browser = new BrowserSession(t.app.getHttpServer());
      await browser.signIn('admin@academy.local', DEMO_PASSWORD);
      await browser.get(`/admin/users/${adminId}`);
      const refused = await browser.postForm(`/admin/users/${adminId}`, {
        email: 'admin@academy.local',
        displayName: 'Ada Admin',
        roles: 'admin',
      });
      expect(refused.status).toBe(409);
      expect(refused.text).toContain('This is the last active admin');
    });
  });
});
