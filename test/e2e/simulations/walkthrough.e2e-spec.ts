import { DataSource } from 'typeorm';
import {
  calibrationText,
  createTrainee,
  SessionBody,
  simulationApi,
  TurnBody,
} from '../../support/simulations';
import { createTestApp, TestApp } from '../../support/test-app';
import { EXTENSIONS } from '../../../src/learning-records/xapi';
import { OUTCOME_EXTENSION } from '../../../src/simulations/simulation-records';

// A trainee plays the content scenario "billing-dispute" over the API, reply by reply, with
// calibration examples known to take each branch; after every reply the spec checks the branch
// the customer took, the mood and what was stored.
// The dimensions the shipped courses train (content/courses/*/course.md `trains`).
const TRAINED = ['politeness', 'structure', 'clarity', 'empathy', 'keywords', 'compliance'];

describe('Simulation walkthroughs (API)', () => {
  let t: TestApp;
  let admin: string;
  let trainee: string;
  let db: DataSource;
  let people = 0;
  const say = (stepId: string, index: number): string =>
    calibrationText('billing-dispute', stepId, index);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.bearer('admin@academy.local');
    db = t.app.get(DataSource);
  });
  afterAll(async () => t?.close());
  // A new trainee per spec, so each plays from a clean slate.
  beforeEach(async () => {
    people += 1;
    trainee = (await createTrainee(t, admin, `walker${people}@academy.local`)).bearer;
  });

  const turnRows = async (sessionId: string): Promise<{ step_id: string; jump: string | null }[]> =>
    db.query(
      `SELECT step_id, jump FROM simulation_turns WHERE session_id = '${sessionId}' ORDER BY turn_index`,
    );

  /** Plays replies in order and returns each answer; every one must be a new turn (201). */
  async function play(sessionId: string, replies: string[]): Promise<TurnBody[]> {
    const api = simulationApi(t, trainee);
    const answers: TurnBody[] = [];
    for (const [index, text] of replies.entries()) {
      const response = await api.turn(sessionId, index, text).expect(201);
      answers.push(response.body as TurnBody);
    }
    return answers;
  }

  async function start(): Promise<SessionBody> {
    const response = await simulationApi(t, trainee).start('billing-dispute').expect(201);
    const session = response.body as SessionBody;
    expect(session).toMatchObject({
      status: 'active',
      nextTurnIndex: 0,
      mood: { label: 'angry', anger: 60 },
      scenarioVersion: 1,
    });
    return session;
  }

  it('should reach `resolved` and pass when every reply takes the best branch', async () => {
    const api = simulationApi(t, trainee);
    const session = await start();
    // Sensitive facts are masked but for their last four characters.
    const sortCode = session.account.find((fact) => fact.label.startsWith('Bank sort code'));
    expect(sortCode).toMatchObject({ masked: true, value: expect.stringMatching(/^[•\- ]+2291$/) });

    const [opening, verify, investigate, reassure, closing] = await play(session.id, [
      say('opening', 0),
      say('verify', 0),
      say('investigate', 0),
      say('reassure', 0),
      say('closing', 0),
    ]);
    expect(opening).toMatchObject({
      reaction: 'Okay. Thank you. So what do you need from me?',
      trigger: null,
      mood: { anger: 40 },
      finished: false,
      nextTurnIndex: 1,
    });
    expect(verify.mood.anger).toBe(30);
    expect(investigate).toMatchObject({ mood: { anger: 5 }, finished: false });
    expect(reassure.reaction).toBe("Okay. If you're going to check it, that's fair enough.");
    expect(closing).toMatchObject({
      finished: true,
      outcome: 'resolved',
      passed: true,
      nextTurnIndex: 5,
      customerLine: 'Thanks. I feel a lot better about it now. Bye.',
    });
    await expect(turnRows(session.id)).resolves.toEqual(
      ['opening', 'verify', 'investigate', 'reassure', 'closing'].map((step_id) => ({
        step_id,
        jump: null,
      })),
    );

    const finished = (await api.session(session.id).expect(200)).body as SessionBody;
    expect(finished).toMatchObject({ status: 'finished', outcome: 'resolved', passed: true });
    expect(finished.meanScore).toBeGreaterThanOrEqual(70);
    // Customer line, reply, reaction per turn, then the closing line.
    expect(finished.transcript).toHaveLength(5 * 3 + 1);

    const debrief = (await api.debrief(session.id).expect(200)).body as {
      debrief: {
        outcome: string;
        passed: boolean;
        turns: { stepId: string; modelAnswer: string; segments: { effect: string | null }[] }[];
        tips: string[];
      };
    };
    expect(debrief.debrief).toMatchObject({ outcome: 'resolved', passed: true });
    expect(debrief.debrief.turns.map((turn) => turn.stepId)).toEqual([
      'opening',
      'verify',
      'investigate',
      'reassure',
      'closing',
    ]);
    expect(debrief.debrief.turns[0].modelAnswer).toMatch(/^Good afternoon/);
    expect(debrief.debrief.turns[0].segments.some((segment) => segment.effect === 'helped')).toBe(
      true,
    );
    expect(debrief.debrief.tips[0]).toMatch(/^Acknowledge the double charge/);

    // A finished session takes no more replies; a new start is attempt 2.
    await api.turn(session.id, 5, 'Hello again').expect(409);
    const retry = (await api.start('billing-dispute').expect(201)).body as SessionBody & {
      attemptNumber: number;
    };
    expect(retry.attemptNumber).toBe(2);
    const [first] = await play(retry.id, [say('opening', 2)]);
    expect(first.reaction).toMatch(/^Did you hear what I said/);
    // Leave attempt 2 open: the list shows it in progress, with attempt 1 as best and latest.
    const listed = (await api.scenario('billing-dispute').expect(200)).body as {
      mine: {
        status: string;
        attempts: number;
        best: { passed: boolean };
        activeSessionId: string;
      };
    };
    expect(listed.mine).toMatchObject({
      status: 'in-progress',
      attempts: 2,
      best: { passed: true },
      activeSessionId: retry.id,
    });
  });

  it('should escalate properly when the agent hands over after the customer asks for a manager', async () => {
    const api = simulationApi(t, trainee);
    const open = await start();
    await play(open.id, [say('opening', 2), say('verify', 0)]);
    // Starting again resumes the open session.
    const resumed = (await api.start('billing-dispute').expect(200)).body as SessionBody;
    expect(resumed).toMatchObject({ id: open.id, nextTurnIndex: 2, mood: { anger: 65 } });
    // Anger 75 → 65 after verifying; a vague answer pushes it to the 85 threshold: the
    // customer demands a manager instead of taking the branch's own next step.
    const vague = (await api.turn(open.id, 2, say('investigate', 2)).expect(201)).body as TurnBody;
    expect(vague).toMatchObject({
      trigger: 'escalate',
      reaction: null,
      customerLine: "I've had enough of this. Put me through to your manager.",
      mood: { label: 'angry', anger: 85 },
    });
    const handover = (await api.turn(open.id, 3, say('demands-manager', 0)).expect(201))
      .body as TurnBody;
    expect(handover).toMatchObject({
      finished: true,
      outcome: 'escalated-properly',
      reaction: "Thank you. Yes, I'll hold.",
    });
    await expect(turnRows(open.id)).resolves.toEqual([
      { step_id: 'opening', jump: null },
      { step_id: 'verify', jump: null },
      { step_id: 'investigate', jump: 'escalate' },
      { step_id: 'demands-manager', jump: null },
    ]);
  });

  it('should end as `lost` when the customer hangs up past the anger threshold', async () => {
    const api = simulationApi(t, trainee);
    const session = await start();
    const [curt, stalling] = await play(session.id, [say('opening', 2), say('verify', 4)]);
    expect(curt).toMatchObject({ mood: { anger: 75 }, finished: false });
    expect(stalling).toMatchObject({
      trigger: 'hang-up',
      finished: true,
      outcome: 'lost',
      passed: false,
      customerLine: '(the customer hangs up)',
      mood: { anger: 100 },
    });
    const debrief = await api.debrief(session.id).expect(200);
    expect(debrief.body.debrief).toMatchObject({ outcome: 'lost', passed: false });
    // The dimensions it averaged below 60 on, and the courses that train them.
    const body = debrief.body as {
      debrief: { dimensions: { dimension: string; mean: number }[] };
      courses: { courseId: string; trains: string[] }[];
    };
    const weak = body.debrief.dimensions
      .filter((item) => item.mean < 60)
      .map((item) => item.dimension);
    expect(weak.length).toBeGreaterThan(0);
    expect(body.courses.length).toBeGreaterThan(0);
    for (const course of body.courses) {
      expect(course.trains.length).toBeGreaterThan(0);
      expect(course.trains.filter((dimension) => !weak.includes(dimension))).toEqual([]);
    }
    // Every weak dimension some course trains has its courses listed.
    expect(new Set(body.courses.flatMap((course) => course.trains))).toEqual(
      new Set(weak.filter((dimension) => TRAINED.includes(dimension))),
    );
    const page = await t
      .http()
      .get(`/simulations/sessions/${session.id}/debrief`)
      .set('Authorization', trainee)
      .expect(200);
    expect(page.text).toContain('data-testid="training-courses"');
    expect(page.text).toContain(`href="/courses/${body.courses[0].courseId}"`);
  });

  it('should write learning records when a session starts and when it finishes', async () => {
    const api = simulationApi(t, trainee);
    const session = await start();
    await play(session.id, [say('opening', 0), say('verify', 2)]);
    const response = await api
      .get(`/api/learning-records?registration=${session.id}&limit=100`)
      .expect(200);
    const statements = response.body.statements as {
      verb: { id: string };
      object: { id: string };
      result?: { success: boolean; completion: boolean; extensions: Record<string, unknown> };
      context: { registration: string; revision: string };
    }[];
    const verbs = statements.map((statement) => statement.verb.id.split('/').pop()).sort();
    expect(verbs).toEqual(['attempted', 'completed', 'failed']);
    for (const statement of statements) {
      expect(statement.object.id).toMatch(/\/simulation\/billing-dispute$/);
      expect(statement.context).toMatchObject({ registration: session.id, revision: '1' });
    }
    const completed = statements.find((statement) => statement.verb.id.endsWith('/completed'));
    const extensions = completed?.result?.extensions ?? {};
    expect(completed?.result).toMatchObject({ success: false, completion: true });
    expect(extensions[OUTCOME_EXTENSION]).toBe('lost');
    // Per-dimension means over the two replies: what certification minimums are checked against.
    const means = extensions[EXTENSIONS.dimensionMeans] as Record<string, number>;
    expect(Object.keys(means).length).toBeGreaterThan(0);
    for (const value of Object.values(means)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(100);
    }
    expect(means).toHaveProperty('politeness');
  });
});
