import { DataSource } from 'typeorm';
import { AttemptBody, EXAM_FIXTURE_ENV, examApi, rightResponse } from '../../support/exams';
import { createTestApp, TestApp } from '../../support/test-app';

// A trainee takes "all-types" (one question of each type, in bank order) step by step over the
// API; after every step the spec checks the state, the steps stored and the marks.
describe('Exam attempt walkthrough (API)', () => {
  let t: TestApp;
  let trainee: string;
  let trainer: string;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp({ env: EXAM_FIXTURE_ENV });
    [trainee, trainer] = await Promise.all([
      t.bearer('trainee@academy.local'),
      t.bearer('trainer@academy.local'),
    ]);
    db = t.app.get(DataSource);
  });
  afterAll(async () => t?.close());

  const stepCount = async (attemptId: string): Promise<number> =>
    Number(
      (
        await db.query(
          `SELECT COUNT(*) AS n FROM exam_attempt_steps WHERE attempt_id = '${attemptId}'`,
        )
      )[0].n,
    );

  it('should save, skip a re-save of the same answer, take changes, and grade every type on submit', async () => {
    const api = examApi(t, trainee);
    const started = await api.start('all-types').expect(201);
    const attempt = started.body as AttemptBody;
    expect(attempt.questions.map((question) => question.type)).toEqual([
      'single',
      'multiple',
      'truefalse',
      'short',
      'numerical',
      'matching',
      'freetext',
    ]);
    expect(await stepCount(attempt.id)).toBe(7);

    // Single choice: save, the same again (no step), then change.
    const wrong = attempt.questions[0].choices!.find(
      (choice) => choice.text === 'Always by letter',
    )!.index;
    await expect(
      api
        .save(attempt.id, 1, { choice: wrong })
        .expect(200)
        .then((r) => r.body),
    ).resolves.toMatchObject({ saved: true, state: 'complete' });
    await expect(
      api
        .save(attempt.id, 1, { choice: wrong })
        .expect(200)
        .then((r) => r.body),
    ).resolves.toMatchObject({ saved: false, state: 'complete' });
    expect(await stepCount(attempt.id)).toBe(8);
    await api.save(attempt.id, 1, rightResponse(attempt.questions[0])).expect(200);
    expect(await stepCount(attempt.id)).toBe(9);

    // Multiple choice: one right and the penalty option floor at zero; then partial credit.
    await api.save(attempt.id, 2, { choices: [0, 2] }).expect(200);
    await api.save(attempt.id, 2, { choices: [1] }).expect(200);
    await api
      .save(attempt.id, 2, { choices: [1, 1] })
      .expect(200)
      .expect((r) => expect(r.body.saved).toBe(false));
    // True/false, short answer (case and spaces do not matter), numerical with its unit.
    await api.save(attempt.id, 3, { answer: false }).expect(200);
    await api.save(attempt.id, 3, { answer: true }).expect(200);
    await api.save(attempt.id, 4, { text: '  TIER   4 ' }).expect(200);
    const invalid = await api.save(attempt.id, 5, { text: 'fifteen' }).expect(200);
    expect(invalid.body.state).toBe('invalid');
    await api.save(attempt.id, 5, { text: '12 days' }).expect(200);
    // Matching: incomplete first, then two of three right.
    const partly = await api
      .save(attempt.id, 6, { matches: ['7 working days', null, null] })
      .expect(200);
    expect(partly.body.state).toBe('invalid');
    await api
      .save(attempt.id, 6, { matches: ['7 working days', '15 working days', '1 month'] })
      .expect(200);
    await api.save(attempt.id, 7, rightResponse(attempt.questions[6])).expect(200);

    const reloaded = (await api.get(attempt.id).expect(200)).body as AttemptBody;
    expect(reloaded.questions.map((question) => question.state)).toEqual([
      'answered',
      'answered',
      'answered',
      'answered',
      'answered',
      'answered',
      'answered',
    ]);
    expect(reloaded.questions[3].response).toEqual({ text: 'TIER   4' });

    const submitted = (await api.submit(attempt.id).expect(200)).body as AttemptBody;
    expect(submitted.status).toBe('finished');
    expect(submitted.finishReason).toBe('submitted');
    // 1 + 1 (of 2) + 1 + 1 + 0.5 (12 is in 10–20) + 2 (of 3) + the provisional free-text mark.
    const closed = 6.5;
    const free = submitted.review!.find((review) => review.slot === 7)!;
    expect(free.state).toBe('needsgrading');
    expect(free.fraction).toBeGreaterThan(0.5);
    expect(submitted.result).toMatchObject({ maxMarks: 13, pending: 1, passed: null });
    expect(submitted.result!.marks).toBeCloseTo(closed + free.mark, 7);
    expect(submitted.review!.map((review) => review.state)).toEqual([
      'right',
      'partial',
      'right',
      'right',
      'partial',
      'partial',
      'needsgrading',
    ]);
  });

  it('should change nothing when the attempt is submitted twice, even at the same moment', async () => {
    const api = examApi(t, trainee);
    const attempt = (await api.start('short-quiz').expect(201)).body as AttemptBody;
    await api.save(attempt.id, 1, rightResponse(attempt.questions[0])).expect(200);
    const [first, second] = await Promise.all([api.submit(attempt.id), api.submit(attempt.id)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const steps = await stepCount(attempt.id);
    const third = await api
      .submit(attempt.id, { answers: [{ slot: 2, response: { answer: true } }] })
      .expect(200);
    expect(third.body.result).toEqual(first.body.result);
    expect(await stepCount(attempt.id)).toBe(steps);
    await api.save(attempt.id, 2, { answer: true }).expect(409);
    const submits = await db.query(
      `SELECT COUNT(*) AS n FROM exam_attempt_steps WHERE attempt_id = '${attempt.id}' AND action = 'submit'`,
    );
    expect(Number(submits[0].n)).toBe(3);
  });

  it('should let a trainer confirm a provisional free-text mark, then override it, with both audited', async () => {
    const api = examApi(t, trainee);
    const staff = examApi(t, trainer);
    const list = await t
      .http()
      .get('/api/exams/all-types/attempts')
      .set('Authorization', trainee)
      .expect(200);
    const attemptId = list.body[0].id as string;
    const queue = await t
      .http()
      .get('/api/exams/grading/queue')
      .set('Authorization', trainer)
      .expect(200);
    expect(queue.body).toEqual([
      expect.objectContaining({
        attemptId,
        slot: 7,
        questionId: 'wt-free',
        userName: expect.any(String),
        answer: expect.stringContaining('refunded'),
      }),
    ]);
    const provisional = queue.body[0].provisionalMark as number;

    const confirmed = (
      await staff.grade(attemptId, 7, { confirm: true, comment: 'Good reply' }).expect(200)
    ).body as AttemptBody;
    expect(confirmed.result).toMatchObject({ pending: 0, passed: true });
    expect(confirmed.review![6]).toMatchObject({ mark: provisional });
    await expect(
      t
        .http()
        .get('/api/exams/grading/queue')
        .set('Authorization', trainer)
        .then((r) => r.body),
    ).resolves.toEqual([]);

    const overridden = (
      await staff.grade(attemptId, 7, { mark: 1, comment: 'No date for the refund' }).expect(200)
    ).body as AttemptBody;
    expect(overridden.review![6]).toMatchObject({ state: 'partial', mark: 1 });
    expect(overridden.result).toMatchObject({ marks: 7.5, passed: false });
    const steps = await staff.steps(attemptId, 7).expect(200);
    expect(steps.body.map((step: { action: string }) => step.action)).toEqual([
      'start',
      'save',
      'submit',
      'manualgrade',
      'manualgrade',
    ]);

    const audit = await t
      .http()
      .get(`/api/audit?targetId=${attemptId}`)
      .set('Authorization', await t.bearer('admin@academy.local'))
      .expect(200);
    expect(audit.body.items.map((entry: { action: string }) => entry.action).sort()).toEqual([
      'exam.grade.confirmed',
      'exam.grade.overridden',
    ]);
    expect(
      audit.body.items.find((entry: { action: string }) => entry.action === 'exam.grade.overridden')
        .summary,
    ).toMatchObject({ slot: 7, to: { mark: 1 }, comment: 'No date for the refund' });

    await staff.grade(attemptId, 7, { mark: 9 }).expect(400);
    await staff.grade(attemptId, 7, { fraction: 0.5, mark: 2 }).expect(400);
    await api.grade(attemptId, 7, { mark: 4 }).expect(403);
  });

  it('should write attempted, then passed or failed, to the learning record', async () => {
    const rows: { verb: string; object_id: string }[] = await db.query(
      `SELECT verb, object_id FROM learning_records`,
    );
    const verbsFor = (examId: string): (string | undefined)[] =>
      rows
        .filter((row) => row.object_id.endsWith(`/exam/${examId}`))
        .map((row) => row.verb.split('/').pop())
        .sort();
    // all-types: final (passed) once the free-text mark was confirmed, failed after the override
    // took it to 7.5 of 13 (58 %, pass mark 60 %); short-quiz: failed at submit (1 of 3).
    expect(verbsFor('all-types')).toEqual(['attempted', 'failed', 'passed']);
    expect(verbsFor('short-quiz')).toEqual(['attempted', 'failed']);
  });

  it('should keep one open attempt per exam and person, even when two starts race', async () => {
    const other = await t.bearer('supervisor@academy.local');
    const api = examApi(t, other);
    const [a, b] = await Promise.all([api.start('short-quiz'), api.start('short-quiz')]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    await api
      .start('short-quiz')
      .expect(200)
      .expect((r) => expect(r.body.id).toBe(a.body.id));
    const open = await db.query(
      `SELECT COUNT(*) AS n FROM exam_attempts WHERE exam_id = 'short-quiz' AND open_key = 'open'`,
    );
    expect(Number(open[0].n)).toBe(1);
  });

  it('should enforce the number of attempts and the wait between them', async () => {
    const hr = await t.bearer('hr@academy.local');
    const api = examApi(t, hr);
    const first = (await api.start('all-types').expect(201)).body as AttemptBody;
    await api.submit(first.id).expect(200);
    const early = await api.start('all-types').expect(409);
    expect(early.body).toMatchObject({
      code: 'TOO_SOON',
      message: expect.stringContaining('2026-11-23 10:00 UTC'),
    });
    t.clock.advance(3600 * 1000);
    const second = (await api.start('all-types').expect(201)).body as AttemptBody;
    await api.submit(second.id).expect(200);
    t.clock.advance(3600 * 1000);
    await api
      .start('all-types')
      .expect(409)
      .expect((r) => expect(r.body.code).toBe('NO_ATTEMPTS_LEFT'));
    const overview = await t
      .http()
      .get('/api/exams/all-types')
      .set('Authorization', hr)
      .expect(200);
    expect(overview.body.availability).toMatchObject({
      attemptsUsed: 2,
      attemptsLeft: 0,
      canStart: false,
    });
  });

  it('should refuse answers of the wrong shape with the reason', async () => {
    const api = examApi(t, await t.bearer('admin@academy.local'));
    const attempt = (await api.start('all-types').expect(201)).body as AttemptBody;
    const bad = await api.save(attempt.id, 1, { choice: 7 }).expect(400);
    expect(bad.body).toMatchObject({ code: 'INVALID_RESPONSE', errors: [{ path: 'response' }] });
    await api.save(attempt.id, 6, { matches: ['Paris', null, null] }).expect(400);
    await api.save(attempt.id, 99, { choice: 0 }).expect(404);
    await t
      .http()
      .put(`/api/exams/attempts/${attempt.id}/slots/1`)
      .set('Authorization', trainer)
      .send({ response: { choice: 0 } })
      .expect(404);
    await api.start('no-such-exam').expect(404);
  });
});
