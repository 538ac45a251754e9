import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SimulationSession } from '../../../src/simulations/simulation-session.entity';
import { SimulationTurn } from '../../../src/simulations/simulation-turn.entity';
import { BrowserSession } from '../../support/browser-session';
import { createTestApp, DEMO_PASSWORD, FixedClock, TestApp } from '../../support/test-app';
import { NOW, Population, seedPopulation } from './seed';

interface Suggestion {
  courseId: string;
  trains: string[];
  status: string;
  dueDate: string | null;
}
interface Person {
  userId: string;
  displayName: string;
  sessions: number;
  weak: { dimension: string; mean: number }[];
  suggestions: Suggestion[];
}
interface Course {
  courseId: string;
  trains: string[];
  toAssign: string[];
  suggestedFor: number;
}
interface Retraining {
  threshold: number;
  minSessions: number;
  assessed: number;
  people: Person[];
  courses: Course[];
}

// The seed's finished sessions (one each; politeness, empathy, keywords, compliance, structure,
// clarity): Ann 90 60 80 100 70 85, Bob 50 40 70 100 60 80, Cat 80 70 50 100 65 90.
describe('Targeted retraining report', () => {
  let t: TestApp;
  let p: Population;

  beforeAll(async () => {
    t = await createTestApp({ clock: new FixedClock(NOW) });
    p = await seedPopulation(t);
  }, 60000);
  afterAll(async () => t?.close());

  const retraining = (bearer: string, query = '') =>
    t.http().get(`/api/reports/retraining${query}`).set('Authorization', bearer);

  it('should list the people below the threshold, weakest first, with the courses that train it', async () => {
    const body = (await retraining(p.hr, '?minSessions=1').expect(200)).body as Retraining;
    expect(body).toMatchObject({ threshold: 60, minSessions: 1, assessed: 3 });
    expect(body.people.map((person) => [person.displayName, person.weak])).toEqual([
      [
        'Bob',
        [
          { dimension: 'empathy', mean: 40 },
          { dimension: 'politeness', mean: 50 },
        ],
      ],
      ['Cat', [{ dimension: 'keywords', mean: 50 }]],
    ]);
    const bob = body.people[0];
    expect(bob.sessions).toBe(1);
    const suggestions = Object.fromEntries(bob.suggestions.map((item) => [item.courseId, item]));
    // Bob was assigned service-principles (due 2026-11-24) by the seed and has not started it.
    expect(suggestions['service-principles']).toEqual(
      expect.objectContaining({
        trains: ['politeness'],
        status: 'not-started',
        dueDate: '2026-11-24',
      }),
    );
    expect(suggestions['emotions-conflict']).toEqual(
      expect.objectContaining({ trains: ['empathy'], status: 'none', dueDate: null }),
    );
    expect(suggestions['complaint-handling']?.trains).toEqual(['empathy']);
    expect(suggestions['security-privacy']).toBeUndefined();

    const courses = Object.fromEntries(body.courses.map((course) => [course.courseId, course]));
    expect(courses['complaint-handling']).toMatchObject({
      // In the order of the people: weakest first.
      toAssign: [p.bob.id, p.cat.id],
      suggestedFor: 2,
    });
    expect(courses['service-principles']).toMatchObject({ toAssign: [], suggestedFor: 1 });
    expect(body.courses[0].courseId).toBe('complaint-handling');
  });

  it('should follow the threshold, the sessions needed and the scope of the viewer', async () => {
    const higher = (await retraining(p.hr, '?minSessions=1&threshold=65').expect(200))
      .body as Retraining;
    expect(higher.people.map((person) => person.displayName)).toEqual(['Bob', 'Cat', 'Ann']);
    expect(higher.people[2].weak).toEqual([{ dimension: 'empathy', mean: 60 }]);
    // By default two finished sessions are needed: the seed has one each.
    expect((await retraining(p.hr).expect(200)).body).toMatchObject({ assessed: 0, people: [] });

    const north = (await retraining(p.supervisor, '?minSessions=1').expect(200)).body as Retraining;
    expect(north.people.map((person) => person.displayName)).toEqual(['Bob']);
    expect((await retraining(p.supervisor, '?team=South').expect(403)).body.code).toBe(
      'TEAM_NOT_MANAGED',
    );
    await retraining(p.trainee).expect(403);
    const bad = await retraining(p.hr, '?threshold=0&minSessions=abc').expect(400);
    expect(bad.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'minSessions',
      'threshold',
    ]);
  });

  it('should assign a suggested course from the page to everyone it reaches and come back', async () => {
    const browser = new BrowserSession(t.app.getHttpServer());
    await browser.signIn('trainer@academy.local', DEMO_PASSWORD);
    const page = await browser.get('/reports/retraining?minSessions=1');
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-testid="assign-complaint-handling"');
    expect(page.text).toMatch(
      /Bob<\/a><\/td><td>North<\/td><td>1<\/td><td>empathy 40, politeness 50<\/td>/,
    );
    // The form's own return address, as the page wrote it.
    const next = /name="next" value="([^"]+)"/
      .exec(page.text)![1]
      .replace(/&amp;/g, '&')
      .replace(/&#x3D;/g, '=');
    expect(next).toBe('/reports/retraining?threshold=60&minSessions=1');
    const assigned = await browser.postForm('/courses/complaint-handling/assignments', {
      userIds: [p.bob.id, p.cat.id],
      dueDate: '2026-12-15',
      next,
    });
    expect(assigned.status).toBe(303);
    expect(assigned.headers.location).toBe(
      '/reports/retraining?threshold=60&minSessions=1&assigned=2&course=complaint-handling',
    );
    const back = await browser.get(assigned.headers.location);
    expect(back.text).toContain('2 people assigned “Complaint handling”.');
    expect(back.text).not.toContain('data-testid="assign-complaint-handling"');

    const after = (await retraining(p.hr, '?minSessions=1').expect(200)).body as Retraining;
    const bob = after.people.find((person) => person.displayName === 'Bob')!;
    expect(bob.suggestions.find((item) => item.courseId === 'complaint-handling')).toMatchObject({
      status: 'not-started',
      dueDate: '2026-12-15',
    });
    // Any other `next` is ignored: the form goes back to the course's progress page.
    const elsewhere = await browser.postForm('/courses/emotions-conflict/assignments', {
      userIds: [p.bob.id],
      dueDate: '2026-12-15',
      next: 'https://example.com/reports/retraining',
    });
    expect(elsewhere.headers.location).toMatch(/^\/courses\/emotions-conflict\/progress\?/);

    const supervisor = new BrowserSession(t.app.getHttpServer());
    await supervisor.signIn('supervisor@academy.local', DEMO_PASSWORD);
    const read = await supervisor.get('/reports/retraining?minSessions=1');
    expect(read.status).toBe(200);
    expect(read.text).toContain('People below 60');
    expect(read.text).not.toContain('Assign to');
    const refused = await supervisor.get('/reports/retraining?threshold=500');
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('id="retraining-threshold-error"');
  });

  it('should bring the trainer back to the page with its filters and the reason when an assignment is refused', async () => {
    const browser = new BrowserSession(t.app.getHttpServer());
    await browser.signIn('trainer@academy.local', DEMO_PASSWORD);
    const page = await browser.get('/reports/retraining?cohort=C1&minSessions=1');
    // The browser offers no day before the server's today, the first the assignment accepts.
    expect(page.text).toContain('<input type="date" name="dueDate" min="2026-11-26" required>');
    const next = '/reports/retraining?cohort=C1&threshold=60&minSessions=1';
    expect(page.text).toContain(
      'name="next" value="/reports/retraining?cohort&#x3D;C1&amp;threshold&#x3D;60&amp;minSessions&#x3D;1"',
    );
    const refused = await browser.postForm('/courses/communication-etiquette/assignments', {
      userIds: [p.bob.id],
      dueDate: '2026-11-25',
      next,
    });
    expect(refused.status).toBe(303);
    const location = new URL(refused.headers.location as string, 'http://academy.test');
    expect(location.pathname).toBe('/reports/retraining');
    expect(Object.fromEntries(location.searchParams)).toEqual({
      cohort: 'C1',
      threshold: '60',
      minSessions: '1',
      refused: 'dueDate must be today (2026-11-26) or later',
      course: 'communication-etiquette',
    });
    const back = await browser.get(refused.headers.location as string);
    expect(back.status).toBe(200);
    expect(back.text).toContain(
      '<p class="alert" role="alert" data-testid="retraining-refusal">Nobody was assigned “Communication and etiquette”: dueDate must be today (2026-11-26) or later</p>',
    );
    expect(back.text).toContain('<option value="C1" selected>');
    expect(back.text).toContain('data-testid="assign-communication-etiquette"');
    const after = (await retraining(p.hr, '?minSessions=1').expect(200)).body as Retraining;
    const bob = after.people.find((person) => person.displayName === 'Bob')!;
    expect(
      bob.suggestions.find((item) => item.courseId === 'communication-etiquette'),
    ).toMatchObject({ status: 'none' });
  });

  it('should show a person what to work on in their record, and staff the same', async () => {
    // Bob has one finished session; a second, as weak, makes two (the record needs two).
    const data = t.app.get(DataSource);
    const record = async (who: string) =>
      (await t.http().get(`/api/reports/people/${p.bob.id}`).set('Authorization', who).expect(200))
        .body as { retraining: Person | null };
    expect((await record(p.bob.bearer)).retraining).toBeNull();
    const turns = data.getRepository(SimulationTurn);
    const [turn] = await turns.find({ where: { sessionId: p.ids.bobSession } });
    await turns.insert({ ...turn, id: randomUUID(), sessionId: p.ids.bobActive });
    await data
      .getRepository(SimulationSession)
      .update({ id: p.ids.bobActive }, { status: 'finished', openKey: null, finishedAt: NOW });
    const mine = (await record(p.bob.bearer)).retraining;
    expect(mine).toMatchObject({
      sessions: 2,
      weak: [
        { dimension: 'empathy', mean: 40 },
        { dimension: 'politeness', mean: 50 },
      ],
    });
    expect(mine?.suggestions.map((item) => item.courseId)).toContain('emotions-conflict');
    expect((await record(p.supervisor)).retraining).toEqual(mine);
    const page = await t.http().get('/reports/me').set('Authorization', p.bob.bearer).redirects(1);
    expect(page.text).toContain('What to work on');
    // And the home page says so, with the courses that train it still to do.
    const home = await t.http().get('/').set('Authorization', p.bob.bearer).expect(200);
    expect(home.text).toContain(
      'Your role-play replies are weakest on empathy (40 on average): see what to work on',
    );
    expect(home.text).toContain('href="/courses/emotions-conflict"');
    // Bob's trainers see that a course would reach him (communication-etiquette trains
    // politeness and is not assigned to him yet).
    const staffHome = await t.http().get('/').set('Authorization', p.supervisor).expect(200);
    expect(staffHome.text).toContain(
      '1 trainee in your teams is weak on a role-play dimension, with a course that trains it not yet assigned',
    );
    expect(staffHome.text).toContain('data-testid="home-notice-retraining"');
    expect(page.text).toContain('your replies average below 60 on: <strong>empathy</strong> (40)');
  });
});
