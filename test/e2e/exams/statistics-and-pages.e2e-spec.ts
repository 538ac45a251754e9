import { parse } from 'csv-parse/sync';
import {
  AttemptBody,
  EXAM_FIXTURE_ENV,
  examApi,
  QuestionView,
  rightResponse,
} from '../../support/exams';
import { BrowserSession } from '../../support/browser-session';
import { createTestApp, DEMO_PASSWORD, TestApp } from '../../support/test-app';

// Four trainees take short-quiz (single, true/false and short answer, all drawn every time) with
// 3, 2, 1 and 0 right answers; the statistics are then known by hand.
const PEOPLE = [
  { email: 'ana@academy.local', right: ['single', 'truefalse', 'short'] },
  { email: 'ben@academy.local', right: ['single', 'truefalse'] },
  { email: 'cai@academy.local', right: ['single'] },
  { email: 'dee@academy.local', right: [] as string[] },
];

function wrongResponse(question: QuestionView): object {
  if (question.type === 'single')
    return {
      choice: question.choices!.find((choice) => choice.text === 'Always by letter')!.index,
    };
  if (question.type === 'truefalse') return { answer: false };
  return { text: 'level 9' };
}

describe('Item statistics and the exam pages', () => {
  let t: TestApp;
  let trainer: string;

  beforeAll(async () => {
    t = await createTestApp({ env: EXAM_FIXTURE_ENV });
    const admin = await t.bearer('admin@academy.local');
    trainer = await t.bearer('trainer@academy.local');
    for (const person of PEOPLE) {
      await t
        .http()
        .post('/api/users')
        .set('Authorization', admin)
        .send({
          email: person.email,
          displayName: person.email.split('@')[0],
          roles: ['trainee'],
          password: DEMO_PASSWORD,
        })
        .expect(201);
      const api = examApi(t, await t.bearer(person.email));
      const attempt = (await api.start('short-quiz').expect(201)).body as AttemptBody;
      const answers = attempt.questions.map((question) => ({
        slot: question.slot,
        response: person.right.includes(question.type)
          ? rightResponse(question)
          : wrongResponse(question),
      }));
      await api.submit(attempt.id, { answers }).expect(200);
    }
  });
  afterAll(async () => t?.close());

  it('should give the exam mean, deviation, pass rate and alpha, and each question its indices', async () => {
    const statistics = (
      await t
        .http()
        .get('/api/exams/short-quiz/statistics')
        .set('Authorization', trainer)
        .expect(200)
    ).body;
    expect(statistics).toMatchObject({ attempts: 4, meanPercent: 50, passRate: 50 });
    // Percentages 100, 66.7, 33.3 and 0: sample SD = sqrt(5/3) · 33.3.
    expect(statistics.standardDeviation).toBeCloseTo((Math.sqrt(5 / 3) * 100) / 3, 5);
    // Item variances 1/4, 1/3, 1/4; total variance 5/3: α = 3/2 · (1 − (5/6) / (5/3)) = 0.75.
    expect(statistics.cronbachAlpha).toBeCloseTo(0.75, 6);
    const byId = Object.fromEntries(
      statistics.questions.map((question: { questionId: string }) => [
        question.questionId,
        question,
      ]),
    );
    expect(byId['wt-single']).toMatchObject({
      attempts: 4,
      facilityIndex: 75,
      upperLowerIndex: 100,
    });
    expect(byId['wt-tf']).toMatchObject({ facilityIndex: 50 });
    expect(byId['wt-short']).toMatchObject({ facilityIndex: 25 });
    // Correlation of wt-single (1,1,1,0) with the rest of the quiz (2,1,0,0).
    expect(byId['wt-single'].discriminationIndex).toBeCloseTo(52.2233, 3);
    expect(byId['wt-single'].responses).toEqual([
      { label: 'The channel the customer used', fraction: 1, count: 3 },
      { label: 'Always by letter', fraction: 0, count: 1 },
      { label: 'Only by phone', fraction: 0, count: 0 },
      { label: '(no answer)', fraction: null, count: 0 },
    ]);
    expect(byId['wt-short'].responses).toEqual([
      { label: 'level 9', fraction: null, count: 3 },
      { label: 'tier 4', fraction: null, count: 1 },
    ]);
  });

  it('should export the question statistics as CSV', async () => {
    const response = await t
      .http()
      .get('/api/exams/short-quiz/statistics.csv')
      .set('Authorization', trainer)
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parse(response.text, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.question_id, row.attempts, row.facility_index])).toEqual([
      ['wt-short', '4', '25.00'],
      ['wt-single', '4', '75.00'],
      ['wt-tf', '4', '50.00'],
    ]);
    expect(rows[1].responses).toBe(
      'The channel the customer used (1): 3; Always by letter (0): 1; Only by phone (0): 0; (no answer): 0',
    );
  });

  it('should let a trainee find, start, take and submit an exam through the pages', async () => {
    const session = new BrowserSession(t.app.getHttpServer());
    await session.signIn('ana@academy.local', DEMO_PASSWORD);
    expect((await session.get('/exams')).text).toContain('Every question type');
    const examPage = await session.get('/exams/all-types');
    expect(examPage.text).toContain('Start the exam');
    const started = await session.postForm('/exams/all-types/start', {});
    expect(started.status).toBe(303);
    const take = await session.get(started.headers.location as string);
    expect(take.status).toBe(200);
    expect(take.text).toContain('data-testid="time-left"');
    expect(take.text.match(/<section class="card question"/g)).toHaveLength(7);
    expect(take.text).toContain('<select name="q6"');
    const attemptId = (started.headers.location as string).split('/').pop()!;
    const saved = await session.sendJson('put', `/api/exams/attempts/${attemptId}/slots/3`, {
      response: { answer: true },
    });
    expect(saved.status).toBe(200);
    expect((await session.get(started.headers.location as string)).text).toMatch(
      /name="q3" value="true" checked/,
    );
    expect(
      (await session.sendJson('post', `/api/exams/attempts/${attemptId}/submit`, {})).status,
    ).toBe(200);
    const result = await session.get(started.headers.location as string);
    expect(result.status).toBe(303);
    const resultPage = await session.get(`/exams/attempts/${attemptId}/result`);
    expect(resultPage.text).toContain('data-testid="exam-result"');
    expect(resultPage.text).toContain('Review the answers');
    const review = await session.get(`/exams/attempts/${attemptId}/review`);
    expect(review.text.match(/data-testid="review-question"/g)).toHaveLength(7);
    expect(review.text).not.toContain('grade-form');
  });

  it('should show trainers the attempt list, the statistics page and a review queue they can work through', async () => {
    const session = new BrowserSession(t.app.getHttpServer());
    await session.signIn('trainer@academy.local', DEMO_PASSWORD);
    const list = await session.get('/exams/short-quiz/attempts');
    for (const name of ['ana', 'ben', 'cai', 'dee'])
      expect(list.text).toContain(`<td>${name}</td>`);
    const statistics = await session.get('/exams/short-quiz/statistics');
    expect(statistics.text).toMatch(/data-testid="alpha">0\.75</);
    // Ana's all-types attempt left its free-text answer blank, so it was given up: nothing to review.
    expect((await session.get('/exams/grading')).text).toContain('data-testid="queue-empty"');
    const ben = examApi(t, await t.bearer('ben@academy.local'));
    const attempt = (await ben.start('all-types').expect(201)).body as AttemptBody;
    await ben
      .submit(attempt.id, { answers: [{ slot: 7, response: rightResponse(attempt.questions[6]) }] })
      .expect(200);
    const queue = await session.get('/exams/grading');
    expect(queue.text).toMatch(/data-testid="review-item" data-attempt="[^"]+" data-slot="7"/);
    const confirmed = await session.postForm(`/exams/attempts/${attempt.id}/slots/7/grade`, {
      action: 'confirm',
      comment: 'Fine',
    });
    expect(confirmed.status).toBe(303);
    expect((await session.get('/exams/grading')).text).toContain('data-testid="queue-empty"');
    const override = await session.postForm(`/exams/attempts/${attempt.id}/slots/7/grade`, {
      action: 'override',
      mark: '2',
      next: 'review',
    });
    expect(override.headers.location).toBe(`/exams/attempts/${attempt.id}/review#q7`);
    const review = await session.get(`/exams/attempts/${attempt.id}/review`);
    expect(review.text).toContain('grade-form');
    expect(review.text).toMatch(/Question 7[\s\S]*?2 \/ 4/);
  });
});
