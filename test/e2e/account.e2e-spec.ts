import { BrowserSession } from '../support/browser-session';
import { createTestApp, createUser, DEMO_PASSWORD, TestApp } from '../support/test-app';

const NEW_PASSWORD = 'my-own-password-1';

describe('Own account: password and sessions', () => {
  let t: TestApp;
  let admin: string;
  let hr: string;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, hr] = await Promise.all([
      t.bearer('admin@academy.local'),
      t.bearer('hr@academy.local'),
    ]);
  });
  afterAll(async () => t.close());

  async function createPerson(
    email: string,
    extra: Record<string, unknown> = {},
  ): Promise<{ id: string; password: string }> {
    const password = 'initial-password-1';
    const { id } = await createUser(t, admin, { email, password, ...extra });
    return { id, password };
  }

  function changePassword(token: string, body: object) {
    return t.http().put('/api/me/password').set('Authorization', token).send(body);
  }

  it('should list the account routes in the OpenAPI document', async () => {
    const response = await t.http().get('/api/docs-json').expect(200);
    const paths = (response.body as { paths: Record<string, object> }).paths;
    expect(Object.keys(paths['/api/me/password'])).toEqual(['put']);
    expect(Object.keys(paths['/api/me/sign-out-everywhere'])).toEqual(['post']);
  });

  it('should change the password, end the old token and give a working new one', async () => {
    const person = await createPerson('changer@academy.local');
    const before = await t.bearer('changer@academy.local', person.password);
    const response = await changePassword(before, {
      currentPassword: person.password,
      newPassword: NEW_PASSWORD,
    }).expect(200);
    expect(response.body).toEqual({
      accessToken: expect.any(String),
      expiresIn: expect.any(Number),
    });

    await t.http().get('/api/me').set('Authorization', before).expect(401);
    const me = await t
      .http()
      .get('/api/me')
      .set('Authorization', `Bearer ${response.body.accessToken as string}`)
      .expect(200);
    expect(me.body).toMatchObject({ email: 'changer@academy.local', mustChangePassword: false });

    await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'changer@academy.local', password: person.password })
      .expect(401);
    await t.bearer('changer@academy.local', NEW_PASSWORD);

    const audit = await t
      .http()
      .get(`/api/audit?action=user.password-changed&targetId=${person.id}`)
      .set('Authorization', hr)
      .expect(200);
    expect(audit.body.items).toHaveLength(1);
    expect(JSON.stringify(audit.body)).not.toContain(NEW_PASSWORD);
  });

  it('should answer 400 with field paths and keep the password on bad changes', async () => {
    const person = await createPerson('careful@academy.local');
    const token = await t.bearer('careful@academy.local', person.password);

    const wrong = await changePassword(token, {
      currentPassword: 'not-the-password',
      newPassword: NEW_PASSWORD,
    }).expect(400);
    expect(wrong.body).toMatchObject({
      code: 'CURRENT_PASSWORD_WRONG',
      errors: [{ path: 'currentPassword', messages: [expect.any(String)] }],
    });

    const short = await changePassword(token, {
      currentPassword: person.password,
      newPassword: 'short',
    }).expect(400);
    expect(short.body.errors).toEqual([
      { path: 'newPassword', messages: [expect.stringContaining('at least 10 characters')] },
    ]);

    const same = await changePassword(token, {
      currentPassword: person.password,
      newPassword: person.password,
    }).expect(400);
    expect(same.body.errors[0].path).toBe('newPassword');

    const common = await changePassword(token, {
      currentPassword: person.password,
      newPassword: 'Password123',
    }).expect(400);
    expect(common.body.errors).toEqual([
      { path: 'newPassword', messages: [expect.stringContaining('most common passwords')] },
    ]);
    const ownEmail = await changePassword(token, {
      currentPassword: person.password,
      newPassword: 'careful@academy.local',
    }).expect(400);
    expect(ownEmail.body.errors[0].messages).toEqual([
      'password must not be your email address or your name',
    ]);

    const missing = await changePassword(token, { newPassword: NEW_PASSWORD }).expect(400);
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toEqual(['currentPassword']);

    // Nothing changed: the token still works and the old password still signs in.
    await t.http().get('/api/me').set('Authorization', token).expect(200);
    await t.bearer('careful@academy.local', person.password);
  });

  it('should count wrong current passwords towards the sign-in lockout', async () => {
    const person = await createPerson('guessed@academy.local');
    const token = await t.bearer('guessed@academy.local', person.password);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const response = await changePassword(token, {
        currentPassword: `guess-number-${attempt}`,
        newPassword: NEW_PASSWORD,
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses[5]).toBe(429);
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'guessed@academy.local', password: person.password })
      .expect(429);
  });

  it('should hold someone with a temporary password to choosing their own first', async () => {
    const person = await createPerson('temporary@academy.local', { mustChangePassword: true });
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'temporary@academy.local', password: person.password })
      .expect(200);
    expect(login.body.user.mustChangePassword).toBe(true);
    const token = `Bearer ${login.body.accessToken as string}`;

    const blocked = await t.http().get('/api/courses').set('Authorization', token).expect(403);
    expect(blocked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    await t.http().post('/api/me/sign-out-everywhere').set('Authorization', token).expect(403);
    const me = await t.http().get('/api/me').set('Authorization', token).expect(200);
    expect(me.body.mustChangePassword).toBe(true);

    const changed = await changePassword(token, {
      currentPassword: person.password,
      newPassword: NEW_PASSWORD,
    }).expect(200);
    await t
      .http()
      .get('/api/courses')
      .set('Authorization', `Bearer ${changed.body.accessToken as string}`)
      .expect(200);
  });

  it('should make imported accounts temporary, and let an admin mark or reset a password', async () => {
    const imported = await t
      .http()
      .post('/api/users/import')
      .set('Authorization', hr)
      .type('text/csv')
      .send('email,name\nnewhire.one@academy.local,New Hire\n')
      .expect(201);
    const { temporaryPassword, id } = imported.body.created[0] as {
      temporaryPassword: string;
      id: string;
    };
    const user = await t.http().get(`/api/users/${id}`).set('Authorization', hr).expect(200);
    expect(user.body.mustChangePassword).toBe(true);
    const importedToken = await t.bearer('newhire.one@academy.local', temporaryPassword);
    await t.http().get('/api/exams').set('Authorization', importedToken).expect(403);

    const person = await createPerson('reset@academy.local');
    const token = await t.bearer('reset@academy.local', person.password);
    await t
      .http()
      .patch(`/api/users/${person.id}`)
      .set('Authorization', admin)
      .send({ password: 'reset-by-admin-1', mustChangePassword: true })
      .expect(200);
    // The admin's reset signs out the sessions opened with the old password.
    await t.http().get('/api/me').set('Authorization', token).expect(401);
    const after = await t.bearer('reset@academy.local', 'reset-by-admin-1');
    const blocked = await t.http().get('/api/courses').set('Authorization', after).expect(403);
    expect(blocked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('should sign out every other session and keep the one asking', async () => {
    const person = await createPerson('everywhere@academy.local');
    const laptop = await t.bearer('everywhere@academy.local', person.password);
    const phone = await t.bearer('everywhere@academy.local', person.password);
    const response = await t
      .http()
      .post('/api/me/sign-out-everywhere')
      .set('Authorization', laptop)
      .expect(200);
    await t.http().get('/api/me').set('Authorization', laptop).expect(401);
    await t.http().get('/api/me').set('Authorization', phone).expect(401);
    await t
      .http()
      .get('/api/me')
      .set('Authorization', `Bearer ${response.body.accessToken as string}`)
      .expect(200);
    const audit = await t
      .http()
      .get(`/api/audit?action=user.signed-out&targetId=${person.id}`)
      .set('Authorization', hr)
      .expect(200);
    expect(audit.body.items).toHaveLength(1);
  });

  describe('pages', () => {
    it('should send a temporary password to the password page and back where it was going', async () => {
      const person = await createPerson('pages.temp@academy.local', { mustChangePassword: true });
      const browser = new BrowserSession(t.app.getHttpServer());
      await browser.get('/login');
      const login = await browser.postForm('/login', {
        email: 'pages.temp@academy.local',
        password: person.password,
        next: '/courses',
      });
      expect(login.headers.location).toBe('/courses');
      const courses = await browser.get('/courses');
      expect(courses.status).toBe(303);
      expect(courses.headers.location).toBe('/account/password?next=%2Fcourses');

      const page = await browser.get('/account/password?next=%2Fcourses');
      expect(page.status).toBe(200);
      expect(page.text).toContain('data-testid="temporary-password"');
      // No menu leads anywhere else meanwhile.
      expect(page.text).not.toContain('href="/exams"');

      const differ = await browser.postForm('/account/password', {
        currentPassword: person.password,
        newPassword: NEW_PASSWORD,
        repeatPassword: 'something-else-1',
        next: '/courses',
      });
      expect(differ.status).toBe(400);
      expect(differ.text).toContain('The two new passwords differ');

      const done = await browser.postForm('/account/password', {
        currentPassword: person.password,
        newPassword: NEW_PASSWORD,
        repeatPassword: NEW_PASSWORD,
        next: '/courses',
      });
      expect(done.status).toBe(303);
      expect(done.headers.location).toBe('/courses');
      expect((await browser.get('/courses')).status).toBe(200);
    });

    it('should change the password and sign out elsewhere from the account page', async () => {
      const person = await createPerson('pages.own@academy.local');
      const other = await t.bearer('pages.own@academy.local', person.password);
      const browser = new BrowserSession(t.app.getHttpServer());
      await browser.signIn('pages.own@academy.local', person.password);
      const page = await browser.get('/account');
      expect(page.text).toContain('pages.own@academy.local');
      expect(page.text).not.toContain('data-testid="temporary-password"');

      const wrong = await browser.postForm('/account/password', {
        currentPassword: 'not-it-at-all',
        newPassword: NEW_PASSWORD,
        repeatPassword: NEW_PASSWORD,
      });
      expect(wrong.status).toBe(400);
      expect(wrong.text).toContain('This is not your current password');

      const changed = await browser.postForm('/account/password', {
        currentPassword: person.password,
        newPassword: NEW_PASSWORD,
        repeatPassword: NEW_PASSWORD,
      });
      expect(changed.headers.location).toBe('/account?changed=1');
      expect((await browser.get('/account?changed=1')).text).toContain('Your password is changed');
      await t.http().get('/api/me').set('Authorization', other).expect(401);

      const signedOut = await browser.postForm('/account/sign-out-everywhere', {});
      expect(signedOut.headers.location).toBe('/account?signedOut=1');
      expect((await browser.get('/account?signedOut=1')).status).toBe(200);
    });

    it('should let the admin form mark a new account temporary (ticked by default)', async () => {
      const browser = new BrowserSession(t.app.getHttpServer());
      await browser.signIn('admin@academy.local', DEMO_PASSWORD);
      const form = await browser.get('/admin/users');
      expect(form.text).toMatch(/name="mustChangePassword" data-testid="must-change" checked/);
      await browser.postForm('/admin/users', {
        email: 'ticked@academy.local',
        displayName: 'Ticked Box',
        roles: 'trainee',
        password: 'long-enough-pw',
        mustChangePassword: 'on',
      });
      await browser.postForm('/admin/users', {
        email: 'unticked@academy.local',
        displayName: 'Unticked Box',
        roles: 'trainee',
        password: 'long-enough-pw',
      });
      const listed = await t.http().get('/api/users?q=ticked').set('Authorization', hr).expect(200);
      const flags = Object.fromEntries(
        (listed.body.items as { email: string; mustChangePassword: boolean }[]).map((u) => [
          u.email,
          u.mustChangePassword,
        ]),
      );
      expect(flags).toEqual({ 'ticked@academy.local': true, 'unticked@academy.local': false });
    });
  });
});
