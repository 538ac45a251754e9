import { BrowserSession } from '../support/browser-session';
import { createTestApp, DEMO_PASSWORD, TestApp } from '../support/test-app';

describe('Web sign-in and pages', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('should send an anonymous visitor to the login page', async () => {
    const response = await t.http().get('/admin/users').set('Accept', 'text/html').expect(303);
    expect(response.headers.location).toBe('/login?next=%2Fadmin%2Fusers');
  });

  it('should link every page to the app’s icon, so browsers do not ask for /favicon.ico', async () => {
    const login = await t.http().get('/login').expect(200);
    expect(login.text).toContain(
      '<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">',
    );
    const icon = await t.http().get('/assets/favicon.svg').expect(200);
    expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
  });

  it('should refuse a login form posted without the CSRF token', async () => {
    const browser = new BrowserSession(t.app.getHttpServer());
    await browser.get('/login');
    const response = await browser.postForm(
      '/login',
      { email: 'hr@academy.local', password: DEMO_PASSWORD },
      false,
    );
    expect(response.status).toBe(403);
    expect(response.text).toContain('did not come from this site');
    expect(browser.hasCookie('academy_session')).toBe(false);
  });

  it('should re-render the form with a generic message on a wrong password', async () => {
    const browser = new BrowserSession(t.app.getHttpServer());
    const response = await browser.signIn('hr@academy.local', 'wrong-password');
    expect(response.status).toBe(401);
    expect(response.text).toContain('Email or password is not correct');
    expect(response.text).toContain('value="hr@academy.local"');
  });

  it('should sign in with an HttpOnly SameSite cookie and show the role home page and menu', async () => {
    const browser = new BrowserSession(t.app.getHttpServer());
    const login = await browser.signIn('hr@academy.local', DEMO_PASSWORD);
    expect(login.status).toBe(303);
    const cookie = (login.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('academy_session='),
    );
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const home = await browser.get('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('People and records');
    expect(home.text).toContain('href="/admin/audit"');
  });

  it('should not show admin entries to a trainee and answer 403 on admin pages', async () => {
    const browser = new BrowserSession(t.app.getHttpServer());
    await browser.signIn('trainee@academy.local', DEMO_PASSWORD);
    const home = await browser.get('/');
    expect(home.text).toContain('Your onboarding');
    expect(home.text).not.toContain('href="/admin/users"');
    const page = await browser.get('/admin/users');
    expect(page.status).toBe(403);
  });

  it('should require the CSRF header on API calls authenticated by the session cookie', async () => {
    const browser = new BrowserSession(t.app.getHttpServer());
    await browser.signIn('admin@academy.local', DEMO_PASSWORD);
    await browser.get('/');
    const user = {
      email: 'cookie.made@academy.local',
      displayName: 'Cookie Made',
      roles: ['trainee'],
      password: 'long-enough-pw',
    };
    expect((await browser.sendJson('post', '/api/users', user, false)).status).toBe(403);
    expect((await browser.sendJson('post', '/api/users', user)).status).toBe(201);
  });

  it('should create a user from the admin form and re-render field errors', async () => {
    const browser = new BrowserSession(t.app.getHttpServer());
    await browser.signIn('admin@academy.local', DEMO_PASSWORD);
    await browser.get('/admin/users');
    const bad = await browser.postForm('/admin/users', {
      email: 'not-an-email',
      displayName: 'X',
      roles: 'trainee',
      password: 'long-enough-pw',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Must be an email');
    const good = await browser.postForm('/admin/users', {
      email: 'form.made@academy.local',
      displayName: 'Form Made',
      roles: ['trainee', 'trainer'],
      password: 'long-enough-pw',
      team: 'East',
    });
    expect(good.status).toBe(303);
    const list = await browser.get('/admin/users?team=East');
    expect(list.text).toContain('form.made@academy.local');
    expect(list.text).toContain('trainee, trainer');
  });

  it('should import pasted CSV rows from the onboarding page and list the audit entry', async () => {
    const browser = new BrowserSession(t.app.getHttpServer());
    await browser.signIn('hr@academy.local', DEMO_PASSWORD);
    await browser.get('/admin/users/import');
    const response = await browser.postForm(
      `/admin/users/import?_csrf=${encodeURIComponent(browser.csrfToken)}`,
      { csv: 'email,name,employee_number,team\nzoe@academy.local,Zoe Kim,E-300,North\n' },
      false,
    );
    expect(response.status).toBe(200);
    expect(response.text).toContain('1 accounts created');
    const audit = await browser.get('/admin/audit?action=user.imported');
    expect(audit.text).toContain('zoe@academy.local');
    // The summary reads as labelled lines, not as JSON.
    expect(audit.text).toMatch(/<dl class="summary"><dt>[a-z ]+<\/dt><dd>/);
    expect(audit.text).not.toContain('<pre class="summary">');
  });

  it('should sign out by clearing the session cookie', async () => {
    const browser = new BrowserSession(t.app.getHttpServer());
    await browser.signIn('hr@academy.local', DEMO_PASSWORD);
    await browser.get('/');
    const response = await browser.postForm('/logout', {});
    expect(response.status).toBe(303);
    expect(browser.hasCookie('academy_session')).toBe(false);
    expect((await browser.get('/')).status).toBe(303);
  });
});
