import { rmSync } from 'node:fs';
import { APP_CONFIG, AppConfig } from '../../../src/config/app-config';
import { AttemptBody, editedFixture, EXAM_FIXTURE_ENV, examApi } from '../../support/exams';
import { createTestApp, TestApp } from '../../support/test-app';

// Attempts are taken on the fixture banks; then an author changes keys and the service is
// started again on the same database with the edited content, where a trainer regrades.
describe('Regrading after a key changes', () => {
  let before: TestApp;
  let after: TestApp;
  let editedDir: string;
  let attemptId: string;

  beforeAll(async () => {
    before = await createTestApp({ env: EXAM_FIXTURE_ENV });
    const trainee = examApi(before, await before.bearer('trainee@academy.local'));
    const trainer = examApi(before, await before.bearer('trainer@academy.local'));
    const attempt = (await trainee.start('all-types').expect(201)).body as AttemptBody;
    attemptId = attempt.id;
    const letter = attempt.questions[0].choices!.find(
      (choice) => choice.text === 'Always by letter',
    )!.index;
    await trainee.save(attemptId, 1, { choice: letter }).expect(200);
    await trainee.save(attemptId, 2, { choices: [0, 1] }).expect(200);
    await trainee.save(attemptId, 3, { answer: false }).expect(200);
    await trainee.submit(attemptId).expect(200);
    // The trainer accepts "false" on the true/false question by hand.
    await trainer
      .grade(attemptId, 3, { fraction: 1, comment: 'The lesson said otherwise at the time' })
      .expect(200);

    editedDir = editedFixture('exams/banks/walkthrough.yaml', (text) =>
      text
        .replace('fraction: 1, feedback: Right — meet', 'fraction: 0, feedback: Right — meet')
        .replace('Always by letter, fraction: 0', 'Always by letter, fraction: 1')
        .replace('    answer: true', '    answer: false')
        .replace(
          '{ text: Full card number, fraction: -1, feedback: Never ask for it. }',
          "{ text: Full card number, fraction: -1, feedback: Never ask for it. }\n      - { text: Pet's name, fraction: 0 }",
        ),
    );
    const config = before.app.get<AppConfig>(APP_CONFIG);
    after = await createTestApp({
      clock: before.clock,
      env: {
        CONTENT_DIR: editedDir,
        DATA_DIR: config.dataDir,
        ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : {}),
      },
    });
  });

  afterAll(async () => {
    await after?.close();
    await before?.close();
    rmSync(editedDir, { recursive: true, force: true });
  });

  it('should report what a regrade would change without writing anything (dry run)', async () => {
    const trainer = examApi(after, await after.bearer('trainer@academy.local'));
    const dry = await trainer.regrade(attemptId, { dryRun: true }).expect(200);
    expect(dry.body).toMatchObject({
      dryRun: true,
      changes: [
        {
          slot: 1,
          questionId: 'wt-single',
          from: { state: 'gradedwrong', mark: 0 },
          to: { state: 'gradedright', mark: 1 },
        },
      ],
      skipped: [
        { slot: 2, questionId: 'wt-multiple', reason: 'the number of choices changed from 3 to 4' },
      ],
    });
    expect(dry.body.updated.map((entry: { questionId: string }) => entry.questionId)).toEqual([
      'wt-single',
      'wt-tf',
    ]);
    const unchanged = (await trainer.get(attemptId).expect(200)).body as AttemptBody;
    expect(unchanged.review![0]).toMatchObject({ state: 'wrong', mark: 0 });
  });

  it('should replay the steps against the new key, keep the manual mark and audit the regrade', async () => {
    const admin = await after.bearer('admin@academy.local');
    const trainer = examApi(after, await after.bearer('trainer@academy.local'));
    const marksBefore = ((await trainer.get(attemptId).expect(200)).body as AttemptBody).result!
      .marks;
    const report = (await trainer.regrade(attemptId).expect(200)).body;
    expect(report.marks).toEqual({ before: marksBefore, after: marksBefore + 1 });
    const view = (await trainer.get(attemptId).expect(200)).body as AttemptBody;
    expect(view.review!.slice(0, 3).map((review) => [review.state, review.mark])).toEqual([
      ['right', 1],
      ['right', 2],
      ['right', 1],
    ]);
    expect(view.review![0].feedback.rightAnswer).toBe('Always by letter');
    const steps = await trainer.steps(attemptId, 1).expect(200);
    expect(steps.body.map((step: { action: string }) => step.action)).toEqual([
      'start',
      'save',
      'submit',
      'regrade',
    ]);
    const tf = await trainer.steps(attemptId, 3).expect(200);
    expect(tf.body.map((step: { action: string }) => step.action)).toEqual([
      'start',
      'save',
      'submit',
      'manualgrade',
    ]);
    const audit = await after
      .http()
      .get(`/api/audit?action=exam.regraded&targetId=${attemptId}`)
      .set('Authorization', admin)
      .expect(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0].summary.changes).toHaveLength(1);
  });

  it('should change nothing when regraded again, attempt by attempt or for the whole exam', async () => {
    const auth = await after.bearer('trainer@academy.local');
    await examApi(after, auth)
      .regrade(attemptId)
      .expect(200)
      .expect((r) => expect(r.body.changes).toEqual([]));
    const all = await after
      .http()
      .post('/api/exams/all-types/regrade')
      .set('Authorization', auth)
      .send({})
      .expect(200);
    expect(all.body).toEqual([expect.objectContaining({ attemptId, changes: [], updated: [] })]);
  });

  it('should keep regrades to trainers and admins', async () => {
    const trainee = await after.bearer('trainee@academy.local');
    await examApi(after, trainee).regrade(attemptId).expect(403);
    await after
      .http()
      .post('/api/exams/all-types/regrade')
      .set('Authorization', trainee)
      .send({})
      .expect(403);
  });
});
