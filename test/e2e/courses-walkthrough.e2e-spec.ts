import { COURSE_FIXTURE_ENV, courseApi } from '../support/courses';
import { createTestApp, TestApp } from '../support/test-app';

// One trainee from enrolment to completion of "Phone basics", state checked after every step.
describe('Courses walkthrough: a trainee from enrolment to completion', () => {
  let t: TestApp;
  let trainee: string;
  let me: { id: string };
  let api: ReturnType<typeof courseApi>;
  let enrolmentId: string;

  const course = async () =>
    (await t.http().get('/api/courses/phone-basics').set('Authorization', trainee).expect(200))
      .body;

  beforeAll(async () => {
    t = await createTestApp({ env: COURSE_FIXTURE_ENV });
    trainee = await t.bearer('trainee@academy.local');
    me = (await t.http().get('/api/me').set('Authorization', trainee)).body;
    api = courseApi(t, trainee, 'phone-basics');
  });
  afterAll(async () => t.close());

  it('step 1: should list the catalogue in order with no enrolment and the prerequisite flags', async () => {
    const response = await t.http().get('/api/courses').set('Authorization', trainee).expect(200);
    expect(
      response.body.map((c: { id: string; prerequisitesMet: boolean; enrolment: unknown }) => [
        c.id,
        c.prerequisitesMet,
        c.enrolment,
      ]),
    ).toEqual([
      ['phone-basics', true, null],
      ['calm-complaints', false, null],
      ['data-privacy', true, null],
    ]);
    expect(response.body[0]).toMatchObject({ lessonCount: 3, minutes: 6 + 7 + 8, version: 1 });
  });

  it('step 2: should refuse progress before enrolment', async () => {
    const response = await api.open('greeting').expect(409);
    expect(response.body.code).toBe('NOT_ENROLLED');
  });

  it('step 3: should enrol the trainee, once', async () => {
    const first = await api.enrol().expect(201);
    expect(first.body).toMatchObject({
      userId: me.id,
      courseId: 'phone-basics',
      status: 'not_started',
      source: 'self',
      dueDate: null,
      overdue: false,
      lessonsCompleted: 0,
      lessonCount: 3,
      percent: 0,
      resumeLessonId: 'greeting',
    });
    enrolmentId = first.body.id;
    const again = await api.enrol().expect(201);
    expect(again.body.id).toBe(enrolmentId);
  });

  it('step 4: should serve the lesson as sanitized HTML with questions but no answers', async () => {
    const response = await t
      .http()
      .get('/api/courses/phone-basics/lessons/greeting')
      .set('Authorization', trainee)
      .expect(200);
    expect(response.body).toMatchObject({
      id: 'greeting',
      number: 1,
      lessonCount: 3,
      previous: null,
      next: { id: 'listening', title: 'Listening actively' },
      progress: null,
    });
    expect(response.body.html).not.toMatch(/<script|<img|href="javascript:/i);
    expect(response.body.questions[0]).toEqual({
      id: 'q1',
      prompt: 'Which reply is stronger in "Greeting the caller"?',
      type: 'single',
      choices: [
        { index: 0, text: 'The short one' },
        { index: 1, text: 'The one that names you and offers help' },
        { index: 2, text: 'Either, it does not matter' },
      ],
    });
    expect(JSON.stringify(response.body.questions)).not.toMatch(/"correct"|"feedback"/);
  });

  it('step 5: should start the course when the first lesson opens', async () => {
    const response = await api.open('greeting').expect(200);
    expect(response.body.enrolment).toMatchObject({
      status: 'in_progress',
      startedAt: '2026-11-23T09:00:00.000Z',
      lastLessonId: 'greeting',
      resumeLessonId: 'greeting',
    });
    expect(response.body.progress).toMatchObject({
      lessonId: 'greeting',
      completedAt: null,
      secondsSpent: 0,
      openQuestions: ['q1', 'q2'],
    });
  });

  it('step 6: should credit reading time, never more than has passed', async () => {
    t.clock.advance(40_000);
    expect((await api.heartbeat('greeting', 30).expect(200)).body.secondsSpent).toBe(30);
    t.clock.advance(5_000);
    expect((await api.heartbeat('greeting', 300).expect(200)).body.secondsSpent).toBe(35);
    const tooMuch = await api.heartbeat('greeting', 301).expect(400);
    expect(tooMuch.body.errors).toEqual([{ path: 'seconds', messages: expect.any(Array) }]);
  });

  it('step 7: should refuse to complete the lesson before its check is right', async () => {
    const response = await api.complete('greeting').expect(409);
    expect(response.body).toMatchObject({
      code: 'CHECK_INCOMPLETE',
      errors: [
        { path: 'answers.q1', messages: ['not answered correctly yet'] },
        { path: 'answers.q2', messages: ['not answered correctly yet'] },
      ],
    });
  });

  it('step 8: should give immediate feedback, wrong first, and keep what is right', async () => {
    t.clock.advance(20_000);
    const response = await api.check('greeting', { q1: [0], q2: [0] }).expect(200);
    expect(response.body.results).toEqual([
      {
        questionId: 'q1',
        correct: false,
        feedback: [
          { choice: 0, text: 'The short one', feedback: 'Short is not the same as clear.' },
        ],
      },
      {
        questionId: 'q2',
        correct: true,
        feedback: [{ choice: 0, text: 'True', feedback: 'Yes, they do.' }],
      },
    ]);
    expect(response.body.allCorrect).toBe(false);
    expect(response.body.progress).toMatchObject({ openQuestions: ['q1'], secondsSpent: 55 });
  });

  it('step 9: should reject answers that do not fit the questions, with field paths', async () => {
    const response = await api.check('greeting', { q1: [0, 1], q9: [0], q2: 'x' }).expect(400);
    expect(response.body).toMatchObject({
      code: 'INVALID_ANSWER',
      errors: [
        { path: 'answers.q1', messages: ['pick exactly one choice'] },
        { path: 'answers.q9', messages: ['no such question in this lesson'] },
        { path: 'answers.q2', messages: ['give choice indexes (numbers)'] },
      ],
    });
  });

  it('step 10: should complete the lesson once the check is right, scoring first tries', async () => {
    expect((await api.check('greeting', { q1: [1] }).expect(200)).body.allCorrect).toBe(true);
    t.clock.advance(10_000);
    const response = await api.complete('greeting').expect(200);
    expect(response.body).toMatchObject({
      courseCompleted: false,
      next: { id: 'listening' },
      lesson: { completedAt: '2026-11-23T09:01:15.000Z', score: 0.5, secondsSpent: 65 },
      enrolment: {
        status: 'in_progress',
        lessonsCompleted: 1,
        percent: 33,
        resumeLessonId: 'listening',
        secondsSpent: 65,
      },
    });
  });

  it('step 11: should resume at the next lesson and take a multiple-answer check', async () => {
    const catalogue = await t.http().get('/api/courses').set('Authorization', trainee);
    expect(catalogue.body[0].enrolment.resumeLessonId).toBe('listening');
    await api.open('listening').expect(200);
    const partial = await api.check('listening', { q1: [1], q2: [0], q3: [0] }).expect(200);
    expect(partial.body.results[2]).toMatchObject({
      correct: false,
      hint: 'Everything you picked is right, but something is missing.',
    });
    await api.check('listening', { q3: [2, 0] }).expect(200);
    const done = await api.complete('listening').expect(200);
    expect(done.body.lesson.score).toBeCloseTo(2 / 3, 10);
    expect((await course()).lessons.map((l: { progress: unknown }) => !!l.progress)).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('step 12: should complete the course with the last lesson and record the version', async () => {
    // Score: mean of the first-try shares, 1/2 (greeting), 2/3 (listening) and 1 (closing).
    await api.open('closing').expect(200);
    await api.check('closing', { q1: [1], q2: [0] }).expect(200);
    const response = await api.complete('closing').expect(200);
    expect(response.body).toMatchObject({
      courseCompleted: true,
      next: null,
      enrolment: {
        status: 'completed',
        completedAt: '2026-11-23T09:01:15.000Z',
        completedVersion: 1,
        score: 0.7222,
        percent: 100,
        resumeLessonId: null,
      },
    });
    // Completing again changes nothing.
    const again = await api.complete('closing').expect(200);
    expect(again.body.courseCompleted).toBe(false);
  });

  it('step 13: should show the completion in the trainee’s own course list', async () => {
    const response = await t
      .http()
      .get(`/api/users/${me.id}/courses`)
      .set('Authorization', trainee)
      .expect(200);
    expect(response.body.courses).toEqual([
      expect.objectContaining({
        courseId: 'phone-basics',
        courseTitle: 'Phone basics',
        courseVersion: 1,
        status: 'completed',
        lessonsCompleted: 3,
      }),
    ]);
  });

  it('step 14: should have written the whole story to the learning record as xAPI statements', async () => {
    const response = await t
      .http()
      .get('/api/learning-records')
      .set('Authorization', trainee)
      .expect(200);
    const verbs = response.body.statements.map(
      (s: { verb: { display: { 'en-US': string } }; object: { id: string } }) =>
        `${s.verb.display['en-US']} ${s.object.id.replace(/^.*\/activities\//, '')}`,
    );
    expect([...verbs].sort()).toEqual(
      [
        'registered course/phone-basics',
        'attempted course/phone-basics',
        'experienced course/phone-basics/lesson/greeting',
        'answered course/phone-basics/lesson/greeting/question/q1',
        'answered course/phone-basics/lesson/greeting/question/q2',
        'answered course/phone-basics/lesson/greeting/question/q1',
        'completed course/phone-basics/lesson/greeting',
        'experienced course/phone-basics/lesson/listening',
        'answered course/phone-basics/lesson/listening/question/q1',
        'answered course/phone-basics/lesson/listening/question/q2',
        'answered course/phone-basics/lesson/listening/question/q3',
        'answered course/phone-basics/lesson/listening/question/q3',
        'completed course/phone-basics/lesson/listening',
        'experienced course/phone-basics/lesson/closing',
        'answered course/phone-basics/lesson/closing/question/q1',
        'answered course/phone-basics/lesson/closing/question/q2',
        'completed course/phone-basics/lesson/closing',
        'completed course/phone-basics',
      ].sort(),
    );
    const courseCompleted = response.body.statements.find(
      (s: { verb: { id: string }; object: { id: string } }) =>
        s.verb.id === 'http://adlnet.gov/expapi/verbs/completed' &&
        s.object.id.endsWith('/course/phone-basics'),
    );
    expect(courseCompleted).toMatchObject({
      actor: { objectType: 'Agent', name: 'Tara Trainee', account: { name: me.id } },
      result: { score: { scaled: 0.7222 }, success: true, completion: true, duration: 'PT65S' },
      context: { registration: enrolmentId, revision: '1' },
      timestamp: '2026-11-23T09:01:15.000Z',
    });
  });

  it('step 15: should open the follow-on course now that its prerequisite is done', async () => {
    const next = courseApi(t, trainee, 'calm-complaints');
    await next.enrol().expect(201);
    await next.open('acknowledge').expect(200);
  });
});
