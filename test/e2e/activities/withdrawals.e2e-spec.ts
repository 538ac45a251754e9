import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { BrowserSession } from '../../support/browser-session';
import { examApi } from '../../support/exams';
import { createTrainee, simulationApi } from '../../support/simulations';
import { createTestApp, DEMO_PASSWORD, TestApp } from '../../support/test-app';
import { certificationContent, quizExamSource } from '../certifications/certification-fixture';

// An exam and a scenario written in the editors, a programme naming the exam, and a trainer who
// withdraws both from trainees, then offers them again.
const QUIZ = quizExamSource('night-quiz', 'Night quiz');

const NIGHT = `id: fixture-night
version: 1
title: Fixture night
description: Earned by passing the night quiz written in the app.
validityMonths: 12
renewalWindowDays: 30
requirements:
  exams:
    - { exam: night-quiz, minimumGrade: 60, writtenInApp: true }
`;

const PARCEL_LATE = readFileSync(
  join(__dirname, '..', '..', 'fixtures', 'scenarios', 'ok', 'parcel-late.yaml'),
  'utf8',
);

interface Detail {
  withdrawn: { withdrawnAt: string; withdrawnById: string | null; reason: string } | null;
}

describe('Withdrawing exams and scenarios of the editors', () => {
  let t: TestApp;
  let trainer: string;
  let admin: string;
  let early: { id: string; bearer: string };
  let late: { id: string; bearer: string };

  beforeAll(async () => {
    t = await createTestApp({
      env: { CONTENT_DIR: certificationContent({ 'fixture-night': NIGHT }) },
    });
    [trainer, admin] = await Promise.all([
      t.bearer('trainer@academy.local'),
      t.bearer('admin@academy.local'),
    ]);
    early = await createTrainee(t, admin, 'early.withdrawals@academy.local');
    late = await createTrainee(t, admin, 'late.withdrawals@academy.local');
    const author = (method: 'put' | 'post', path: string, body: object) =>
      t.http()[method](path).set('Authorization', trainer).send(body).expect(200);
    await author('put', '/api/exams/authoring/drafts', { source: QUIZ });
    await author('post', '/api/exams/authoring/night-quiz/publish', {});
    await author('put', '/api/simulations/authoring/drafts', { source: PARCEL_LATE });
    await author('post', '/api/simulations/authoring/parcel-late/publish', {});
  });
  afterAll(async () => t?.close());

  const examIds = async (bearer: string): Promise<string[]> =>
    (
      (await t.http().get('/api/exams').set('Authorization', bearer).expect(200)).body as {
        id: string;
      }[]
    ).map((exam) => exam.id);
  const scenarioIds = async (bearer: string): Promise<string[]> =>
    (
      (await t.http().get('/api/simulations').set('Authorization', bearer).expect(200)).body as {
        id: string;
      }[]
    ).map((scenario) => scenario.id);
  const post = (path: string, body: object = {}, bearer = trainer) =>
    t.http().post(path).set('Authorization', bearer).send(body);

  it('should refuse a withdrawal without a reason, by a trainee, of a content exam or of one never published', async () => {
    const missing = await post('/api/exams/authoring/night-quiz/withdraw', { reason: ' no ' });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('reason');
    await post(
      '/api/exams/authoring/night-quiz/withdraw',
      { reason: 'Wrong key' },
      early.bearer,
    ).expect(403);
    const content = await post('/api/exams/authoring/short-quiz/withdraw', { reason: 'Old text' });
    expect(content.status).toBe(409);
    expect(content.body).toMatchObject({ code: 'EXAM_READ_ONLY' });
    await t
      .http()
      .put('/api/exams/authoring/drafts')
      .set('Authorization', trainer)
      .send({ source: QUIZ.replace('id: night-quiz', 'id: draft-only') })
      .expect(200);
    const draftOnly = await post('/api/exams/authoring/draft-only/withdraw', {
      reason: 'Not ready',
    });
    expect(draftOnly.status).toBe(409);
    expect(draftOnly.body).toMatchObject({ code: 'NOT_PUBLISHED' });
    const unknown = await post('/api/exams/authoring/no-such-exam/withdraw', {
      reason: 'Gone now',
    });
    expect(unknown.status).toBe(404);
  });

  it('should stop new attempts of a withdrawn exam, let an open one finish, and offer it again once reinstated', async () => {
    const open = await examApi(t, early.bearer).start('night-quiz').expect(201);
    const withdrawn = await post('/api/exams/authoring/night-quiz/withdraw', {
      reason: '  Question 2 has the wrong key  ',
    }).expect(200);
    expect((withdrawn.body as Detail).withdrawn).toMatchObject({
      reason: 'Question 2 has the wrong key',
      withdrawnAt: expect.any(String),
    });
    const again = await post('/api/exams/authoring/night-quiz/withdraw', { reason: 'Still wrong' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'EXAM_WITHDRAWN' });

    // Someone who never took it neither sees nor starts it.
    expect(await examIds(late.bearer)).not.toContain('night-quiz');
    const refused = await examApi(t, late.bearer).start('night-quiz');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'EXAM_WITHDRAWN' });
    // The one who started before keeps it listed and finishes the attempt.
    expect(await examIds(early.bearer)).toContain('night-quiz');
    const attemptId = (open.body as { id: string }).id;
    await examApi(t, early.bearer).submit(attemptId).expect(200);

    // Certificates name it as withdrawn.
    const mine = await t
      .http()
      .get('/api/me/certificates')
      .set('Authorization', late.bearer)
      .expect(200);
    const progress = (
      mine.body as {
        progress: { programmeId: string; requirements: Record<string, unknown>[] }[];
      }
    ).progress.find((item) => item.programmeId === 'fixture-night')!;
    expect(progress.requirements[0]).toMatchObject({
      key: 'exam:night-quiz',
      available: false,
      withdrawn: true,
      link: null,
    });

    const list = await t
      .http()
      .get('/api/exams/authoring')
      .set('Authorization', trainer)
      .expect(200);
    expect(
      (list.body as ({ examId: string } & Detail)[]).find((exam) => exam.examId === 'night-quiz')
        ?.withdrawn?.reason,
    ).toBe('Question 2 has the wrong key');

    await post('/api/exams/authoring/night-quiz/reinstate').expect(200);
    const twice = await post('/api/exams/authoring/night-quiz/reinstate');
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'NOT_WITHDRAWN' });
    expect(await examIds(late.bearer)).toContain('night-quiz');
    await examApi(t, late.bearer).start('night-quiz').expect(201);

    const audit = (await t.app
      .get(DataSource)
      .query(
        `SELECT action, target_id FROM audit_entries WHERE action IN ('exam.withdrawn', 'exam.reinstated') ORDER BY action DESC`,
      )) as { action: string; target_id: string }[];
    expect(audit).toEqual([
      { action: 'exam.withdrawn', target_id: 'night-quiz' },
      { action: 'exam.reinstated', target_id: 'night-quiz' },
    ]);
  });

  it('should stop new sessions of a withdrawn scenario and take it out of the lists of those who never played it', async () => {
    expect(await scenarioIds(late.bearer)).toContain('parcel-late');
    await post('/api/simulations/authoring/parcel-late/withdraw', {
      reason: 'The delivery policy changed',
    }).expect(200);
    expect(await scenarioIds(late.bearer)).not.toContain('parcel-late');
    const refused = await simulationApi(t, late.bearer).start('parcel-late');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'SCENARIO_WITHDRAWN' });
    const content = await post('/api/simulations/authoring/password-reset/withdraw', {
      reason: 'Old scenario',
    });
    expect(content.status).toBe(409);
    expect(content.body).toMatchObject({ code: 'SCENARIO_READ_ONLY' });

    // The scenario's page says so instead of offering a start.
    const page = await t
      .http()
      .get('/simulations/parcel-late')
      .set('Authorization', late.bearer)
      .expect(200);
    expect(page.text).toContain('data-testid="withdrawn-notice"');
    expect(page.text).not.toContain('data-testid="start"');

    await post('/api/simulations/authoring/parcel-late/reinstate').expect(200);
    expect(await scenarioIds(late.bearer)).toContain('parcel-late');
    expect((await simulationApi(t, late.bearer).start('parcel-late')).status).toBe(201);
  });

  it('should withdraw and reinstate from the editor page, with the reason checked there', async () => {
    const browser = new BrowserSession(t.app.getHttpServer());
    await browser.signIn('trainer@academy.local', DEMO_PASSWORD);
    const editor = await browser.get('/exams/authoring/night-quiz');
    expect(editor.status).toBe(200);
    expect(editor.text).toContain('Withdraw from trainees');

    const short = await browser.postForm('/exams/authoring/night-quiz/withdraw', { reason: 'no' });
    expect(short.status).toBe(400);
    expect(short.text).toContain('Must say why, in at least 5 characters');
    expect(short.text).toContain('>no</textarea>');

    const done = await browser.postForm('/exams/authoring/night-quiz/withdraw', {
      reason: 'Being rewritten',
    });
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/exams/authoring/night-quiz?withdrawn=1');
    const after = await browser.get(done.headers.location as string);
    expect(after.text).toContain('Withdrawn: trainees can no longer start it.');
    expect(after.text).toContain('data-testid="withdrawn-notice"');
    expect((await browser.get('/exams/authoring')).text).toMatch(/badge bad[^>]*>withdrawn</);

    const back = await browser.postForm('/exams/authoring/night-quiz/reinstate', {});
    expect(back.status).toBe(303);
    const offered = await browser.get(back.headers.location as string);
    expect(offered.text).toContain('Offered again: trainees can start it.');
    const refused = await browser.postForm('/exams/authoring/night-quiz/reinstate', {});
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('is not withdrawn');

    const scenario = await browser.postForm('/simulations/authoring/parcel-late/withdraw', {
      reason: 'Policy review',
    });
    expect(scenario.status).toBe(303);
    expect(scenario.headers.location).toBe('/simulations/authoring/parcel-late?withdrawn=1');
    const scenarioEditor = await browser.get(scenario.headers.location as string);
    expect(scenarioEditor.text).toContain('Withdrawn: trainees can no longer start it.');
    expect(scenarioEditor.text).toContain('Policy review');
  });
});
