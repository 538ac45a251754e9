import { COURSE_FIXTURE_ENV, courseApi } from '../support/courses';
import { createTestApp, TestApp } from '../support/test-app';

interface Person {
  id: string;
  email: string;
}

describe('Courses: assignment to a cohort, prerequisites and access control', () => {
  let t: TestApp;
  let admin: string;
  let trainer: string;
  let hr: string;
  let supervisor: string;
  let trainee: string;
  let me: Person;
  const people: Record<string, Person> = {};

  const createUser = async (email: string, extra: object): Promise<Person> => {
    const response = await t
      .http()
      .post('/api/users')
      .set('Authorization', admin)
      .send({ email, displayName: email.split('@')[0], password: 'long-enough-pw', ...extra })
      .expect(201);
    return response.body;
  };
  const progressTable = (query: string, auth = trainer) =>
    t.http().get(`/api/courses/phone-basics/progress${query}`).set('Authorization', auth);

  beforeAll(async () => {
    t = await createTestApp({ env: COURSE_FIXTURE_ENV });
    [admin, trainer, hr, supervisor, trainee] = await Promise.all(
      ['admin', 'trainer', 'hr', 'supervisor', 'trainee'].map((role) =>
        t.bearer(`${role}@academy.local`),
      ),
    );
    me = (await t.http().get('/api/me').set('Authorization', trainee)).body;
    people.ana = await createUser('ana@academy.local', {
      roles: ['trainee'],
      team: 'South',
      cohort: '2026-11',
    });
    people.ben = await createUser('ben@academy.local', {
      roles: ['trainee'],
      team: 'East',
      cohort: '2026-11',
    });
    people.cy = await createUser('cy@academy.local', {
      roles: ['trainee'],
      team: 'South',
      cohort: '2026-11',
    });
    people.lead = await createUser('lead@academy.local', {
      roles: ['supervisor'],
      team: 'South',
      cohort: '2026-11',
    });
    await t
      .http()
      .patch(`/api/users/${people.cy.id}`)
      .set('Authorization', admin)
      .send({ active: false })
      .expect(200);
  });
  afterAll(async () => t.close());

  it('should let only trainer, hr and admin assign', async () => {
    const body = { cohort: '2026-11', dueDate: '2026-11-30' };
    for (const auth of [trainee, supervisor]) {
      await t
        .http()
        .post('/api/courses/phone-basics/assignments')
        .set('Authorization', auth)
        .send(body)
        .expect(403);
    }
  });

  it('should refuse a due date in the past and unknown people, assigning no one', async () => {
    const response = await t
      .http()
      .post('/api/courses/phone-basics/assignments')
      .set('Authorization', trainer)
      .send({
        cohort: '2026-11',
        userIds: [people.ana.id, '00000000-0000-4000-8000-000000000000', people.cy.id],
        dueDate: '2026-11-22',
      })
      .expect(400);
    expect(response.body).toMatchObject({
      code: 'INVALID_ASSIGNMENT',
      errors: [
        { path: 'dueDate', messages: ['dueDate must be today (2026-11-23) or later'] },
        { path: 'userIds.1', messages: ['no active user with this id'] },
        { path: 'userIds.2', messages: ['no active user with this id'] },
      ],
    });
    const malformed = await t
      .http()
      .post('/api/courses/phone-basics/assignments')
      .set('Authorization', trainer)
      .send({ team: 'South', dueDate: '2026-02-30' })
      .expect(400);
    expect(malformed.body.errors).toEqual([
      { path: 'dueDate', messages: ['dueDate must be a real calendar day'] },
    ]);
    const nobody = await t
      .http()
      .post('/api/courses/phone-basics/assignments')
      .set('Authorization', trainer)
      .send({ team: 'Nowhere', dueDate: '2026-11-30' })
      .expect(400);
    expect(nobody.body.errors).toEqual([
      { path: 'team', messages: ['no active trainee in team “Nowhere”'] },
    ]);
    expect((await progressTable('').expect(200)).body.rows).toEqual([]);
  });

  it('should assign a cohort’s active trainees in one audited transaction', async () => {
    const response = await t
      .http()
      .post('/api/courses/phone-basics/assignments')
      .set('Authorization', trainer)
      .send({ cohort: '2026-11', dueDate: '2026-11-30' })
      .expect(201);
    expect(response.body).toEqual({
      courseId: 'phone-basics',
      dueDate: '2026-11-30',
      assignees: [
        {
          userId: people.ana.id,
          displayName: 'ana',
          enrolmentId: expect.any(String),
          outcome: 'created',
          waitingFor: [],
        },
        {
          userId: people.ben.id,
          displayName: 'ben',
          enrolmentId: expect.any(String),
          outcome: 'created',
          waitingFor: [],
        },
      ],
    });
    const audit = await t
      .http()
      .get('/api/audit?action=course.assigned')
      .set('Authorization', hr)
      .expect(200);
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        actorEmail: 'trainer@academy.local',
        targetType: 'course',
        targetId: 'phone-basics',
        summary: expect.objectContaining({
          cohort: '2026-11',
          dueDate: '2026-11-30',
          created: 2,
          updated: 0,
        }),
      }),
    ]);
    const records = await t
      .http()
      .get(`/api/learning-records?userId=${people.ana.id}`)
      .set('Authorization', trainer)
      .expect(200);
    expect(records.body.statements).toEqual([
      expect.objectContaining({
        verb: {
          id: 'https://agent-academy.org/xapi/verbs/assigned',
          display: { 'en-US': 'assigned' },
        },
        actor: expect.objectContaining({
          account: expect.objectContaining({ name: people.ana.id }),
        }),
        context: expect.objectContaining({
          registration: response.body.assignees[0].enrolmentId,
          instructor: expect.objectContaining({
            account: expect.objectContaining({ name: expect.any(String) }),
          }),
          extensions: { 'https://agent-academy.org/xapi/extensions/due-date': '2026-11-30' },
        }),
      }),
    ]);
  });

  it('should show the cohort’s progress table, person by lesson', async () => {
    const response = await progressTable('?cohort=2026-11').expect(200);
    expect(response.body).toMatchObject({
      courseId: 'phone-basics',
      cohort: '2026-11',
      lessons: [{ id: 'greeting' }, { id: 'listening' }, { id: 'closing' }],
      totals: { people: 2, notEnrolled: 0, notStarted: 2, inProgress: 0, completed: 0, overdue: 0 },
    });
    expect(
      response.body.rows.map(
        (row: { email: string; enrolment: { dueDate: string; source: string } }) => [
          row.email,
          row.enrolment.dueDate,
          row.enrolment.source,
        ],
      ),
    ).toEqual([
      ['ana@academy.local', '2026-11-30', 'assigned'],
      ['ben@academy.local', '2026-11-30', 'assigned'],
    ]);
    expect(response.body.rows[0].lessons.map((cell: { state: string }) => cell.state)).toEqual([
      'not_started',
      'not_started',
      'not_started',
    ]);
    await progressTable('?cohort=2026-11', supervisor).expect(200);
    await progressTable('?cohort=2026-11', trainee).expect(403);
  });

  it('should move a due date when assigned again and leave a completion alone', async () => {
    const ana = await t.bearer('ana@academy.local', 'long-enough-pw');
    const api = courseApi(t, ana, 'phone-basics');
    for (const lesson of ['greeting', 'listening', 'closing']) await api.pass(lesson);
    const response = await t
      .http()
      .post('/api/courses/phone-basics/assignments')
      .set('Authorization', hr)
      .send({ team: 'South', userIds: [people.ben.id], dueDate: '2026-12-04' })
      .expect(201);
    expect(
      response.body.assignees.map((a: { displayName: string; outcome: string }) => [
        a.displayName,
        a.outcome,
      ]),
    ).toEqual([
      ['ana', 'already_completed'],
      ['ben', 'updated'],
    ]);
    const table = await progressTable('?cohort=2026-11').expect(200);
    expect(
      table.body.rows.map((row: { enrolment: { status: string; dueDate: string } }) => [
        row.enrolment.status,
        row.enrolment.dueDate,
      ]),
    ).toEqual([
      ['completed', '2026-11-30'],
      ['not_started', '2026-12-04'],
    ]);
  });

  it('should flag an assignment overdue the day after its due date', async () => {
    await t
      .http()
      .post('/api/courses/data-privacy/assignments')
      .set('Authorization', trainer)
      .send({ userIds: [me.id], dueDate: '2026-11-24' })
      .expect(201);
    const mine = () =>
      t.http().get(`/api/users/${me.id}/courses`).set('Authorization', trainee).expect(200);
    expect((await mine()).body.courses[0]).toMatchObject({
      courseId: 'data-privacy',
      overdue: false,
    });
    t.clock.advance(2 * 24 * 3600 * 1000);
    expect((await mine()).body.courses[0]).toMatchObject({
      courseId: 'data-privacy',
      dueDate: '2026-11-24',
      overdue: true,
    });
    const table = await t
      .http()
      .get('/api/courses/data-privacy/progress?team=North')
      .set('Authorization', trainer)
      .expect(200);
    expect(table.body.totals).toMatchObject({ people: 1, overdue: 1 });
  });

  it('should refuse self-enrolment before the prerequisites, naming them', async () => {
    const response = await t
      .http()
      .post('/api/courses/calm-complaints/enrol')
      .set('Authorization', trainee)
      .expect(409);
    expect(response.body).toEqual({
      statusCode: 409,
      code: 'PREREQUISITES_NOT_MET',
      message: 'Complete “Phone basics” before you enrol in “Calm complaints”',
      errors: [{ path: 'prerequisites', messages: ['phone-basics is not completed yet'] }],
    });
    const catalogue = await t.http().get('/api/courses').set('Authorization', trainee).expect(200);
    expect(catalogue.body[1]).toMatchObject({
      id: 'calm-complaints',
      prerequisitesMet: false,
      prerequisites: [{ id: 'phone-basics', title: 'Phone basics', completed: false }],
      enrolment: null,
    });
  });

  it('should accept an assignment before the prerequisites but refuse to start it', async () => {
    const assigned = await t
      .http()
      .post('/api/courses/calm-complaints/assignments')
      .set('Authorization', trainer)
      .send({ userIds: [me.id], dueDate: '2026-12-15' })
      .expect(201);
    expect(assigned.body.assignees[0]).toMatchObject({
      outcome: 'created',
      waitingFor: ['phone-basics'],
    });
    const response = await courseApi(t, trainee, 'calm-complaints').open('acknowledge').expect(409);
    expect(response.body).toMatchObject({
      code: 'PREREQUISITES_NOT_MET',
      message: 'Complete “Phone basics” before you start “Calm complaints”',
    });
  });

  it('should keep a trainee out of other people’s progress and records', async () => {
    const other = people.ana.id;
    const courses = await t
      .http()
      .get(`/api/users/${other}/courses`)
      .set('Authorization', trainee)
      .expect(404);
    expect(courses.body.code).toBe('USER_NOT_FOUND');
    await t
      .http()
      .get(`/api/users/${other}/courses/phone-basics`)
      .set('Authorization', trainee)
      .expect(404);
    const records = await t
      .http()
      .get(`/api/learning-records?userId=${other}`)
      .set('Authorization', trainee)
      .expect(404);
    expect(records.body.code).toBe('USER_NOT_FOUND');
    await t.http().get(`/api/users/${me.id}/courses`).set('Authorization', trainee).expect(200);
  });

  it('should let trainer and hr read anyone’s progress and records', async () => {
    for (const auth of [trainer, hr]) {
      const courses = await t
        .http()
        .get(`/api/users/${people.ana.id}/courses`)
        .set('Authorization', auth)
        .expect(200);
      expect(courses.body.courses[0]).toMatchObject({
        courseId: 'phone-basics',
        status: 'completed',
      });
      const detail = await t
        .http()
        .get(`/api/users/${people.ana.id}/courses/phone-basics`)
        .set('Authorization', auth)
        .expect(200);
      expect(
        detail.body.lessons.every(
          (lesson: { progress: { completedAt: string } }) => lesson.progress.completedAt,
        ),
      ).toBe(true);
      await t
        .http()
        .get(`/api/learning-records?userId=${people.ana.id}`)
        .set('Authorization', auth)
        .expect(200);
    }
    await t
      .http()
      .get('/api/users/00000000-0000-4000-8000-000000000000/courses')
      .set('Authorization', trainer)
      .expect(404);
  });

  it('should answer a double-submitted enrolment and a double open with one record each', async () => {
    const ben = await t.bearer('ben@academy.local', 'long-enough-pw');
    const api = courseApi(t, ben, 'data-privacy');
    const [first, second] = await Promise.all([api.enrol(), api.enrol()]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.id).toBe(first.body.id);
    const opens = await Promise.all([api.open('verify'), api.open('verify')]);
    expect(opens.map((response) => response.status)).toEqual([200, 200]);
    const records = await t
      .http()
      .get('/api/learning-records')
      .set('Authorization', ben)
      .expect(200);
    const privacy = records.body.statements
      .filter((s: { object: { id: string } }) => s.object.id.includes('/course/data-privacy'))
      .map((s: { verb: { display: Record<string, string> } }) => s.verb.display['en-US'])
      .sort();
    expect(privacy).toEqual(['attempted', 'experienced', 'registered']);
  });

  it('should document the courses and learning-record routes in OpenAPI', async () => {
    const response = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/courses',
        '/api/courses/{courseId}',
        '/api/courses/{courseId}/lessons/{lessonId}',
        '/api/courses/{courseId}/enrol',
        '/api/courses/{courseId}/assignments',
        '/api/courses/{courseId}/progress',
        '/api/courses/{courseId}/lessons/{lessonId}/open',
        '/api/courses/{courseId}/lessons/{lessonId}/heartbeat',
        '/api/courses/{courseId}/lessons/{lessonId}/check',
        '/api/courses/{courseId}/lessons/{lessonId}/complete',
        '/api/users/{userId}/courses',
        '/api/users/{userId}/courses/{courseId}',
        '/api/learning-records',
      ]),
    );
    // Pages stay out of the document; the only other routes in it are machine-readable ones:
    // the health check and the public Open Badges documents.
    expect(
      Object.keys(response.body.paths).filter(
        (path) => !path.startsWith('/api') && path !== '/health' && !path.startsWith('/badges/'),
      ),
    ).toEqual([]);
  });
});
