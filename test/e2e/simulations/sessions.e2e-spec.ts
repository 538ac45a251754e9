import { DataSource } from 'typeorm';
import {
  calibrationText,
  createTrainee,
  SessionBody,
  simulationApi,
  TurnBody,
} from '../../support/simulations';
import { createTestApp, TestApp } from '../../support/test-app';

const DAY_MS = 24 * 3600 * 1000;

// Sessions over the API: resume, one reply per turn under double submits, idle expiry, who may
// see what, and bad input answered with a 4xx and field paths (never a 500).
describe('Simulation sessions (API)', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: string;
  let trainer: string;
  let supervisor: string;
  let tara: string; // the demo trainee, team North
  let other: { id: string; bearer: string }; // team East, which nobody manages
  const opening = calibrationText('billing-dispute', 'opening', 0);

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    [admin, trainer, supervisor, tara] = await Promise.all([
      t.bearer('admin@academy.local'),
      t.bearer('trainer@academy.local'),
      t.bearer('supervisor@academy.local'),
      t.bearer('trainee@academy.local'),
    ]);
    other = await createTrainee(t, admin, 'east.trainee@academy.local', 'East');
  });
  afterAll(async () => t?.close());

  const turnCount = async (sessionId: string): Promise<number> =>
    Number(
      (
        await db.query(
          `SELECT COUNT(*) AS n FROM simulation_turns WHERE session_id = '${sessionId}'`,
        )
      )[0].n,
    );

  it('should resume the open session instead of starting a second one', async () => {
    const api = simulationApi(t, tara);
    const first = (await api.start('verify-before-account-change').expect(201)).body as SessionBody;
    const again = (await api.start('verify-before-account-change').expect(200)).body as SessionBody;
    expect(again).toMatchObject({ id: first.id, nextTurnIndex: 0, status: 'active' });
    const list = (await api.list().expect(200)).body as {
      id: string;
      mine: { status: string; activeSessionId: string | null };
    }[];
    expect(list).toHaveLength(12);
    expect(list.find((item) => item.id === 'verify-before-account-change')?.mine).toMatchObject({
      status: 'in-progress',
      activeSessionId: first.id,
    });
  });

  it('should store one turn when the same turnIndex is posted twice at once, and answer both alike', async () => {
    const api = simulationApi(t, tara);
    const session = (await api.start('billing-dispute').expect(201)).body as SessionBody;
    const [a, b] = await Promise.all([
      api.turn(session.id, 0, opening),
      api.turn(session.id, 0, opening),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const strip = (body: TurnBody): Omit<TurnBody, 'replayed'> => {
      const { replayed: _replayed, ...rest } = body;
      return rest;
    };
    expect(strip(a.body as TurnBody)).toEqual(strip(b.body as TurnBody));
    expect([a.body.replayed, b.body.replayed].sort()).toEqual([false, true]);
    await expect(turnCount(session.id)).resolves.toBe(1);

    // Later, the same index again (even with other text) answers the stored turn.
    const late = await api.turn(session.id, 0, 'Something else entirely.').expect(200);
    expect(late.body).toMatchObject({ replayed: true, turnIndex: 0, nextTurnIndex: 1 });
    // Skipping ahead is refused with the index expected.
    const skipped = await api.turn(session.id, 5, opening).expect(409);
    expect(skipped.body).toMatchObject({
      code: 'TURN_OUT_OF_ORDER',
      errors: [{ path: 'turnIndex', messages: ['expected 1'] }],
    });
    await expect(turnCount(session.id)).resolves.toBe(1);
  });

  it('should expire a session idle for more than a day and let the trainee start again', async () => {
    const api = simulationApi(t, other.bearer);
    const session = (await api.start('fraud-on-account').expect(201)).body as SessionBody;
    expect(session.status).toBe('active');
    t.clock.advance(DAY_MS - 1000);
    await api
      .session(session.id)
      .expect(200)
      .expect((r) => expect(r.body.status).toBe('active'));
    t.clock.advance(2000);
    const expired = await api.session(session.id).expect(200);
    expect(expired.body).toMatchObject({ status: 'expired', expiresAt: null });
    const refused = await api.turn(session.id, 0, 'Hello, how can I help?').expect(409);
    expect(refused.body.code).toBe('SESSION_EXPIRED');
    const fresh = (await api.start('fraud-on-account').expect(201)).body as SessionBody & {
      attemptNumber: number;
    };
    expect(fresh.id).not.toBe(session.id);
    expect(fresh.attemptNumber).toBe(2);
  });

  describe('access', () => {
    let taraSession: SessionBody;
    beforeAll(async () => {
      taraSession = (await simulationApi(t, tara).start('outage-during-incident').expect(201))
        .body as SessionBody;
    });

    it('should answer 401 without a token', async () => {
      await t.http().get('/api/simulations').expect(401);
      await t.http().post(`/api/simulations/sessions/${taraSession.id}/turns`).send({}).expect(401);
    });

    it('should hide another trainee’s session behind the same 404 as a missing one', async () => {
      const api = simulationApi(t, other.bearer);
      const missing = await api.session('00000000-0000-4000-8000-000000000000').expect(404);
      const foreign = await api.session(taraSession.id).expect(404);
      expect(foreign.body).toEqual(missing.body);
      await api.turn(taraSession.id, 0, 'Hello.').expect(404);
      await api.debrief(taraSession.id).expect(404);
      await api.get(`/api/users/${(await me(tara)).id}/simulations`).expect(404);
      await api.get(`/api/users/${other.id}/simulations`).expect(200);
    });

    it('should let staff read sessions but not reply on the trainee’s behalf', async () => {
      const api = simulationApi(t, trainer);
      await api.session(taraSession.id).expect(200);
      await api.turn(taraSession.id, 0, 'Hello.').expect(404);
      const ofTara = await api.get(`/api/users/${taraSession.userId}/simulations`).expect(200);
      expect(ofTara.body.map((row: { sessionId: string }) => row.sessionId)).toContain(
        taraSession.id,
      );
    });

    it('should keep the staff lists to staff, and a supervisor to the teams they manage', async () => {
      await simulationApi(t, tara).get('/api/simulations/sessions').expect(403);
      await simulationApi(t, tara).get('/api/simulations/billing-dispute/results').expect(403);
      const bySupervisor = await simulationApi(t, supervisor)
        .get('/api/simulations/sessions')
        .expect(200);
      const users = new Set(bySupervisor.body.items.map((row: { userId: string }) => row.userId));
      expect(bySupervisor.body.teams).toEqual(['North']);
      expect(users.has(taraSession.userId)).toBe(true);
      expect(users.has(other.id)).toBe(false);
      const byAdmin = await simulationApi(t, admin)
        .get(`/api/simulations/sessions?scenarioId=fraud-on-account&userId=${other.id}`)
        .expect(200);
      expect(byAdmin.body.total).toBe(2);
      const results = await simulationApi(t, admin)
        .get('/api/simulations/fraud-on-account/results')
        .expect(200);
      expect(results.body.results).toMatchObject({ sessions: 2, finished: 0, passRate: null });
      // The trainer manages North and South: East's sessions are not in their figures.
      const trainerResults = await simulationApi(t, trainer)
        .get('/api/simulations/fraud-on-account/results')
        .expect(200);
      expect(trainerResults.body.results).toMatchObject({ sessions: 0 });
    });

    it('should keep team leads to their own teams for single sessions and team filters', async () => {
      const east = (await simulationApi(t, other.bearer).start('repeat-complainant').expect(201))
        .body as SessionBody;
      await simulationApi(t, supervisor).session(east.id).expect(404);
      await simulationApi(t, trainer).session(east.id).expect(404);
      await simulationApi(t, admin).session(east.id).expect(200);
      const refused = await simulationApi(t, supervisor)
        .get('/api/simulations/sessions?team=East')
        .expect(403);
      expect(refused.body).toMatchObject({
        code: 'TEAM_NOT_MANAGED',
        errors: [{ path: 'team', messages: ['not one of your teams'] }],
      });
      await simulationApi(t, supervisor)
        .get('/api/simulations/repeat-complainant/results?team=East')
        .expect(403);
    });

    it('should open a person’s records (/api/users/:userId/…) only to staff who may see that person', async () => {
      const routes = ['simulations', 'reply-reviews', 'exam-attempts', 'certificates', 'courses'];
      for (const route of routes) {
        const path = `/api/users/${other.id}/${route}`;
        for (const lead of [supervisor, trainer]) {
          const hidden = await simulationApi(t, lead).get(path);
          expect([route, hidden.status, hidden.body.code]).toEqual([route, 404, 'USER_NOT_FOUND']);
        }
        expect([route, (await simulationApi(t, admin).get(path)).status]).toEqual([route, 200]);
        const own = `/api/users/${taraSession.userId}/${route}`;
        expect([route, (await simulationApi(t, supervisor).get(own)).status]).toEqual([route, 200]);
      }
      // An unknown person reads as hidden; a malformed id is still the route's 400.
      await simulationApi(t, trainer)
        .get('/api/users/00000000-0000-4000-8000-000000000000/simulations')
        .expect(404);
      await simulationApi(t, trainer).get('/api/users/not-a-uuid/simulations').expect(400);
    });
  });

  describe('bad input', () => {
    let session: SessionBody;
    beforeAll(async () => {
      session = (await simulationApi(t, other.bearer).start('vip-customer').expect(201))
        .body as SessionBody;
    });
    const post = (body: unknown) =>
      t
        .http()
        .post(`/api/simulations/sessions/${session.id}/turns`)
        .set('Authorization', other.bearer)
        .send(body as object);

    it('should answer 400 with field paths for wrong types, blanks, missing and extra fields', async () => {
      const cases: [unknown, string][] = [
        [{ turnIndex: 'first', text: 'Hello' }, 'turnIndex'],
        [{ turnIndex: -1, text: 'Hello' }, 'turnIndex'],
        [{ turnIndex: 0, text: 42 }, 'text'],
        [{ turnIndex: 0, text: '   ' }, 'text'],
        [{ turnIndex: 0 }, 'text'],
        [{ turnIndex: 0, text: 'Hello', mood: 'calm' }, 'mood'],
      ];
      for (const [body, path] of cases) {
        const response = await post(body).expect(400);
        expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
        expect(response.body.errors.map((error: { path: string }) => error.path)).toContain(path);
      }
      await expect(turnCount(session.id)).resolves.toBe(0);
    });

    it('should refuse an oversized reply with 400 TEXT_TOO_LONG and a body over 1 MB with 413', async () => {
      const long = await post({ turnIndex: 0, text: 'Sorry. '.repeat(3000) }).expect(400);
      expect(long.body).toMatchObject({ code: 'TEXT_TOO_LONG', errors: [{ path: 'text' }] });
      await post({ turnIndex: 0, text: 'x'.repeat(1_100_000) }).expect(413);
      await expect(turnCount(session.id)).resolves.toBe(0);
    });

    it('should answer 404 for an unknown scenario and 400 for a malformed session id', async () => {
      const api = simulationApi(t, other.bearer);
      const unknown = await api.start('no-such-scenario').expect(404);
      expect(unknown.body.code).toBe('SCENARIO_NOT_FOUND');
      await api.scenario('no-such-scenario').expect(404);
      await api.session('not-a-uuid').expect(400);
      await t
        .http()
        .post(`/api/simulations/sessions/${session.id}/turns`)
        .set('Authorization', other.bearer)
        .set('Content-Type', 'application/json')
        .send('{"turnIndex": 0, "text": ')
        .expect(400);
    });

    it('should answer 409 for the debrief of a session still running', async () => {
      const response = await simulationApi(t, other.bearer).debrief(session.id).expect(409);
      expect(response.body.code).toBe('DEBRIEF_NOT_READY');
    });
  });

  async function me(bearer: string): Promise<{ id: string }> {
    return (await t.http().get('/api/me').set('Authorization', bearer).expect(200)).body;
  }
});
