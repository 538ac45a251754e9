import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { User } from '../../../src/identity/user.entity';
import { BrowserSession } from '../../support/browser-session';
import { SessionBody, simulationApi } from '../../support/simulations';
import { createTestApp, DEMO_PASSWORD, TestApp } from '../../support/test-app';

const PERSON_LIST = '<select name="userId">';

interface SessionList {
  total: number;
  items: { sessionId: string; userName: string }[];
}

// The staff sessions list found by a person's name or email (`q`): on the page, where it stands
// in for the person drop-down once that would be too long, and over the API.
describe('Finding role-play sessions by name or email', () => {
  let t: TestApp;
  let admin: string;
  let supervisor: string; // manages North
  const people: Record<'priya' | 'quentin' | 'percy', { id: string; sessionId: string }> = {
    priya: { id: '', sessionId: '' },
    quentin: { id: '', sessionId: '' },
    percy: { id: '', sessionId: '' },
  };

  async function traineeWithSession(
    email: string,
    displayName: string,
    team: string,
  ): Promise<{ id: string; sessionId: string }> {
    const created = await t
      .http()
      .post('/api/users')
      .set('Authorization', admin)
      .send({ email, displayName, roles: ['trainee'], team, password: DEMO_PASSWORD })
      .expect(201);
    const api = simulationApi(t, await t.bearer(email));
    const session = (await api.start('billing-dispute').expect(201)).body as SessionBody;
    return { id: (created.body as { id: string }).id, sessionId: session.id };
  }

  const search = async (bearer: string, query: string): Promise<SessionList> =>
    (await simulationApi(t, bearer).get(`/api/simulations/sessions?${query}`).expect(200))
      .body as SessionList;
  const names = (list: SessionList): string[] => list.items.map((item) => item.userName).sort();

  beforeAll(async () => {
    t = await createTestApp();
    [admin, supervisor] = await Promise.all([
      t.bearer('admin@academy.local'),
      t.bearer('supervisor@academy.local'),
    ]);
    people.priya = await traineeWithSession('priya.q@academy.local', 'Priya Quartermain', 'North');
    people.quentin = await traineeWithSession('qq@academy.local', 'Quentin Quartz', 'East');
    people.percy = await traineeWithSession('percy@academy.local', 'Percy 100% Sure', 'North');
    await simulationApi(t, await t.bearer('trainee@academy.local'))
      .start('billing-dispute')
      .expect(201);
  });
  afterAll(async () => t?.close());

  it('should match a part of the name or the email in any case, trimmed', async () => {
    await expect(search(admin, 'q=QUART').then(names)).resolves.toEqual([
      'Priya Quartermain',
      'Quentin Quartz',
    ]);
    await expect(search(admin, 'q=qq%40Academy').then(names)).resolves.toEqual(['Quentin Quartz']);
    await expect(
      search(admin, `q=${encodeURIComponent('  quartz ')}`).then(names),
    ).resolves.toEqual(['Quentin Quartz']);
    // Everyone's sessions when the box is left blank.
    await expect(search(admin, 'q=%20%20').then((list) => list.total)).resolves.toBe(4);
  });

  it('should read % and _ as letters, not wildcards', async () => {
    await expect(search(admin, 'q=%25').then(names)).resolves.toEqual(['Percy 100% Sure']);
    await expect(search(admin, 'q=_').then((list) => list.total)).resolves.toBe(0);
  });

  it('should keep to the viewer’s teams and to the person chosen as well', async () => {
    // The supervisor manages North: not Quentin of East.
    await expect(search(supervisor, 'q=quar').then(names)).resolves.toEqual(['Priya Quartermain']);
    await expect(search(admin, `q=quar&userId=${people.quentin.id}`).then(names)).resolves.toEqual([
      'Quentin Quartz',
    ]);
    await expect(
      search(admin, `q=quar&userId=${people.percy.id}`).then((list) => list.total),
    ).resolves.toBe(0);
  });

  it('should answer 400 at q for more than 80 characters or more than one value', async () => {
    const api = simulationApi(t, admin);
    await api.get(`/api/simulations/sessions?q=${'x'.repeat(80)}`).expect(200);
    // Trimmed first: the spaces do not count.
    await api
      .get(`/api/simulations/sessions?q=${encodeURIComponent(` ${'x'.repeat(80)} `)}`)
      .expect(200);
    for (const query of [`q=${'x'.repeat(81)}`, 'q=a&q=b']) {
      const bad = await api.get(`/api/simulations/sessions?${query}`);
      expect([query, bad.status, bad.body.errors?.map((e: { path: string }) => e.path)]).toEqual([
        query,
        400,
        ['q'],
      ]);
    }
  });

  describe('the sessions page', () => {
    let page: BrowserSession;

    beforeAll(async () => {
      page = new BrowserSession(t.app.getHttpServer());
      await page.signIn('admin@academy.local', DEMO_PASSWORD);
    });

    it('should filter by the name or email box and keep what was typed', async () => {
      const found = await page.get('/simulations/sessions?q=Quartermain');
      expect(found.status).toBe(200);
      expect(found.text).toContain(`data-session="${people.priya.sessionId}"`);
      expect(found.text).not.toContain(`data-session="${people.quentin.sessionId}"`);
      expect(found.text).toContain('value="Quartermain"');
      // The drop-down offers the people that match.
      expect(found.text).toContain(PERSON_LIST);
      expect(found.text).toContain(`<option value="${people.priya.id}">Priya Quartermain</option>`);
      expect(found.text).not.toContain('>Tara Trainee</option>');
      const bad = await page.get(`/simulations/sessions?q=${'x'.repeat(81)}`);
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('Must be at most 80 characters');
    });

    it('should offer the box instead of the drop-down once the people do not fit in it', async () => {
      await expect(page.get('/simulations/sessions').then((r) => r.text)).resolves.toContain(
        PERSON_LIST,
      );
      const now = t.clock.now();
      await t.app
        .get(DataSource)
        .getRepository(User)
        .insert(
          Array.from({ length: 500 }, (_unused, i) => ({
            id: randomUUID(),
            email: `cohort.${i}@academy.local`,
            displayName: `Cohort Member ${String(i).padStart(3, '0')}`,
            employeeNumber: null,
            team: 'North',
            cohort: null,
            roles: ['trainee' as const],
            managedTeams: [],
            passwordHash: 'not-a-hash',
            active: true,
            createdAt: now,
            lastLoginAt: null,
          })),
        );
      const crowded = await page.get(`/simulations/sessions?userId=${people.priya.id}`);
      expect(crowded.status).toBe(200);
      expect(crowded.text).not.toContain(PERSON_LIST);
      expect(crowded.text).toContain('data-testid="person-list-too-long"');
      // The person chosen stays chosen, and can be let go.
      expect(crowded.text).toContain(`name="userId" value="${people.priya.id}" checked`);
      expect(crowded.text).toContain(`data-session="${people.priya.sessionId}"`);
      const narrowed = await page.get('/simulations/sessions?q=quar');
      expect(narrowed.text).toContain(PERSON_LIST);
      expect(narrowed.text).toContain(`data-session="${people.quentin.sessionId}"`);
    });
  });
});
