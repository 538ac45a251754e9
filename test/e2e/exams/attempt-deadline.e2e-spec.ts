import { DataSource } from 'typeorm';
import { AttemptsService } from '../../../src/exams/attempts.service';
import { AttemptBody, EXAM_FIXTURE_ENV, examApi, rightResponse } from '../../support/exams';
import { createTestApp, FixedClock, TestApp } from '../../support/test-app';

const MINUTE = 60 * 1000;

// The server owns the deadline: with a fixed clock the spec moves time past it and checks that
// the attempt is graded on what was saved by then, whoever notices first.
describe('Exam deadlines (fixed clock)', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp({
      env: EXAM_FIXTURE_ENV,
      clock: new FixedClock(new Date('2026-11-23T09:00:00.000Z')),
    });
    db = t.app.get(DataSource);
  });
  afterAll(async () => t?.close());

  async function startQuiz(
    email: string,
  ): Promise<{ api: ReturnType<typeof examApi>; attempt: AttemptBody }> {
    const api = examApi(t, await t.bearer(email));
    const attempt = (await api.start('short-quiz').expect(201)).body as AttemptBody;
    return { api, attempt };
  }

  it('should refuse a save after the deadline and submit what was saved by then', async () => {
    t.clock.set(new Date('2026-11-23T09:00:00.000Z'));
    const { api, attempt } = await startQuiz('trainee@academy.local');
    expect(attempt).toMatchObject({ deadlineAt: '2026-11-23T09:10:00.000Z', secondsLeft: 600 });
    await api.save(attempt.id, 1, rightResponse(attempt.questions[0])).expect(200);
    t.clock.advance(9 * MINUTE + 59 * 1000);
    await api.save(attempt.id, 2, rightResponse(attempt.questions[1])).expect(200);
    t.clock.advance(1000);
    const late = await api.save(attempt.id, 3, rightResponse(attempt.questions[2])).expect(409);
    expect(late.body.code).toBe('DEADLINE_PASSED');
    const finished = (await api.get(attempt.id).expect(200)).body as AttemptBody & {
      finishedAt: string;
    };
    expect(finished).toMatchObject({
      status: 'finished',
      finishReason: 'deadline',
      finishedAt: '2026-11-23T09:10:00.000Z',
    });
    expect(finished.result).toMatchObject({ marks: 2, maxMarks: 3, passed: true });
    expect(finished.questions[2].response).toBeNull();
    const steps = await db.query(
      `SELECT action, at FROM exam_attempt_steps WHERE attempt_id = '${attempt.id}' AND slot = 3 ORDER BY seq`,
    );
    expect(steps.map((step: { action: string }) => step.action)).toEqual(['start', 'autosubmit']);
  });

  it('should grade a late submit on the answers saved by the deadline, ignoring the ones sent with it', async () => {
    t.clock.set(new Date('2026-11-23T10:00:00.000Z'));
    const { api, attempt } = await startQuiz('supervisor@academy.local');
    await api.save(attempt.id, 1, rightResponse(attempt.questions[0])).expect(200);
    t.clock.advance(15 * MINUTE);
    const answers = attempt.questions.map((question) => ({
      slot: question.slot,
      response: rightResponse(question),
    }));
    const submitted = (await api.submit(attempt.id, { answers }).expect(200)).body as AttemptBody;
    expect(submitted).toMatchObject({ status: 'finished', finishReason: 'deadline' });
    expect(submitted.result).toMatchObject({ marks: 1, passed: false });
    await api
      .submit(attempt.id)
      .expect(200)
      .expect((r) => expect(r.body.result).toEqual(submitted.result));
  });

  it('should submit overdue attempts on its own, with nobody looking', async () => {
    t.clock.set(new Date('2026-11-23T11:00:00.000Z'));
    const { api, attempt } = await startQuiz('hr@academy.local');
    await api.save(attempt.id, 2, rightResponse(attempt.questions[1])).expect(200);
    const service = t.app.get(AttemptsService);
    await expect(service.closeOverdue()).resolves.toBe(0);
    t.clock.advance(11 * MINUTE);
    await expect(service.closeOverdue()).resolves.toBe(1);
    const [row] = await db.query(
      `SELECT status, finish_reason, marks, open_key FROM exam_attempts WHERE id = '${attempt.id}'`,
    );
    expect(row).toMatchObject({
      status: 'finished',
      finish_reason: 'deadline',
      marks: 1,
      open_key: null,
    });
    await expect(service.closeOverdue()).resolves.toBe(0);
  });

  it('should end an attempt when the exam closes, even before its time limit', async () => {
    // closed-review closes at 12:00 and allows 60 minutes: started at 11:30 it ends at 12:00.
    t.clock.set(new Date('2026-11-23T11:30:00.000Z'));
    const api = examApi(t, await t.bearer('trainer@academy.local'));
    const attempt = (await api.start('closed-review').expect(201)).body as AttemptBody & {
      deadlineAt: string;
    };
    expect(attempt.deadlineAt).toBe('2026-11-23T12:00:00.000Z');
    t.clock.set(new Date('2026-11-23T12:00:00.000Z'));
    await api.save(attempt.id, 1, { answer: true }).expect(409);
    const other = examApi(t, await t.bearer('admin@academy.local'));
    const closed = await other.start('closed-review').expect(409);
    expect(closed.body.code).toBe('EXAM_CLOSED');
  });

  it('should show the time left on the server clock and count down as it moves', async () => {
    t.clock.set(new Date('2026-11-23T13:00:00.000Z'));
    const { api, attempt } = await startQuiz('trainee@academy.local');
    t.clock.advance(4 * MINUTE);
    const view = (await api.get(attempt.id).expect(200)).body as AttemptBody & {
      secondsLeft: number;
      serverNow: string;
    };
    expect(view).toMatchObject({ secondsLeft: 360, serverNow: '2026-11-23T13:04:00.000Z' });
  });
});
