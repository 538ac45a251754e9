import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CourseFeedback } from '../../src/courses/course-feedback.entity';
import { BrowserSession } from '../support/browser-session';
import { examApi, QuestionView } from '../support/exams';
import { createTrainee, finishBillingDispute, simulationApi } from '../support/simulations';
import { createTestApp, DEMO_PASSWORD, TestApp } from '../support/test-app';

// Erasing a former member of staff's personal data: every feature's words, one transaction.
describe('Erasing a person (API and page)', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: string;
  let erin: { id: string; bearer: string };
  let sessionId: string;
  let attemptId: string;

  const erase = (bearer: string, userId: string) =>
    t.http().post(`/api/users/${userId}/erase`).set('Authorization', bearer);
  const deactivate = (userId: string) =>
    t.http().patch(`/api/users/${userId}`).set('Authorization', admin).send({ active: false });

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    admin = await t.bearer('admin@academy.local');
    erin = await createTrainee(t, admin, 'erin.erase@academy.local', 'North');
    await t
      .http()
      .patch(`/api/users/${erin.id}`)
      .set('Authorization', admin)
      .send({ employeeNumber: 'E-4242', cohort: 'Spring' })
      .expect(200);
    // A role-play, with a trainer's note on one reply.
    sessionId = await finishBillingDispute(t, erin.bearer);
    await t
      .http()
      .put(`/api/simulations/sessions/${sessionId}/turns/1/review`)
      .set('Authorization', await t.bearer('trainer@academy.local'))
      .send({ verdict: 'pass', note: 'Erin verified the caller well' })
      .expect(200);
    // A written exam answer.
    const exams = examApi(t, erin.bearer);
    const attempt = (await exams.start('onboarding-final').expect(201)).body as {
      id: string;
      questions: QuestionView[];
    };
    attemptId = attempt.id;
    const written = attempt.questions.find((question) => question.type === 'freetext')!;
    await exams
      .save(attemptId, written.slot, {
        text: 'I am Erin Example from Leeds, and I would apologise.',
      })
      .expect(200);
    // A course comment (written straight to the table: completing a course is not the point here).
    const now = t.clock.now();
    await db.getRepository(CourseFeedback).insert({
      id: randomUUID(),
      userId: erin.id,
      courseId: 'service-principles',
      courseVersion: 1,
      rating: 4,
      comment: 'Erin here: the lessons on tiers helped me a lot',
      createdAt: now,
      updatedAt: now,
      commentHiddenAt: null,
      commentHiddenBy: null,
      commentHiddenReason: null,
    });
  });
  afterAll(async () => t?.close());

  it('should refuse to erase an active account, and keep the action from everyone but admins', async () => {
    const active = await erase(admin, erin.id).expect(409);
    expect(active.body.code).toBe('USER_ACTIVE');
    expect((await erase(await t.bearer('hr@academy.local'), erin.id)).status).toBe(403);
    const [row] = (await db.query(`SELECT email FROM users WHERE id = '${erin.id}'`)) as {
      email: string;
    }[];
    expect(row.email).toBe('erin.erase@academy.local');
  });

  it('should erase the details and the words of a deactivated person, and keep the numbers', async () => {
    const before = (await db.query(
      `SELECT overall, branch_index FROM simulation_turns WHERE session_id = '${sessionId}' ORDER BY turn_index`,
    )) as { overall: number; branch_index: number }[];
    const asked = async (): Promise<string[]> => {
      const [row] = (await db.query(
        `SELECT state FROM simulation_sessions WHERE id = '${sessionId}'`,
      )) as { state: string }[];
      return (JSON.parse(row.state) as { asked: string[] }).asked;
    };
    expect((await asked()).length).toBeGreaterThan(0);
    await deactivate(erin.id).expect(200);
    const result = await erase(admin, erin.id).expect(200);
    expect(result.body).toMatchObject({
      userId: erin.id,
      records: { users: 1, courses: 1, exams: 1, simulations: before.length + 1 },
    });
    // user.created quoted the email, the update the employee number; the deactivation neither.
    expect(result.body.records.auditEntries).toBe(2);
    const quoting = (await db.query(
      `SELECT action FROM audit_entries WHERE summary LIKE '%erin.erase@%' OR summary LIKE '%E-4242%' OR actor_email = 'erin.erase@academy.local'`,
    )) as { action: string }[];
    expect(quoting).toEqual([]);

    const [user] = (await db.query(
      `SELECT email, display_name, employee_number, cohort, team, erased_at FROM users WHERE id = '${erin.id}'`,
    )) as Record<string, unknown>[];
    expect(user).toMatchObject({
      email: `erased-${erin.id}@erased.invalid`,
      display_name: `Erased person ${erin.id.slice(0, 8)}`,
      employee_number: null,
      // Team and cohort identify no one and keep the team reports whole.
      cohort: 'Spring',
      team: 'North',
    });
    expect(user.erased_at).not.toBeNull();

    const turns = (await db.query(
      `SELECT reply, report, overall, branch_index FROM simulation_turns WHERE session_id = '${sessionId}' ORDER BY turn_index`,
    )) as { reply: string; report: string; overall: number; branch_index: number }[];
    expect(turns.map((turn) => turn.reply)).toEqual(before.map(() => '[erased]'));
    expect(turns.map((turn) => [turn.overall, turn.branch_index])).toEqual(
      before.map((turn) => [turn.overall, turn.branch_index]),
    );
    for (const turn of turns) {
      const report = JSON.parse(turn.report) as {
        evidence: unknown[];
        violations: { text: string }[];
        overall: number;
      };
      expect(report.evidence).toEqual([]);
      expect(report.violations.every((violation) => violation.text === '')).toBe(true);
      expect(report.overall).toBe(turn.overall);
    }
    expect(await asked()).toEqual([]);
    const notes = (await db.query(
      `SELECT note, verdict FROM simulation_turn_reviews WHERE session_id = '${sessionId}'`,
    )) as { note: string | null; verdict: string }[];
    expect(notes).toEqual([{ note: null, verdict: 'pass' }]);
    const answers = (await db.query(
      `SELECT response FROM exam_attempt_steps WHERE attempt_id = '${attemptId}' AND response IS NOT NULL`,
    )) as { response: string }[];
    expect(answers.map((row) => JSON.parse(row.response) as object)).toEqual([
      { text: '[erased]' },
    ]);
    const feedback = (await db.query(
      `SELECT rating, comment FROM course_feedback WHERE user_id = '${erin.id}'`,
    )) as { rating: number; comment: string | null }[];
    expect(feedback).toEqual([{ rating: 4, comment: null }]);

    const audit = (await db.query(
      `SELECT summary FROM audit_entries WHERE action = 'user.erased' AND target_id = '${erin.id}'`,
    )) as { summary: string }[];
    expect(audit.map((row) => JSON.parse(row.summary) as object)).toEqual([
      { records: result.body.records },
    ]);
  });

  it('should still show the erased person’s debrief and record to staff, without their words', async () => {
    const trainer = new BrowserSession(t.app.getHttpServer());
    await trainer.signIn('trainer@academy.local', DEMO_PASSWORD);
    const debrief = await trainer.get(`/simulations/sessions/${sessionId}/debrief`);
    expect(debrief.status).toBe(200);
    expect(debrief.text).toContain('[erased]');
    expect(debrief.text).not.toContain('Erin verified');
    const record = await t
      .http()
      .get(`/api/reports/people/${erin.id}`)
      .set('Authorization', await t.bearer('hr@academy.local'))
      .expect(200);
    expect(JSON.stringify(record.body)).not.toContain('erin.erase');
    expect((await simulationApi(t, erin.bearer).session(sessionId)).status).toBe(401);
  });

  it('should refuse a second erasure and any change to the erased account', async () => {
    expect((await erase(admin, erin.id).expect(409)).body.code).toBe('ALREADY_ERASED');
    const listed = await t
      .http()
      .get('/api/users?status=erased')
      .set('Authorization', admin)
      .expect(200);
    expect((listed.body.items as { id: string }[]).map((item) => item.id)).toEqual([erin.id]);
    const change = await t
      .http()
      .patch(`/api/users/${erin.id}`)
      .set('Authorization', admin)
      .send({ active: true })
      .expect(409);
    expect(change.body.code).toBe('ALREADY_ERASED');
  });

  it('should erase from the person page only once the box is ticked', async () => {
    const other = await createTrainee(t, admin, 'omar.erase@academy.local', 'South');
    await deactivate(other.id).expect(200);
    const page = new BrowserSession(t.app.getHttpServer());
    await page.signIn('admin@academy.local', DEMO_PASSWORD);
    const person = await page.get(`/admin/users/${other.id}`);
    expect(person.text).toContain('Erase personal data');
    const unticked = await page.postForm(`/admin/users/${other.id}/erase`, {});
    expect(unticked.status).toBe(400);
    expect(unticked.text).toContain('Tick the box to confirm');
    const ticked = await page.postForm(`/admin/users/${other.id}/erase`, { confirm: 'yes' });
    expect(ticked.status).toBe(303);
    const after = await page.get(ticked.headers.location as string);
    expect(after.text).toContain('record(s) changed');
    expect(after.text).toContain('personal data was erased');
    expect(after.text).not.toContain('omar.erase@academy.local');
    expect(after.text).not.toContain('data-testid="person-form"');
  });
});
