import { AuditService } from '../../src/identity/audit.service';
import { createTestApp, DEMO_PASSWORD, TestApp } from '../support/test-app';

describe('Identity API', () => {
  let t: TestApp;
  let admin: string;
  let hr: string;
  let trainee: string;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, hr, trainee] = await Promise.all([
      t.bearer('admin@academy.local'),
      t.bearer('hr@academy.local'),
      t.bearer('trainee@academy.local'),
    ]);
  });
  afterAll(async () => t.close());

  it('should report the database status on /health', async () => {
    const response = await t.http().get('/health').expect(200);
    expect(response.body).toEqual({
      status: 'ok',
      database: { type: expect.any(String), status: 'up' },
    });
  });

  it('should publish the OpenAPI document with the identity routes', async () => {
    const response = await t.http().get('/api/docs-json').expect(200);
    const paths = Object.keys((response.body as { paths: object }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/me',
        '/api/users',
        '/api/users/{userId}',
        '/api/users/import',
        '/api/audit',
        '/health',
      ]),
    );
  });

  it('should return a token and the user without any password field when credentials are right', async () => {
    const response = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'Trainer@Academy.local ', password: DEMO_PASSWORD })
      .expect(200);
    expect(response.body.accessToken).toEqual(expect.any(String));
    expect(response.body.user).toMatchObject({
      email: 'trainer@academy.local',
      roles: ['trainer'],
    });
    expect(JSON.stringify(response.body)).not.toMatch(/"password(Hash)?"|password_hash/i);
  });

  it('should answer the same generic 401 for a wrong password and an unknown email', async () => {
    const wrong = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'hr@academy.local', password: 'nope-nope-nope' })
      .expect(401);
    const unknown = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'ghost@academy.local', password: 'nope-nope-nope' })
      .expect(401);
    expect(wrong.body).toEqual({
      statusCode: 401,
      code: 'INVALID_CREDENTIALS',
      message: 'Email or password is not correct',
    });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('should throttle repeated failures with 429 and let the account in again after the window', async () => {
    const attempt = (password: string) =>
      t.http().post('/api/auth/login').send({ email: 'supervisor@academy.local', password });
    for (let i = 0; i < 5; i++) await attempt('wrong-password').expect(401);
    const locked = await attempt(DEMO_PASSWORD).expect(429);
    expect(locked.body.code).toBe('LOGIN_THROTTLED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(16 * 60 * 1000);
    await attempt(DEMO_PASSWORD).expect(200);
  });

  it('should answer 401 without a token and 401 with a forged one', async () => {
    await t.http().get('/api/me').expect(401);
    await t.http().get('/api/me').set('Authorization', 'Bearer not.a.token').expect(401);
  });

  it('should return the signed-in user on /api/me', async () => {
    const response = await t.http().get('/api/me').set('Authorization', trainee).expect(200);
    expect(response.body).toMatchObject({
      email: 'trainee@academy.local',
      team: 'North',
      roles: ['trainee'],
      active: true,
    });
  });

  it('should forbid trainees from listing users and let hr list and filter by role and team', async () => {
    await t.http().get('/api/users').set('Authorization', trainee).expect(403);
    const byRole = await t
      .http()
      .get('/api/users?role=trainer')
      .set('Authorization', hr)
      .expect(200);
    expect(byRole.body.items.map((u: { email: string }) => u.email)).toEqual([
      'trainer@academy.local',
    ]);
    const byTeam = await t.http().get('/api/users?team=North').set('Authorization', hr).expect(200);
    expect(byTeam.body.items.map((u: { email: string }) => u.email).sort()).toEqual([
      'supervisor@academy.local',
      'trainee@academy.local',
    ]);
  });

  it('should let a trainee read themselves but answer 404 for anyone else', async () => {
    const me = await t.http().get('/api/me').set('Authorization', trainee).expect(200);
    await t.http().get(`/api/users/${me.body.id}`).set('Authorization', trainee).expect(200);
    const others = await t.http().get('/api/users?role=hr').set('Authorization', admin).expect(200);
    const response = await t
      .http()
      .get(`/api/users/${others.body.items[0].id}`)
      .set('Authorization', trainee)
      .expect(404);
    expect(response.body.code).toBe('USER_NOT_FOUND');
  });

  it('should let only admin create users, with field paths on bad input', async () => {
    const user = {
      email: 'new.hire@academy.local',
      displayName: 'New Hire',
      roles: ['trainee'],
      team: 'South',
      password: 'long-enough-pw',
    };
    await t.http().post('/api/users').set('Authorization', hr).send(user).expect(403);
    const created = await t
      .http()
      .post('/api/users')
      .set('Authorization', admin)
      .send(user)
      .expect(201);
    expect(created.body).toMatchObject({
      email: 'new.hire@academy.local',
      team: 'South',
      roles: ['trainee'],
    });
    const duplicate = await t
      .http()
      .post('/api/users')
      .set('Authorization', admin)
      .send(user)
      .expect(409);
    expect(duplicate.body.errors).toEqual([
      { path: 'email', messages: ['email is already in use'] },
    ]);
    const bad = await t
      .http()
      .post('/api/users')
      .set('Authorization', admin)
      .send({ email: 'nope', displayName: '', roles: ['wizard'], password: 'short', extra: 1 })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const paths = (bad.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'displayName', 'roles', 'extra']));
    const short = await t
      .http()
      .post('/api/users')
      .set('Authorization', admin)
      .send({ ...user, email: 'other@academy.local', password: 'short' })
      .expect(400);
    expect(short.body.errors).toEqual([
      { path: 'password', messages: ['password must be at least 10 characters'] },
    ]);
  });

  it('should update a user, audit the change and lock out a deactivated user at once', async () => {
    const created = await t
      .http()
      .post('/api/users')
      .set('Authorization', admin)
      .send({
        email: 'leaver@academy.local',
        displayName: 'Leaver',
        roles: ['trainee'],
        password: 'long-enough-pw',
      })
      .expect(201);
    const token = await t.bearer('leaver@academy.local', 'long-enough-pw');
    await t.http().get('/api/me').set('Authorization', token).expect(200);
    const updated = await t
      .http()
      .patch(`/api/users/${created.body.id}`)
      .set('Authorization', admin)
      .send({ active: false, team: 'East' })
      .expect(200);
    expect(updated.body).toMatchObject({ active: false, team: 'East' });
    await t.http().get('/api/me').set('Authorization', token).expect(401);
    const audit = await t
      .http()
      .get(`/api/audit?action=user.updated&targetId=${created.body.id}`)
      .set('Authorization', hr)
      .expect(200);
    expect(audit.body.items[0]).toMatchObject({
      actorEmail: 'admin@academy.local',
      summary: { active: { from: true, to: false }, team: { from: null, to: 'East' } },
    });
  });

  it('should answer 400 for malformed JSON and for an invalid id', async () => {
    const malformed = await t
      .http()
      .post('/api/users')
      .set('Authorization', admin)
      .set('Content-Type', 'application/json')
      .send('{"email": ')
      .expect(400);
    expect(malformed.body.code).toBe('BAD_REQUEST');
    await t.http().get('/api/users/not-a-uuid').set('Authorization', admin).expect(400);
  });

  it('should create a whole cohort from CSV in one go', async () => {
    const csv =
      'email,name,employee_number,team,cohort\nana@academy.local,Ana Diaz,E-100,South,2026-12\nben@academy.local,Ben Ode,E-101,South,2026-12\n';
    const response = await t
      .http()
      .post('/api/users/import')
      .set('Authorization', hr)
      .attach('file', Buffer.from(csv), 'hires.csv')
      .expect(201);
    expect(response.body.created.map((c: { email: string }) => c.email)).toEqual([
      'ana@academy.local',
      'ben@academy.local',
    ]);
    const password = response.body.created[0].temporaryPassword as string;
    await t.bearer('ana@academy.local', password);
    const listed = await t.http().get('/api/users?team=South').set('Authorization', hr).expect(200);
    expect(
      listed.body.items.find((u: { email: string }) => u.email === 'ben@academy.local'),
    ).toMatchObject({ cohort: '2026-12', employeeNumber: 'E-101', roles: ['trainee'] });
  });

  it('should reject the whole CSV with a per-row report and create nobody when any row is bad', async () => {
    const csv =
      'email,name,employee_number,team\ncara@academy.local,Cara,E-200,West\nnot-an-email,Dan,E-201,West\nana@academy.local,Ana again,E-202,West\ncara@academy.local,Cara twin,E-203,West\n';
    const response = await t
      .http()
      .post('/api/users/import')
      .set('Authorization', admin)
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(422);
    expect(response.body.code).toBe('IMPORT_REJECTED');
    const paths = (response.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['rows.3.email', 'rows.5.email']));
    const after = await t.http().get('/api/users?team=West').set('Authorization', hr).expect(200);
    expect(after.body.total).toBe(0);
    const header = await t
      .http()
      .post('/api/users/import')
      .set('Authorization', admin)
      .set('Content-Type', 'text/csv')
      .send('mail,fullname\nx,y\n')
      .expect(400);
    expect(header.body.errors[0].path).toBe('header');
  });

  it('should keep audit entries for the retention period and purge older ones', async () => {
    const before = await t.http().get('/api/audit').set('Authorization', admin).expect(200);
    expect(before.body.total).toBeGreaterThan(0);
    await t.http().get('/api/audit').set('Authorization', trainee).expect(403);
    t.clock.advance(200 * 24 * 3600 * 1000);
    expect(await t.app.get(AuditService).purgeExpired()).toBe(0);
    t.clock.advance(200 * 24 * 3600 * 1000);
    expect(await t.app.get(AuditService).purgeExpired()).toBe(before.body.total);
  });
});
