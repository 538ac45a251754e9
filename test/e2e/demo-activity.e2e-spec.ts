import { DataSource } from 'typeorm';
import { DemoActivityService } from '../../src/demo/demo-activity.service';
import { DEMO_COHORT, DEMO_COHORT_NAME, EARLIER_COHORT_NAME } from '../../src/demo/demo-cohort';
import { BrowserSession } from '../support/browser-session';
import { createTestApp, DEMO_PASSWORD, TestApp } from '../support/test-app';

interface CertificationRow {
  programmeId: string;
  certified: number;
  expiringSoon: number;
  expired: number;
  inProgress: number;
  byTeam: { team: string | null; certified: number; expiringSoon: number; expired: number }[];
}
interface RateRow {
  examId: string;
  attempts: number;
  passed: number;
}
interface Dashboard {
  scopeTeams: string[] | null;
  people: number;
  certification: CertificationRow[];
  exams: { byExam: RateRow[] };
  simulations: { team: string | null; sessions: number; passed: number; weakest: unknown[] }[];
  assignments: { assigned: number; completed: number; overdue: number };
  satisfaction: { courseId: string; responses: number; shown: boolean; mean: number | null }[];
}

const TABLES = [
  'users',
  'enrolments',
  'lesson_progress',
  'exam_attempts',
  'simulation_sessions',
  'simulation_turns',
  'learning_records',
  'certificates',
  'course_feedback',
];

// The demo cohort (DEMO_ACTIVITY=true) goes through the real services at boot: the spec reads
// what it left through the reports and certificates APIs, as a visitor would.
describe(DemoActivityService.name, () => {
  let t: TestApp;
  let hr: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { DEMO_ACTIVITY: 'true' } });
    hr = await t.bearer('hr@academy.local');
  }, 120000);
  afterAll(async () => t?.close());

  const dashboard = async (bearer: string, query = ''): Promise<Dashboard> =>
    (await t.http().get(`/api/reports/dashboard${query}`).set('Authorization', bearer).expect(200))
      .body as Dashboard;
  const counts = async (): Promise<Record<string, number>> => {
    const dataSource = t.app.get(DataSource);
    const entries = await Promise.all(
      TABLES.map(async (table) => {
        const [row] = (await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`)) as {
          n: string | number;
        }[];
        return [table, Number(row.n)] as const;
      }),
    );
    return Object.fromEntries(entries);
  };

  it('should create both intakes as trainees of North and South who can sign in', async () => {
    for (const cohort of [DEMO_COHORT_NAME, EARLIER_COHORT_NAME]) {
      const { body } = await t
        .http()
        .get(`/api/users?cohort=${encodeURIComponent(cohort)}`)
        .set('Authorization', hr)
        .expect(200);
      const people = body as {
        total: number;
        items: { email: string; team: string; roles: string[]; employeeNumber: string }[];
      };
      const planned = DEMO_COHORT.filter((trainee) => trainee.cohort === cohort);
      expect(people.total).toBe(planned.length);
      expect(people.items.map((person) => person.email).sort()).toEqual(
        planned.map((trainee) => trainee.email).sort(),
      );
      expect(people.items.every((person) => person.roles.join() === 'trainee')).toBe(true);
      expect(new Set(people.items.map((person) => person.team))).toEqual(
        new Set(['North', 'South']),
      );
    }
    await expect(t.bearer('ava.north@academy.local')).resolves.toMatch(/^Bearer /);
  });

  it('should date each step in the past, so certificates near or past expiry show', async () => {
    const { body } = await t
      .http()
      .get('/api/certificates?limit=100')
      .set('Authorization', hr)
      .expect(200);
    const held = (
      body as {
        items: { holderName: string; programmeId: string; status: string; issuedAt: string }[];
      }
    ).items;
    const daysAgo = (iso: string) => (t.clock.now().getTime() - Date.parse(iso)) / 86_400_000;
    const privacy = (name: string) =>
      held.find((c) => c.holderName === name && c.programmeId === 'data-privacy-compliance')!;
    // A year's validity: Lena's is inside its 30-day renewal window, Marco's ran out.
    expect(privacy('Lena Fischer').status).toBe('expiring');
    expect(daysAgo(privacy('Lena Fischer').issuedAt)).toBeGreaterThan(335);
    expect(privacy('Marco Silva').status).toBe('expired');
    // The demo intake certified over the past weeks, not at start-up.
    const intake = held.filter((c) => !['Lena Fischer', 'Marco Silva'].includes(c.holderName));
    expect(intake.length).toBeGreaterThan(0);
    for (const certificate of intake) {
      expect(certificate.status).toBe('active');
      expect(daysAgo(certificate.issuedAt)).toBeGreaterThan(7);
      expect(daysAgo(certificate.issuedAt)).toBeLessThan(42);
    }
    // Marco's renewal is open on his own page: the programme asks to be earned again.
    const marco = await t.bearer('marco.south@academy.local');
    const mine = await t.http().get('/api/me/certificates').set('Authorization', marco).expect(200);
    expect(
      (mine.body as { progress: { programmeId: string; phase: string }[] }).progress.find(
        (row) => row.programmeId === 'data-privacy-compliance',
      ),
    ).toMatchObject({ phase: 're-earn' });
  });

  it('should show certificates, exam and role-play results on the dashboard', async () => {
    const view = await dashboard(hr);
    expect(view.people).toBe(DEMO_COHORT.length + 1); // and the demo trainee
    const programme = (id: string): CertificationRow =>
      view.certification.find((row) => row.programmeId === id)!;
    expect(programme('contact-centre-agent')).toMatchObject({
      certified: 4,
      byTeam: [
        expect.objectContaining({ team: 'North', certified: 3 }),
        expect.objectContaining({ team: 'South', certified: 1 }),
      ],
    });
    expect(programme('data-privacy-compliance')).toMatchObject({
      certified: 5,
      expiringSoon: 1,
      expired: 1,
      byTeam: [
        expect.objectContaining({ team: 'North', expiringSoon: 1, expired: 0 }),
        expect.objectContaining({ team: 'South', expiringSoon: 0, expired: 1 }),
      ],
    });
    expect(programme('complaint-handler').inProgress).toBeGreaterThan(0);
    const exam = (id: string): RateRow => view.exams.byExam.find((row) => row.examId === id)!;
    // Hana's written answers wait for review: her attempt has no verdict yet.
    expect(exam('onboarding-final')).toMatchObject({ attempts: 5, passed: 4 });
    expect(exam('data-privacy-annual')).toMatchObject({ attempts: 8, passed: 7 });
    expect(view.simulations.map((row) => row.team)).toEqual(['North', 'South']);
    for (const team of view.simulations) {
      expect(team.passed).toBeGreaterThan(0);
      expect(team.passed).toBeLessThan(team.sessions);
      expect(team.weakest).toHaveLength(2);
    }
    // Assigned to the demo intake six weeks ago, due after two and four: the rest are overdue.
    const intake = DEMO_COHORT.filter((trainee) => trainee.cohort === DEMO_COHORT_NAME).length;
    expect(view.assignments).toMatchObject({ assigned: 2 * intake, completed: 15, overdue: 5 });
  });

  it('should have everyone who completed a course rate it, strong learners higher', async () => {
    const overview = (
      await t.http().get('/api/course-feedback').set('Authorization', hr).expect(200)
    ).body as { courseId: string; responses: number; shown: boolean; mean: number | null }[];
    const completers = DEMO_COHORT.filter((member) =>
      member.courses.some((c) => c.courseId === 'service-principles' && c.lessons === 'all'),
    );
    const principles = overview.find((course) => course.courseId === 'service-principles')!;
    expect(principles).toMatchObject({ responses: completers.length, shown: true });
    expect(principles.mean).toBeGreaterThanOrEqual(2);
    expect(principles.mean).toBeLessThanOrEqual(5);
    const total = overview.reduce((sum, course) => sum + course.responses, 0);
    expect(total).toBe((await counts()).course_feedback);
    // The dashboard counts the same answers (all from trainees), and a team's share of them.
    const rated = (await dashboard(hr)).satisfaction;
    expect(rated.find((row) => row.courseId === 'service-principles')).toMatchObject({
      responses: completers.length,
      shown: true,
      mean: principles.mean,
    });
    const north = (await dashboard(hr, '?team=North')).satisfaction.find(
      (row) => row.courseId === 'service-principles',
    )!;
    expect(north.responses).toBe(completers.filter((member) => member.team === 'North').length);

    const summary = (
      await t
        .http()
        .get('/api/courses/service-principles/feedback/summary')
        .set('Authorization', hr)
        .expect(200)
    ).body as { comments: { rating: number; comment: string }[]; distribution: number[] };
    expect(summary.comments.length).toBeGreaterThan(0);
    // Strong learners rate 4 or 5, uneven ones 2 to 4: both kinds completed this course.
    expect(summary.distribution[0]).toBe(0);
    expect(summary.distribution[3] + summary.distribution[4]).toBeGreaterThan(0);
  });

  it('should tell each person on their home page what waits for them', async () => {
    const home = async (email: string): Promise<string> => {
      const browser = new BrowserSession(t.app.getHttpServer());
      await browser.signIn(email, DEMO_PASSWORD);
      return (await browser.get('/')).text;
    };
    const api = async (bearer: string, path: string) =>
      (await t.http().get(path).set('Authorization', bearer).expect(200)).body;

    // A trainee of the intake with overdue assignments sees them, each course named.
    const intake = DEMO_COHORT.filter((member) => member.cohort === DEMO_COHORT_NAME);
    let checked = 0;
    for (const member of intake) {
      const bearer = await t.bearer(member.email);
      const me = await api(bearer, '/api/me');
      const { courses } = (await api(bearer, `/api/users/${me.id}/courses`)) as {
        courses: { overdue: boolean }[];
      };
      const overdue = courses.filter((course) => course.overdue).length;
      if (overdue === 0) continue;
      const text = await home(member.email);
      expect(text).toContain('data-testid="home-notice-courses-due"');
      expect(text).toContain(`${overdue} overdue`);
      expect(text).toContain('overdue since');
      checked++;
    }
    expect(checked).toBeGreaterThan(0);

    // Lena's privacy certificate expires within the month: its reminder waits unread.
    const lena = DEMO_COHORT.find((member) => member.email.startsWith('lena.'))!;
    const unread = (await api(
      await t.bearer(lena.email),
      '/api/me/notices?unread=true',
    )) as unknown[];
    expect(unread.length).toBeGreaterThan(0);
    expect(await home(lena.email)).toContain(
      `${unread.length} new certificate notice${unread.length === 1 ? '' : 's'}`,
    );

    // The trainer: Hana's written answers to mark, and every finished session unreviewed.
    const trainer = await t.bearer('trainer@academy.local');
    const queue = (await api(trainer, '/api/exams/grading/queue')) as unknown[];
    const toReview = await api(trainer, '/api/simulations/sessions?status=finished&reviewed=no');
    expect(queue.length).toBeGreaterThan(0);
    expect(toReview.total).toBeGreaterThan(0);
    const trainerHome = await home('trainer@academy.local');
    expect(trainerHome).toContain(
      `${queue.length} written answer${queue.length === 1 ? '' : 's'} waiting to be marked`,
    );
    expect(trainerHome).toContain(
      `${toReview.total} finished role-play sessions no one has reviewed yet`,
    );
    // The supervisor looks after North only, and marks no exams.
    const supervisor = await t.bearer('supervisor@academy.local');
    const north = await api(supervisor, '/api/simulations/sessions?status=finished&reviewed=no');
    expect(north.total).toBeLessThan(toReview.total);
    const supervisorHome = await home('supervisor@academy.local');
    expect(supervisorHome).toContain(`${north.total} finished role-play session`);
    expect(supervisorHome).not.toContain('waiting to be marked');
  });

  it('should leave one onboarding exam waiting for a trainer to review the written answers', async () => {
    const { body: found } = await t
      .http()
      .get('/api/users?q=hana.south')
      .set('Authorization', hr)
      .expect(200);
    const [hana] = (found as { items: { id: string }[] }).items;
    const { body } = await t
      .http()
      .get(`/api/reports/people/${hana.id}`)
      .set('Authorization', hr)
      .expect(200);
    const exams = (
      body as { exams: { examId: string; status: string; passed: unknown; pending: number }[] }
    ).exams;
    expect(exams).toEqual([
      expect.objectContaining({ examId: 'onboarding-final', status: 'finished', passed: null }),
    ]);
    expect(exams[0].pending).toBeGreaterThan(0);
  });

  it('should show the demo supervisor the North part of the cohort only', async () => {
    const supervisor = await t.bearer('supervisor@academy.local');
    const view = await dashboard(supervisor);
    expect(view.scopeTeams).toEqual(['North']);
    const north = DEMO_COHORT.filter((trainee) => trainee.team === 'North').length;
    expect(view.people).toBe(north + 1);
    expect(view.simulations.map((row) => row.team)).toEqual(['North']);
    await t
      .http()
      .get('/api/reports/dashboard?team=South')
      .set('Authorization', supervisor)
      .expect(403)
      .expect(({ body }) => expect(body.code).toBe('TEAM_NOT_MANAGED'));
    const { body } = await t
      .http()
      .get('/api/certificates')
      .set('Authorization', supervisor)
      .expect(200);
    const holders = (body as { items: { holderName: string }[] }).items.map((c) => c.holderName);
    expect(holders.length).toBeGreaterThan(0);
    const southNames = DEMO_COHORT.filter((trainee) => trainee.team === 'South').map(
      (trainee) => trainee.displayName,
    );
    expect(holders.filter((name) => southNames.includes(name))).toEqual([]);
  });

  it('should seed nothing again, on a second call or a second start on the same database', async () => {
    const before = await counts();
    expect(before.certificates).toBe(11);
    await expect(t.app.get(DemoActivityService).ensure()).resolves.toMatchObject({
      trainees: 0,
      sessions: 0,
      certificates: 0,
    });
    const second = await createTestApp({ shareWith: t, env: { DEMO_ACTIVITY: 'true' } });
    try {
      await expect(second.app.get(DemoActivityService).ensure()).resolves.toMatchObject({
        trainees: 0,
      });
    } finally {
      await second.close();
    }
    await expect(counts()).resolves.toEqual(before);
  }, 60000);
});
