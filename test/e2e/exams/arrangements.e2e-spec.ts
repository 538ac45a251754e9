import { DataSource } from 'typeorm';
import { BrowserSession } from '../../support/browser-session';
import { EXAM_FIXTURE_ENV } from '../../support/exams';
import { createTestApp, createUser, DEMO_PASSWORD, TestApp } from '../../support/test-app';

interface ArrangementBody {
  userId: string;
  userName: string;
  extraMinutes: number;
  extraAttempts: number;
  reason: string;
}

// Individual arrangements: extra time and extra attempts for one person on one exam.
describe('Exam arrangements (API and page)', () => {
  let t: TestApp;
  let db: DataSource;
  let trainer: string;
  let sam: { id: string; bearer: string };
  let other: { id: string; bearer: string };

  const path = (examId: string, userId = '') =>
    `/api/exams/${examId}/arrangements${userId ? `/${userId}` : ''}`;
  const arrange = (bearer: string, examId: string, userId: string, body: object) =>
    t.http().put(path(examId, userId)).set('Authorization', bearer).send(body);
  const start = (bearer: string, examId: string) =>
    t.http().post(`/api/exams/${examId}/attempts`).set('Authorization', bearer);

  beforeAll(async () => {
    t = await createTestApp({ env: EXAM_FIXTURE_ENV });
    db = t.app.get(DataSource);
    trainer = await t.bearer('trainer@academy.local');
    const admin = await t.bearer('admin@academy.local');
    const person = async (email: string) => {
      const { id } = await createUser(t, admin, { email, password: DEMO_PASSWORD, team: 'North' });
      return { id, bearer: await t.bearer(email) };
    };
    sam = await person('sam.arranged@academy.local');
    other = await person('other.arranged@academy.local');
  });
  afterAll(async () => t?.close());

  it('should refuse bad arrangements with field paths, and keep them from trainees', async () => {
    const bad = await arrange(trainer, 'closed-review', sam.id, {
      extraMinutes: -5,
      extraAttempts: 1.5,
      reason: '',
    }).expect(400);
    expect((bad.body.errors as { path: string }[]).map((error) => error.path).sort()).toEqual([
      'extraAttempts',
      'extraMinutes',
      'reason',
    ]);
    const nothing = await arrange(trainer, 'closed-review', sam.id, {
      extraMinutes: 0,
      extraAttempts: 0,
      reason: 'No change at all',
    }).expect(400);
    expect(nothing.body.errors[0].path).toBe('extraMinutes');
    await arrange(trainer, 'no-such-exam', sam.id, {
      extraMinutes: 10,
      extraAttempts: 0,
      reason: 'Unknown exam',
    }).expect(404);
    const unknown = await arrange(
      trainer,
      'closed-review',
      '00000000-0000-4000-8000-000000000000',
      {
        extraMinutes: 10,
        extraAttempts: 0,
        reason: 'Unknown person',
      },
    ).expect(404);
    expect(unknown.body.code).toBe('USER_NOT_FOUND');
    await arrange(sam.bearer, 'closed-review', sam.id, {
      extraMinutes: 10,
      extraAttempts: 0,
      reason: 'Giving myself time',
    }).expect(403);
    expect(await db.query('SELECT id FROM exam_arrangements')).toEqual([]);
  });

  it('should give one person another attempt and longer time, and no one else', async () => {
    for (const person of [sam, other]) {
      const attempt = await start(person.bearer, 'closed-review').expect(201);
      await t
        .http()
        .post(`/api/exams/attempts/${attempt.body.id}/submit`)
        .set('Authorization', person.bearer)
        .send({})
        .expect(200);
      const refused = await start(person.bearer, 'closed-review').expect(409);
      expect(refused.body.code).toBe('NO_ATTEMPTS_LEFT');
    }
    const set = await arrange(trainer, 'closed-review', sam.id, {
      extraMinutes: 30,
      extraAttempts: 1,
      reason: '  Line dropped during the first attempt ',
    }).expect(200);
    expect(set.body as ArrangementBody).toMatchObject({
      userId: sam.id,
      extraMinutes: 30,
      extraAttempts: 1,
      reason: 'Line dropped during the first attempt',
    });

    const overview = await t
      .http()
      .get('/api/exams/closed-review')
      .set('Authorization', sam.bearer)
      .expect(200);
    expect(overview.body).toMatchObject({
      timeLimitMinutes: 90,
      attemptsAllowed: 2,
      arrangement: { extraMinutes: 30, extraAttempts: 1 },
      availability: { attemptsLeft: 1, canStart: true },
    });
    const second = await start(sam.bearer, 'closed-review').expect(201);
    const deadline = new Date(second.body.deadlineAt).getTime();
    expect(deadline - new Date(second.body.startedAt).getTime()).toBe(90 * 60_000);
    expect((await start(other.bearer, 'closed-review')).status).toBe(409);
    const theirs = await t
      .http()
      .get('/api/exams/closed-review')
      .set('Authorization', other.bearer)
      .expect(200);
    expect(theirs.body).toMatchObject({ timeLimitMinutes: 60, arrangement: null });

    const audit = (await db.query(
      `SELECT target_id, summary FROM audit_entries WHERE action = 'exam.arrangement.set'`,
    )) as { target_id: string; summary: string }[];
    expect(audit.map((row) => [row.target_id, JSON.parse(row.summary)])).toEqual([
      [
        sam.id,
        {
          examId: 'closed-review',
          extraMinutes: 30,
          extraAttempts: 1,
          reason: 'Line dropped during the first attempt',
          replaced: false,
        },
      ],
    ]);
  });

  it('should list, replace and remove an arrangement', async () => {
    await arrange(trainer, 'short-quiz', sam.id, {
      extraMinutes: 5,
      extraAttempts: 0,
      reason: 'Reads with a screen reader',
    }).expect(200);
    await arrange(trainer, 'short-quiz', sam.id, {
      extraMinutes: 15,
      extraAttempts: 2,
      reason: 'Reads with a screen reader',
    }).expect(200);
    const listed = await t.http().get(path('short-quiz')).set('Authorization', trainer).expect(200);
    expect(
      (listed.body as ArrangementBody[]).map((item) => [item.userId, item.extraMinutes]),
    ).toEqual([[sam.id, 15]]);
    // Unlimited attempts stay unlimited; the extra time still counts.
    const quiz = await t
      .http()
      .get('/api/exams/short-quiz')
      .set('Authorization', sam.bearer)
      .expect(200);
    expect(quiz.body).toMatchObject({ attemptsAllowed: 0, timeLimitMinutes: 25 });
    await t.http().delete(path('short-quiz', sam.id)).set('Authorization', trainer).expect(204);
    const again = await t
      .http()
      .delete(path('short-quiz', sam.id))
      .set('Authorization', trainer)
      .expect(404);
    expect(again.body.code).toBe('ARRANGEMENT_NOT_FOUND');
    const actions = (await db.query(
      `SELECT action FROM audit_entries WHERE action LIKE 'exam.arrangement.%' ORDER BY action`,
    )) as { action: string }[];
    expect(actions.map((row) => row.action)).toEqual([
      'exam.arrangement.removed',
      'exam.arrangement.set',
      'exam.arrangement.set',
      'exam.arrangement.set',
    ]);
  });

  it('should set and remove arrangements from the attempts page, with field errors in the form', async () => {
    const browser = new BrowserSession(t.app.getHttpServer());
    await browser.signIn('trainer@academy.local', DEMO_PASSWORD);
    await browser.get('/exams/short-quiz/attempts');
    const unknown = await browser.postForm('/exams/short-quiz/arrangements', {
      email: 'nobody@academy.local',
      extraMinutes: '10',
      extraAttempts: '0',
      reason: 'Extra time',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('No account has this email address');
    expect(unknown.text).toContain('value="nobody@academy.local"');
    const saved = await browser.postForm('/exams/short-quiz/arrangements', {
      email: 'other.arranged@academy.local',
      extraMinutes: '20',
      extraAttempts: '',
      reason: 'Access arrangement',
    });
    expect(saved.status).toBe(303);
    const page = await browser.get('/exams/short-quiz/attempts?arranged=set');
    expect(page.text).toContain('Arrangement saved');
    expect(page.text).toContain('data-person="other.arranged@academy.local"');
    const removed = await browser.postForm(`/exams/short-quiz/arrangements/${other.id}/remove`, {});
    expect(removed.status).toBe(303);
    expect((await browser.get('/exams/short-quiz/attempts')).text).not.toContain(
      'data-person="other.arranged@academy.local"',
    );
  });
});
