import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { createUser, TestApp } from './test-app';

export const SCENARIO_DIR = join(__dirname, '..', '..', 'content', 'scenarios');

interface RawScenario {
  steps: { id: string; calibration?: { text: string; branch: number | string }[] }[];
}

/** A calibration example of a content scenario: a reply known to take a given branch. */
export function calibrationText(scenarioId: string, stepId: string, index: number): string {
  const raw = parse(readFileSync(join(SCENARIO_DIR, `${scenarioId}.yaml`), 'utf8')) as RawScenario;
  const example = raw.steps.find((step) => step.id === stepId)?.calibration?.[index];
  if (!example) throw new Error(`no calibration example ${scenarioId}/${stepId}/${index}`);
  return example.text;
}

/** billing-dispute's main path, step by step. */
export const BILLING_MAIN_PATH = ['opening', 'verify', 'investigate', 'reassure', 'closing'];

/**
 * For each step, the first calibration reply of a content scenario that must take the good
 * branch (branch 0): answering them in order walks the main path to the end.
 */
export function goodReplies(scenarioId: string, stepIds: readonly string[]): string[] {
  const raw = parse(readFileSync(join(SCENARIO_DIR, `${scenarioId}.yaml`), 'utf8')) as RawScenario;
  return stepIds.map((id) => {
    const example = raw.steps
      .find((step) => step.id === id)
      ?.calibration?.find((item) => item.branch === 0);
    if (!example) throw new Error(`no branch-0 calibration example ${scenarioId}/${id}`);
    return example.text;
  });
}

export function contentSource(scenarioId: string): string {
  return readFileSync(join(SCENARIO_DIR, `${scenarioId}.yaml`), 'utf8');
}

export interface SessionBody {
  id: string;
  userId: string;
  scenarioId: string;
  scenarioVersion: number;
  status: 'active' | 'finished' | 'expired';
  nextTurnIndex: number;
  mood: { label: string; anger: number };
  transcript: { speaker: string; text: string; turnIndex?: number }[];
  outcome: string | null;
  passed: boolean | null;
  meanScore: number | null;
  account: { label: string; value: string; masked: boolean }[];
}

export interface TurnBody {
  sessionId: string;
  turnIndex: number;
  replayed: boolean;
  reaction: string | null;
  customerLine: string;
  trigger: string | null;
  mood: { label: string; anger: number };
  finished: boolean;
  outcome: string | null;
  passed: boolean | null;
  nextTurnIndex: number;
}

/** The simulations API as one signed-in person. */
export function simulationApi(t: TestApp, bearer: string) {
  const as = (test: request.Test): request.Test => test.set('Authorization', bearer);
  return {
    list: () => as(t.http().get('/api/simulations')),
    scenario: (id: string) => as(t.http().get(`/api/simulations/${id}`)),
    start: (id: string) => as(t.http().post(`/api/simulations/${id}/sessions`)),
    session: (id: string) => as(t.http().get(`/api/simulations/sessions/${id}`)),
    turn: (id: string, turnIndex: number, text: string) =>
      as(t.http().post(`/api/simulations/sessions/${id}/turns`).send({ turnIndex, text })),
    debrief: (id: string) => as(t.http().get(`/api/simulations/sessions/${id}/debrief`)),
    get: (path: string) => as(t.http().get(path)),
    post: (path: string, body: object) => as(t.http().post(path).send(body)),
    put: (path: string, body: object) => as(t.http().put(path).send(body)),
  };
}

/** Creates a trainee as admin and returns their id and bearer header. */
export async function createTrainee(
  t: TestApp,
  admin: string,
  email: string,
  team = 'South',
): Promise<{ id: string; bearer: string }> {
  const password = 'trainee-password-1';
  const { id } = await createUser(t, admin, { email, team, password });
  return { id, bearer: await t.bearer(email, password) };
}

/** Plays billing-dispute to its end along the main path with good replies; the session id. */
export async function finishBillingDispute(t: TestApp, bearer: string): Promise<string> {
  const api = simulationApi(t, bearer);
  const session = (await api.start('billing-dispute').expect(201)).body as SessionBody;
  for (const [index, reply] of goodReplies('billing-dispute', BILLING_MAIN_PATH).entries())
    await api.turn(session.id, index, reply).expect(201);
  const finished = (await api.session(session.id).expect(200)).body as SessionBody;
  if (finished.status !== 'finished')
    throw new Error(`billing-dispute did not finish: ${finished.status}`);
  return session.id;
}
