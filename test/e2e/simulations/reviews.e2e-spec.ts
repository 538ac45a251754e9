import { DataSource } from 'typeorm';
import { ratingBand } from '../../../src/scoring/engine';
import { reviewAgreement } from '../../../src/scoring/review-agreement.cli';
import { runScoreCli } from '../../../src/scoring/score.cli';
import { BrowserSession } from '../../support/browser-session';
import {
  finishBillingDispute,
  calibrationText,
  createTrainee,
  SessionBody,
  simulationApi,
} from '../../support/simulations';
import { createTestApp, DEMO_PASSWORD, TestApp } from '../../support/test-app';

interface ReviewBody {
  id: string;
  turnIndex: number;
  reviewerName: string;
  verdict: 'pass' | 'fail';
  politeness: number | null;
  empathy: number | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

interface AgreementBody {
  reviews: number;
  replies: number;
  reviewers: number;
  teams: string[];
  verdict: { n: number; bothPass: number; bothFail: number; agreement: number | null };
  politeness: { n: number; exact: number | null };
  betweenReviewers: { n: number; agreement: number | null };
  byScenario: { scenarioId: string; verdict: { n: number } }[];
  disagreements: { sessionId: string; turnIndex: number; note: string | null }[];
}

interface StoredTurn {
  turn_index: number;
  report: string;
}

// Trainers' and supervisors' reviews of role-play replies: who may review what, replacing and
// withdrawing a review, the trainee reading it, the agreement report and the export.
describe('Reviews of role-play replies', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: string;
  let trainer: string;
  let supervisor: string;
  let hr: string;
  let tara: string; // demo trainee, team North
  let east: { id: string; bearer: string }; // team East, which nobody manages
  let sessionId: string; // tara's finished billing-dispute
  let engine: { passed: boolean; politeness: number | null }[]; // per turn, as stored

  const path = (session: string, turn: number | string): string =>
    `/api/simulations/sessions/${session}/turns/${turn}/review`;
  const put = (bearer: string, session: string, turn: number | string, body: object) =>
    t.http().put(path(session, turn)).set('Authorization', bearer).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    [admin, trainer, supervisor, hr, tara] = await Promise.all([
      t.bearer('admin@academy.local'),
      t.bearer('trainer@academy.local'),
      t.bearer('supervisor@academy.local'),
      t.bearer('hr@academy.local'),
      t.bearer('trainee@academy.local'),
    ]);
    east = await createTrainee(t, admin, 'east.reviewed@academy.local', 'East');
    sessionId = await finishBillingDispute(t, tara);
    const rows = (await db.query(
      `SELECT turn_index, report FROM simulation_turns WHERE session_id = '${sessionId}' ORDER BY turn_index`,
    )) as StoredTurn[];
    engine = rows.map((row) => {
      const report = JSON.parse(row.report) as {
        passed: boolean;
        dimensions: { politeness: number | null };
      };
      return { passed: report.passed, politeness: report.dimensions.politeness };
    });
    if (engine.length !== 5) throw new Error(`expected 5 stored turns, got ${engine.length}`);
  });
  afterAll(async () => t?.close());

  const reviewRows = async (): Promise<{ verdict: string; politeness: number | null }[]> =>
    db.query(
      `SELECT verdict, politeness FROM simulation_turn_reviews WHERE session_id = '${sessionId}' ORDER BY created_at, id`,
    );

  it('should document every review route in the OpenAPI document', async () => {
    const paths = (await t.http().get('/api/docs-json').expect(200)).body.paths as Record<
      string,
      object
    >;
    const review = paths['/api/simulations/sessions/{sessionId}/turns/{turnIndex}/review'];
    expect(Object.keys(review ?? {}).sort()).toEqual(['delete', 'put']);
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/simulations/sessions/{sessionId}/reviews',
        '/api/simulations/reviews/agreement',
        '/api/simulations/reviews/export.jsonl',
        '/api/users/{userId}/reply-reviews',
      ]),
    );
    expect(
      Object.keys(paths).some((path) => !path.startsWith('/api/') && path.includes('review')),
    ).toBe(false);
  });

  describe('recording a review', () => {
    afterAll(async () => db.query('DELETE FROM simulation_turn_reviews'));

    it('should store the trainer’s review and replace it, not add a second, when they review again', async () => {
      const first = (
        await put(trainer, sessionId, 0, {
          verdict: 'pass',
          politeness: 4,
          empathy: 3,
          note: '  Warm opening; say your name.  ',
        }).expect(200)
      ).body as ReviewBody;
      expect(first).toMatchObject({
        turnIndex: 0,
        reviewerName: 'Theo Trainer',
        verdict: 'pass',
        politeness: 4,
        empathy: 3,
        note: 'Warm opening; say your name.',
      });
      t.clock.advance(60_000);
      const second = (await put(trainer, sessionId, 0, { verdict: 'fail' }).expect(200))
        .body as ReviewBody;
      expect(second).toMatchObject({ id: first.id, verdict: 'fail', politeness: null, note: null });
      expect(second.createdAt).toBe(first.createdAt);
      expect(Date.parse(second.updatedAt) - Date.parse(first.updatedAt)).toBe(60_000);
      await expect(reviewRows()).resolves.toEqual([{ verdict: 'fail', politeness: null }]);
    });

    it('should keep two reviewers’ reviews apart and show both to the trainee, oldest first', async () => {
      await put(supervisor, sessionId, 0, { verdict: 'pass', note: 'Fine by me' }).expect(200);
      const mine = (
        await simulationApi(t, tara)
          .get(`/api/simulations/sessions/${sessionId}/reviews`)
          .expect(200)
      ).body as ReviewBody[];
      expect(mine.map((review) => [review.reviewerName, review.verdict])).toEqual([
        ['Theo Trainer', 'fail'],
        ['Sam Supervisor', 'pass'],
      ]);
      const page = new BrowserSession(t.app.getHttpServer());
      await page.signIn('trainee@academy.local', DEMO_PASSWORD);
      const debrief = await page.get(`/simulations/sessions/${sessionId}/debrief`);
      expect(debrief.status).toBe(200);
      expect(debrief.text).toContain('Fine by me');
      expect(debrief.text).toContain('Sam Supervisor');
      // The trainee reads reviews but gets no form to review their own replies.
      expect(debrief.text).not.toContain('/turns/0/review');
    });

    it('should let a reviewer withdraw their own review, and say so when there is none', async () => {
      await t.http().delete(path(sessionId, 0)).set('Authorization', supervisor).expect(204);
      const again = await t.http().delete(path(sessionId, 0)).set('Authorization', supervisor);
      expect(again.status).toBe(404);
      expect(again.body).toMatchObject({ code: 'REVIEW_NOT_FOUND' });
      await expect(reviewRows()).resolves.toEqual([{ verdict: 'fail', politeness: null }]);
    });
  });

  describe('who may review what', () => {
    it('should keep reviewing to trainers, supervisors and admins', async () => {
      for (const bearer of [hr, tara]) {
        const response = await put(bearer, sessionId, 1, { verdict: 'pass' });
        expect(response.status).toBe(403);
      }
    });

    it('should hide sessions outside the reviewer’s teams behind a 404, and refuse reviewing one’s own replies', async () => {
      const eastSession = await finishBillingDispute(t, east.bearer);
      const hidden = await put(supervisor, eastSession, 0, { verdict: 'pass' });
      expect(hidden.status).toBe(404);
      expect(hidden.body).toMatchObject({ code: 'SESSION_NOT_FOUND' });
      await put(admin, eastSession, 0, { verdict: 'pass' }).expect(200);
      const own = await put(trainer, await finishBillingDispute(t, trainer), 0, {
        verdict: 'pass',
      });
      expect(own.status).toBe(403);
      expect(own.body).toMatchObject({ code: 'OWN_REPLIES' });
      await db.query('DELETE FROM simulation_turn_reviews');
    });

    it('should wait until the conversation has ended', async () => {
      const api = simulationApi(t, tara);
      const open = (await api.start('verify-before-account-change').expect(201))
        .body as SessionBody;
      await api.turn(open.id, 0, calibrationText('verify-before-account-change', 'opening', 0));
      const early = await put(trainer, open.id, 0, { verdict: 'pass' });
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({ code: 'REVIEW_NOT_READY' });
    });
  });

  describe('bad input', () => {
    it('should answer 400 with a path for every bad field and store nothing', async () => {
      const response = await put(trainer, sessionId, 1, {
        verdict: 'maybe',
        politeness: 6,
        empathy: 2.5,
        note: 'x'.repeat(2001),
        score: 80,
      });
      expect(response.status).toBe(400);
      const paths = (response.body as { errors: { path: string }[] }).errors.map((e) => e.path);
      expect(paths.sort()).toEqual(['empathy', 'note', 'politeness', 'score', 'verdict']);
      await expect(reviewRows()).resolves.toEqual([]);
    });

    it('should answer 404 at turnIndex for a reply the session does not have, and 400 for a malformed index', async () => {
      const missing = await put(trainer, sessionId, 9, { verdict: 'pass' });
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({
        code: 'TURN_NOT_FOUND',
        errors: [{ path: 'turnIndex', messages: ['the session has 5 replies'] }],
      });
      expect((await put(trainer, sessionId, 'first', { verdict: 'pass' })).status).toBe(400);
    });

    it('should re-render the debrief form with its errors and what was typed', async () => {
      const page = new BrowserSession(t.app.getHttpServer());
      await page.signIn('trainer@academy.local', DEMO_PASSWORD);
      await page.get(`/simulations/sessions/${sessionId}/debrief`);
      const response = await page.postForm(`/simulations/sessions/${sessionId}/turns/2/review`, {
        verdict: '',
        politeness: '7',
        empathy: '',
        note: 'Keep this note',
      });
      expect(response.status).toBe(400);
      expect(response.text).toContain('data-testid="review-error"');
      expect(response.text).toContain('Must be pass or fail');
      expect(response.text).toContain('Must be a whole number from 1 to 5');
      expect(response.text).toContain('Keep this note');
      // Sent again, the form comes back to the reply it reviews (the page is long).
      expect(response.text).toContain(
        `action="/simulations/sessions/${sessionId}/turns/2/review#review-3"`,
      );
      await expect(reviewRows()).resolves.toEqual([]);
    });
  });

  describe('agreement and export', () => {
    // The trainer agrees with the engine on replies 1–4 and not on reply 5, and rates each
    // reply's politeness in the band of the engine's score; the supervisor agrees on reply 1.
    beforeAll(async () => {
      // A second apart, so "newest first" has one order.
      for (const [index, turn] of engine.entries()) {
        t.clock.advance(1000);
        const agrees = index < 4;
        await put(trainer, sessionId, index, {
          verdict: turn.passed === agrees ? 'pass' : 'fail',
          politeness: turn.politeness === null ? null : ratingBand(turn.politeness),
          note: agrees ? null : 'I would not pass this one',
        }).expect(200);
      }
      t.clock.advance(1000);
      await put(supervisor, sessionId, 0, { verdict: engine[0].passed ? 'pass' : 'fail' }).expect(
        200,
      );
      const eastSession = await finishBillingDispute(t, east.bearer);
      await put(admin, eastSession, 0, { verdict: 'pass' }).expect(200);
    });

    it('should count the engine against the reviewers, reviewers against each other, and list the disagreement', async () => {
      const body = (
        await simulationApi(t, supervisor).get('/api/simulations/reviews/agreement').expect(200)
      ).body as AgreementBody;
      // The supervisor sees team North only: not the East trainee's reviewed reply.
      expect(body).toMatchObject({ reviews: 6, replies: 5, reviewers: 2, teams: ['North'] });
      expect(body.verdict.n).toBe(6);
      expect(body.verdict.agreement).toBeCloseTo(5 / 6, 12);
      const rated = engine.filter((turn) => turn.politeness !== null).length;
      expect(body.politeness).toMatchObject({ n: rated, exact: rated > 0 ? 1 : null });
      expect(body.betweenReviewers).toMatchObject({ n: 1, agreement: 1 });
      expect(body.byScenario).toEqual([
        expect.objectContaining({
          scenarioId: 'billing-dispute',
          verdict: expect.objectContaining({ n: 6 }),
        }),
      ]);
      expect(body.disagreements).toEqual([
        expect.objectContaining({ sessionId, turnIndex: 4, note: 'I would not pass this one' }),
      ]);
      const everyone = (
        await simulationApi(t, hr).get('/api/simulations/reviews/agreement').expect(200)
      ).body as AgreementBody;
      expect(everyone).toMatchObject({ reviews: 7, reviewers: 3, teams: null });
    });

    it('should list the sessions still to review, and each session’s review count', async () => {
      const api = simulationApi(t, admin);
      const list = async (reviewed: string) =>
        (
          (
            await api
              .get(`/api/simulations/sessions?status=finished&reviewed=${reviewed}`)
              .expect(200)
          ).body as { items: { sessionId: string; reviews: number }[] }
        ).items;
      const reviewed = await list('yes');
      // Tara's session (six reviews) and the East trainee's second one (one, by the admin).
      expect(reviewed.map((item) => item.reviews).sort()).toEqual([1, 6]);
      expect(reviewed).toContainEqual(expect.objectContaining({ sessionId, reviews: 6 }));
      const toReview = await list('no');
      expect(toReview.length).toBeGreaterThan(0);
      expect(toReview.map((item) => item.sessionId)).not.toContain(sessionId);
      expect(toReview.every((item) => item.reviews === 0)).toBe(true);
      const bad = await api.get('/api/simulations/sessions?reviewed=maybe');
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ errors: [{ path: 'reviewed' }] });
    });

    it('should give the trainee their feedback, newest first, on the role-play page and over the API', async () => {
      const taraId = (
        (await simulationApi(t, tara).get('/api/me').expect(200)).body as { id: string }
      ).id;
      const received = (
        await simulationApi(t, tara).get(`/api/users/${taraId}/reply-reviews`).expect(200)
      ).body as { turnIndex: number; title: string; reply: string; note: string | null }[];
      expect(received).toHaveLength(6);
      expect(received[0]).toMatchObject({ turnIndex: 0, title: 'Direct debit taken twice' });
      expect(received.map((review) => review.note)).toContain('I would not pass this one');
      await simulationApi(t, east.bearer).get(`/api/users/${taraId}/reply-reviews`).expect(404);
      await simulationApi(t, supervisor).get(`/api/users/${east.id}/reply-reviews`).expect(404);
      const page = new BrowserSession(t.app.getHttpServer());
      await page.signIn('trainee@academy.local', DEMO_PASSWORD);
      const list = await page.get('/simulations');
      expect(list.text).toContain('Feedback from your trainers');
      expect(list.text).toContain('I would not pass this one');
      expect(list.text).toContain(`/simulations/sessions/${sessionId}/debrief#review-5`);
    });

    it('should count the reviews last saved within the days asked for, and refuse days that are not real', async () => {
      const api = simulationApi(t, supervisor);
      const count = async (search: string) =>
        (
          (await api.get(`/api/simulations/reviews/agreement?${search}`).expect(200))
            .body as AgreementBody
        ).reviews;
      // Every review here was saved on the test clock's day, 2026-11-23 (UTC).
      await expect(count('from=2026-11-23&to=2026-11-23')).resolves.toBe(6);
      await expect(count('from=2026-11-24')).resolves.toBe(0);
      await expect(count('to=2026-11-22')).resolves.toBe(0);
      for (const [search, path] of [
        ['from=2026-02-30', 'from'],
        ['from=23/11/2026', 'from'],
        ['from=2026-11-24&to=2026-11-23', 'to'],
      ]) {
        const bad = await api.get(`/api/simulations/reviews/agreement?${search}`);
        expect([search, bad.status, bad.body.errors?.[0]?.path]).toEqual([search, 400, path]);
      }
      const page = new BrowserSession(t.app.getHttpServer());
      await page.signIn('supervisor@academy.local', DEMO_PASSWORD);
      const shown = await page.get('/simulations/reviews?from=2026-02-30');
      expect(shown.status).toBe(400);
      expect(shown.text).toContain('This is not a real calendar day');
    });

    it('should refuse a team outside the viewer’s and keep the report to staff', async () => {
      const outside = await simulationApi(t, supervisor).get(
        '/api/simulations/reviews/agreement?team=East',
      );
      expect(outside.status).toBe(403);
      expect(outside.body).toMatchObject({ code: 'TEAM_NOT_MANAGED' });
      expect((await simulationApi(t, tara).get('/api/simulations/reviews/agreement')).status).toBe(
        403,
      );
    });

    it('should export lines the score command reads back to the same scores, and audit the export', async () => {
      const response = await simulationApi(t, trainer)
        .get('/api/simulations/reviews/export.jsonl?scenarioId=billing-dispute')
        .expect(200);
      expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
      const lines = response.text.trim().split('\n');
      expect(lines).toHaveLength(6);
      const exported = lines.map(
        (line) =>
          JSON.parse(line) as {
            id: string;
            turnIndex: number;
            reviewer: { verdict: string };
            engine: { overall: number; passed: boolean };
          },
      );
      const rescored = runScoreCli(lines).map(
        (line) => JSON.parse(line) as { id: string; overall?: number; error?: string },
      );
      expect(rescored.map((line) => [line.id, line.overall])).toEqual(
        exported.map((line) => [line.id, line.engine.overall]),
      );
      // The same engine re-scoring the export agrees with the reviewers as the report says.
      const summary = reviewAgreement(lines);
      expect(summary).toMatchObject({ replies: 6, changedVerdicts: 0, errors: [] });
      expect(summary.now).toEqual(summary.then);
      const report = (
        await simulationApi(t, trainer)
          .get('/api/simulations/reviews/agreement?scenarioId=billing-dispute')
          .expect(200)
      ).body as AgreementBody;
      expect(summary.then.verdict).toEqual(report.verdict);
      expect(exported.find((line) => line.turnIndex === 4)?.reviewer.verdict).toBe(
        engine[4].passed ? 'fail' : 'pass',
      );
      const audit = (await db.query(
        `SELECT summary FROM audit_entries WHERE action = 'simulation.reviews-exported'`,
      )) as { summary: string }[];
      expect(audit.map((row) => JSON.parse(row.summary) as object)).toEqual([
        { scenarioId: 'billing-dispute', team: null, from: null, to: null, rows: 6 },
      ]);
    });

    it('should show a trainer who looks after no team nobody’s sessions, results or reviews', async () => {
      await t
        .http()
        .post('/api/users')
        .set('Authorization', admin)
        .send({
          email: 'no.team@academy.local',
          displayName: 'No Team',
          password: 'long-enough-pw',
          roles: ['trainer', 'supervisor'],
          managedTeams: [],
        })
        .expect(201);
      const teamless = simulationApi(t, await t.bearer('no.team@academy.local', 'long-enough-pw'));
      const everyone = simulationApi(t, hr);

      const sessions = (await everyone.get('/api/simulations/sessions').expect(200)).body;
      expect(sessions.total).toBeGreaterThan(0);
      expect(sessions.teams).toBeNull();
      expect((await teamless.get('/api/simulations/sessions').expect(200)).body).toMatchObject({
        total: 0,
        items: [],
        teams: [],
      });
      const results = '/api/simulations/billing-dispute/results';
      expect((await everyone.get(results).expect(200)).body.results.sessions).toBeGreaterThan(0);
      expect((await teamless.get(results).expect(200)).body.results.sessions).toBe(0);
      const agreement = '/api/simulations/reviews/agreement';
      expect((await everyone.get(agreement).expect(200)).body.reviews).toBeGreaterThan(0);
      expect((await teamless.get(agreement).expect(200)).body).toMatchObject({
        reviews: 0,
        teams: [],
      });
      const exported = await teamless.get('/api/simulations/reviews/export.jsonl').expect(200);
      expect(exported.text.trim()).toBe('');

      const page = new BrowserSession(t.app.getHttpServer());
      await page.signIn('no.team@academy.local', 'long-enough-pw');
      expect((await page.get('/simulations/sessions')).text).toContain(
        'You look after no team yet, so there are no sessions to show.',
      );
    });

    it('should show the report page to staff with the counts and the disagreement', async () => {
      const page = new BrowserSession(t.app.getHttpServer());
      await page.signIn('trainer@academy.local', DEMO_PASSWORD);
      const report = await page.get('/simulations/reviews');
      expect(report.status).toBe(200);
      expect(report.text).toMatch(/data-testid="review-count">6</);
      expect(report.text).toContain('I would not pass this one');
      expect(report.text).toContain(`/simulations/sessions/${sessionId}/debrief#review-5`);
      const bad = await page.get('/simulations/reviews?scenarioId=' + 'x'.repeat(81));
      expect(bad.status).toBe(400);
    });
  });
});
