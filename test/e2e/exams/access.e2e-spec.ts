import { AttemptBody, EXAM_FIXTURE_ENV, examApi, rightResponse } from '../../support/exams';
import { BrowserSession } from '../../support/browser-session';
import { createTestApp, DEMO_PASSWORD, TestApp } from '../../support/test-app';

// Keys and feedback must never reach a trainee before the exam's review policy allows it.
const KEY_FIELDS = [
  'fraction',
  'feedback',
  'feedbackTrue',
  'feedbackFalse',
  'generalFeedback',
  'rightAnswer',
  'answers',
  'pairs',
  'distractors',
  'modelAnswer',
  'rubric',
  'rubricId',
  'review',
  'definition',
  'seed',
  'score',
];
// Every feedback text of the questions these exams draw.
const KEY_TEXTS = [
  'Right — meet them',
  'Letters are slow',
  'Acknowledge on the channel',
  'Not every customer',
  'Right, 7 working days',
  'It is 7 working days',
  'Tier 3 covers safety',
  'Right, safety is tier 3',
  'first-contact responsibility',
  'Which tier?',
];

// What the result page says instead of the review link, by exam and its review policy.
const REVIEW_LATER: Record<string, string> = {
  'closed-review': 'Answers are shown after the exam closes on 2026-11-23 12:00 UTC.',
  'gift-exam': 'This exam does not show the answers and feedback.',
};

function keyLeaks(body: unknown, where: string): string[] {
  const leaks: string[] = [];
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  for (const key of KEY_TEXTS) if (text.includes(key)) leaks.push(`${where}: text "${key}"`);
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`));
    else if (value && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) {
        if (KEY_FIELDS.includes(key)) leaks.push(`${where}: field ${path}.${key}`);
        walk(item, `${path}.${key}`);
      }
  };
  if (typeof body !== 'string') walk(body, '');
  return leaks;
}

describe('Exam access and key secrecy', () => {
  let t: TestApp;
  let trainee: string;
  let trainer: string;
  let otherId: string;
  let other: string;

  beforeAll(async () => {
    t = await createTestApp({ env: EXAM_FIXTURE_ENV });
    [trainee, trainer] = await Promise.all([
      t.bearer('trainee@academy.local'),
      t.bearer('trainer@academy.local'),
    ]);
    const admin = await t.bearer('admin@academy.local');
    const created = await t
      .http()
      .post('/api/users')
      .set('Authorization', admin)
      .send({
        email: 'second.trainee@academy.local',
        displayName: 'Second Trainee',
        roles: ['trainee'],
        // A team the demo trainer manages: staff read only the people of their teams.
        team: 'South',
        password: DEMO_PASSWORD,
      })
      .expect(201);
    otherId = created.body.id;
    other = await t.bearer('second.trainee@academy.local');
  });
  afterAll(async () => t?.close());

  it('should send no key, feedback or seed in any trainee response before the review policy allows', async () => {
    const api = examApi(t, trainee);
    const leaks: string[] = [];
    const check = (body: unknown, where: string): void => void leaks.push(...keyLeaks(body, where));
    check(
      (await t.http().get('/api/exams').set('Authorization', trainee).expect(200)).body,
      'GET /api/exams',
    );
    for (const examId of ['closed-review', 'gift-exam', 'all-types']) {
      check(
        (await t.http().get(`/api/exams/${examId}`).set('Authorization', trainee).expect(200)).body,
        `GET exam ${examId}`,
      );
      const attempt = (await api.start(examId).expect(201)).body as AttemptBody;
      check(attempt, `start ${examId}`);
      for (const question of attempt.questions) {
        // The GIFT bank has a true/false and a single-choice question.
        const gift = question.type === 'truefalse' ? { answer: true } : { choice: 0 };
        const response = examId === 'gift-exam' ? gift : rightResponse(question);
        check(
          (await api.save(attempt.id, question.slot, response).expect(200)).body,
          `save ${examId}`,
        );
      }
      check((await api.get(attempt.id).expect(200)).body, `get ${examId}`);
      if (examId === 'all-types') continue; // its policy shows the review after submit (below)
      check((await api.submit(attempt.id).expect(200)).body, `submit ${examId}`);
      check((await api.get(attempt.id).expect(200)).body, `get finished ${examId}`);
      await api
        .review(attempt.id)
        .expect(403)
        .expect((r) => expect(r.body.code).toBe('REVIEW_NOT_AVAILABLE'));
      const session = new BrowserSession(t.app.getHttpServer());
      await session.signIn('trainee@academy.local', DEMO_PASSWORD);
      const resultPage = (await session.get(`/exams/attempts/${attempt.id}/result`)).text;
      check(resultPage, `result page ${examId}`);
      // The page says when the answers are shown, or that they never are.
      expect(resultPage).toContain(REVIEW_LATER[examId]);
      check((await session.get(`/exams/${examId}`)).text, `exam page ${examId}`);
    }
    check(
      (
        await t
          .http()
          .get('/api/exams/closed-review/attempts')
          .set('Authorization', trainee)
          .expect(200)
      ).body,
      'attempt list',
    );
    const me = (await t.http().get('/api/me').set('Authorization', trainee).expect(200)).body as {
      id: string;
    };
    check(
      (
        await t
          .http()
          .get(`/api/users/${me.id}/exam-attempts`)
          .set('Authorization', trainee)
          .expect(200)
      ).body,
      'my attempts',
    );
    const session = new BrowserSession(t.app.getHttpServer());
    await session.signIn('trainee@academy.local', DEMO_PASSWORD);
    const open = (await t.http().get('/api/exams/all-types').set('Authorization', trainee)).body
      .availability.openAttemptId as string;
    check((await session.get(`/exams/attempts/${open}`)).text, 'take page');
    expect(leaks).toEqual([]);
  });

  it('should show the review once the policy allows: after submit, or after the exam closes', async () => {
    const api = examApi(t, trainee);
    const open = (await t.http().get('/api/exams/all-types').set('Authorization', trainee)).body
      .availability.openAttemptId as string;
    await api.review(open).expect(403);
    const submitted = (await api.submit(open).expect(200)).body as AttemptBody;
    expect(submitted.reviewAvailable).toBe(true);
    expect(submitted.review![0].feedback.rightAnswer).toBe('The channel the customer used');
    const closed = (
      await t.http().get('/api/exams/closed-review/attempts').set('Authorization', trainee)
    ).body[0].id as string;
    await api.review(closed).expect(403);
    t.clock.set(new Date('2026-11-23T12:00:00.000Z'));
    const review = (await api.review(closed).expect(200)).body as AttemptBody;
    expect(review.review!.every((item) => item.feedback.rightAnswer !== null)).toBe(true);
  });

  it('should never show the review of a "never" exam to its taker, but always to staff', async () => {
    const attemptId = (
      await t.http().get('/api/exams/gift-exam/attempts').set('Authorization', trainee)
    ).body[0].id as string;
    await examApi(t, trainee).review(attemptId).expect(403);
    const staffView = (await examApi(t, trainer).review(attemptId).expect(200)).body as AttemptBody;
    expect(staffView.review).toHaveLength(2);
    // The same check finds the keys where they are allowed, so it can fail.
    expect(keyLeaks(staffView, 'staff')).not.toEqual([]);
  });

  it("should answer 404 to another trainee's attempt, as if it did not exist", async () => {
    const attemptId = (
      await t.http().get('/api/exams/gift-exam/attempts').set('Authorization', trainee)
    ).body[0].id as string;
    const api = examApi(t, other);
    const missing = await api.get('00000000-0000-4000-8000-000000000000').expect(404);
    const hidden = await api.get(attemptId).expect(404);
    expect(hidden.body).toEqual(missing.body);
    await api.save(attemptId, 1, { choice: 0 }).expect(404);
    await api.submit(attemptId).expect(404);
    await api.review(attemptId).expect(404);
    const me = (await t.http().get('/api/me').set('Authorization', trainee).expect(200)).body as {
      id: string;
    };
    await t.http().get(`/api/users/${me.id}/exam-attempts`).set('Authorization', other).expect(404);
    await t
      .http()
      .get(`/api/users/${otherId}/exam-attempts`)
      .set('Authorization', trainer)
      .expect(200);
    const list = await t
      .http()
      .get('/api/exams/gift-exam/attempts')
      .set('Authorization', other)
      .expect(200);
    expect(list.body).toEqual([]);
  });

  it('should keep grading, statistics, banks and step logs to staff', async () => {
    const attemptId = (
      await t.http().get('/api/exams/gift-exam/attempts').set('Authorization', trainee)
    ).body[0].id as string;
    const calls = [
      t.http().get('/api/exams/grading/queue'),
      t.http().get('/api/exams/all-types/statistics'),
      t.http().get('/api/exams/all-types/statistics.csv'),
      t.http().get('/api/exams/banks'),
      t.http().get('/api/exams/banks/walkthrough'),
      t.http().post('/api/exams/banks/import').set('content-type', 'text/plain').send('Q?{T}'),
      t.http().get(`/api/exams/attempts/${attemptId}/slots/1/steps`),
      t.http().post(`/api/exams/attempts/${attemptId}/slots/1/grade`).send({ fraction: 1 }),
    ];
    for (const call of calls) await call.set('Authorization', trainee).expect(403);
    await t.http().get('/api/exams').expect(401);
    await t.http().get(`/api/exams/attempts/${attemptId}`).expect(401);
    const session = new BrowserSession(t.app.getHttpServer());
    await session.signIn('trainee@academy.local', DEMO_PASSWORD);
    for (const page of [
      '/exams/grading',
      '/exams/banks',
      '/exams/all-types/statistics',
      '/exams/all-types/attempts',
    ])
      expect((await session.get(page)).status).toBe(403);
  });

  it('should refuse a page script call without the CSRF header', async () => {
    const session = new BrowserSession(t.app.getHttpServer());
    await session.signIn('second.trainee@academy.local', DEMO_PASSWORD);
    await session.get('/exams');
    const started = await session.sendJson('post', '/api/exams/short-quiz/attempts', {}, false);
    expect(started.status).toBe(403);
    expect((await session.sendJson('post', '/api/exams/short-quiz/attempts', {})).status).toBe(201);
  });

  it('should document every exam API route in the OpenAPI document, and no page', async () => {
    const paths = Object.keys(
      (await t.http().get('/api/docs-json').expect(200)).body.paths as object,
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/exams',
        '/api/exams/{examId}/attempts',
        '/api/exams/attempts/{attemptId}/slots/{slot}',
        '/api/exams/attempts/{attemptId}/submit',
        '/api/exams/attempts/{attemptId}/slots/{slot}/grade',
        '/api/exams/{examId}/regrade',
        '/api/exams/{examId}/statistics.csv',
        '/api/exams/banks/import',
        '/api/exams/grading/queue',
        '/api/users/{userId}/exam-attempts',
      ]),
    );
    expect(paths.filter((path) => path.startsWith('/exams'))).toEqual([]);
  });
});
