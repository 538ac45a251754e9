import { AttemptBody, examApi } from '../../support/exams';
import { createTestApp, TestApp } from '../../support/test-app';

// The exams and banks shipped in content/: every exam can be drawn, and a written answer is
// scored by the real scoring engine against its question's rubric.
describe('Shipped exams (content/)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('should draw every shipped exam in full, with no key in what the trainee gets', async () => {
    const trainee = await t.bearer('trainee@academy.local');
    const exams = (await t.http().get('/api/exams').set('Authorization', trainee).expect(200))
      .body as { id: string; questionCount: number }[];
    expect(exams.map((exam) => exam.id).sort()).toEqual([
      'complaint-handler',
      'data-privacy-annual',
      'onboarding-final',
    ]);
    for (const exam of exams) {
      const attempt = (await examApi(t, trainee).start(exam.id).expect(201)).body as AttemptBody;
      expect(attempt.questions).toHaveLength(exam.questionCount);
      expect(new Set(attempt.questions.map((question) => question.prompt)).size).toBe(
        exam.questionCount,
      );
      expect(JSON.stringify(attempt)).not.toMatch(
        /"(fraction|feedback|generalFeedback|rubric|modelAnswer|answers|pairs)"/,
      );
    }
  });

  it('should score a written answer with the scoring engine and hold it for a trainer', async () => {
    const api = examApi(t, await t.bearer('supervisor@academy.local'));
    const attempt = (await api.start('complaint-handler').expect(201)).body as AttemptBody;
    const written = attempt.questions.find((question) => question.type === 'freetext')!;
    const reply =
      "I'm very sorry for the trouble this has caused you, and thank you for your patience. I have looked into it and raised it properly; " +
      'I will make sure it is fixed and I will confirm the credit with you by Friday. Does that resolve it for you?';
    await api.save(attempt.id, written.slot, { text: reply }).expect(200);
    const finished = (await api.submit(attempt.id).expect(200)).body as AttemptBody;
    const review = finished.review!.find((item) => item.slot === written.slot)!;
    expect(review.fraction).toBeGreaterThan(0);
    expect(review.fraction).toBeLessThanOrEqual(1);
    // The draw is random: the written question drawn may or may not ask for a trainer's review.
    const trainer = await t.bearer('trainer@academy.local');
    const bank = (
      await t
        .http()
        .get('/api/exams/banks/complaint-handling')
        .set('Authorization', trainer)
        .expect(200)
    ).body as { questions: { prompt: string; review?: string }[] };
    const question = bank.questions.find((candidate) => candidate.prompt === written.prompt)!;
    const needsReview = question.review !== 'none';
    expect(review.state === 'needsgrading').toBe(needsReview);
    expect(finished.result!.pending).toBe(needsReview ? 1 : 0);
    const queue = await t
      .http()
      .get('/api/exams/grading/queue')
      .set('Authorization', trainer)
      .expect(200);
    const queued = (queue.body as { attemptId: string; score: { overall: number } }[]).filter(
      (item) => item.attemptId === attempt.id,
    );
    expect(queued.map((item) => item.score.overall / 100)).toEqual(
      needsReview ? [review.fraction] : [],
    );
  });
});
