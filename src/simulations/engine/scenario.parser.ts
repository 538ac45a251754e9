import { FieldReader, Path } from './parse-fields';
import {
  AccountFact,
  CHANNELS,
  DIFFICULTIES,
  MOOD_LABELS,
  MoodSettings,
  Persona,
  Scenario,
  ScenarioIssue,
  Step,
} from './scenario.types';
import { parseStep, RubricLookup } from './step.parser';

export type { RubricLookup } from './step.parser';

const TOP_KEYS = [
  'id',
  'version',
  'title',
  'summary',
  'tags',
  'channel',
  'difficulty',
  'passMark',
  'persona',
  'mood',
  'start',
  'maxTurns',
  'steps',
  'debrief',
];
const PERSONA_KEYS = ['name', 'situation', 'wants', 'mood', 'anger', 'account'];
const MOOD_KEYS = ['escalateAt', 'hangUpAt', 'onEscalate', 'onHangUp'];
export const DEFAULT_MOOD = { escalateAt: 85, hangUpAt: 95 } as const;
// Steps the thresholds jump to when `mood` does not name them, if the scenario has them.
const CONVENTIONAL_TARGETS = { onEscalate: 'demands-manager', onHangUp: 'hung-up' } as const;
export const DEFAULT_MAX_TURNS = 30;

/**
 * Validates a parsed YAML value into a Scenario: every field, every reference (steps, rubric
 * concepts, calibration branches) and the flow (every step reachable, an ending reachable).
 * Rubrics named by id are resolved with `lookup`. Each problem comes with its field path.
 */
export function parseScenario(
  raw: unknown,
  lookup: RubricLookup,
): { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] } {
  const reader = new FieldReader();
  const root = reader.mapping(raw, [], TOP_KEYS);
  if (!root) return { ok: false, issues: reader.issues };
  const id = reader.identifier(root.id, ['id']);
  const version = reader.integer(root.version, ['version'], 1, 1_000_000);
  const title = reader.text(root.title, ['title']);
  const summary = reader.text(root.summary, ['summary']);
  const tags = root.tags === undefined ? [] : reader.ids(root.tags, ['tags']);
  const channel = reader.oneOf(root.channel, ['channel'], CHANNELS);
  const difficulty = reader.oneOf(root.difficulty, ['difficulty'], DIFFICULTIES);
  const passMark = reader.score(root.passMark, ['passMark']);
  const persona = personaOf(root.persona, reader);
  const maxTurns =
    root.maxTurns === undefined
      ? DEFAULT_MAX_TURNS
      : reader.integer(root.maxTurns, ['maxTurns'], 1, 1000);
  const steps = reader
    .list(root.steps, ['steps'], true)
    .map((item, i) => parseStep(item, ['steps', i], reader, lookup));
  const start = reader.identifier(root.start, ['start']);
  const debrief = reader
    .list(root.debrief, ['debrief'])
    .map((item, i) => reader.text(item, ['debrief', i]) ?? '');
  const known = steps.filter((step): step is Step => step !== undefined);
  const mood = moodOf(root.mood, reader, known);
  if (reader.issues.length === 0) checkFlow(reader, known, start ?? '', mood);
  if (
    reader.issues.length > 0 ||
    !id ||
    !version ||
    !title ||
    !summary ||
    !channel ||
    !difficulty ||
    passMark === undefined ||
    !persona ||
    !maxTurns ||
    !start
  )
    return { ok: false, issues: reader.issues };
  return {
    ok: true,
    scenario: {
      id,
      version,
      title,
      summary,
      tags,
      channel,
      difficulty,
      passMark,
      persona,
      mood,
      start,
      maxTurns,
      steps: known,
      debrief,
    },
  };
}

function personaOf(raw: unknown, reader: FieldReader): Persona | undefined {
  const root = reader.mapping(raw, ['persona'], PERSONA_KEYS);
  if (!root) return undefined;
  const name = reader.text(root.name, ['persona', 'name']);
  const situation = reader.text(root.situation, ['persona', 'situation']);
  const wants = reader.text(root.wants, ['persona', 'wants']);
  const mood = reader.oneOf(root.mood, ['persona', 'mood'], MOOD_LABELS);
  const anger = reader.integer(root.anger, ['persona', 'anger'], 0, 100);
  const account = reader
    .list(root.account, ['persona', 'account'])
    .map((item, i) => factOf(item, ['persona', 'account', i], reader));
  if (!name || !situation || !wants || !mood || anger === undefined) return undefined;
  return {
    name,
    situation,
    wants,
    mood,
    anger,
    account: account.filter((f): f is AccountFact => f !== undefined),
  };
}

function factOf(raw: unknown, path: Path, reader: FieldReader): AccountFact | undefined {
  const root = reader.mapping(raw, path, ['label', 'value', 'sensitive']);
  if (!root) return undefined;
  const label = reader.text(root.label, [...path, 'label']);
  const value = reader.text(root.value, [...path, 'value']);
  const sensitive =
    root.sensitive === undefined ? false : reader.bool(root.sensitive, [...path, 'sensitive']);
  if (!label || !value || sensitive === undefined) return undefined;
  return { label, value, sensitive };
}

function moodOf(raw: unknown, reader: FieldReader, steps: Step[]): MoodSettings {
  const has = (id: string): boolean => steps.some((step) => step.id === id);
  const conventional = (key: keyof typeof CONVENTIONAL_TARGETS): string | undefined =>
    has(CONVENTIONAL_TARGETS[key]) ? CONVENTIONAL_TARGETS[key] : undefined;
  const settings: MoodSettings = { ...DEFAULT_MOOD };
  const root = raw === undefined ? {} : reader.mapping(raw, ['mood'], MOOD_KEYS);
  if (!root) return settings;
  settings.escalateAt =
    reader.optionalScore(root.escalateAt, ['mood', 'escalateAt']) ?? DEFAULT_MOOD.escalateAt;
  settings.hangUpAt =
    reader.optionalScore(root.hangUpAt, ['mood', 'hangUpAt']) ?? DEFAULT_MOOD.hangUpAt;
  if (settings.escalateAt > settings.hangUpAt)
    reader.fail(['mood', 'escalateAt'], 'must not be above hangUpAt');
  for (const key of ['onEscalate', 'onHangUp'] as const) {
    const target =
      root[key] === undefined ? conventional(key) : reader.identifier(root[key], ['mood', key]);
    if (target === undefined) continue;
    if (has(target)) settings[key] = target;
    else reader.fail(['mood', key], `no step "${target}"`);
  }
  return settings;
}

/** References between steps, and a flow that can always end. */
function checkFlow(reader: FieldReader, steps: Step[], start: string, mood: MoodSettings): void {
  const index = new Map<string, number>();
  steps.forEach((step, i) => {
    if (index.has(step.id)) reader.fail(['steps', i, 'id'], `duplicate step id "${step.id}"`);
    else index.set(step.id, i);
  });
  if (!index.has(start)) reader.fail(['start'], `no step "${start}"`);
  steps.forEach((step, i) => {
    if (step.kind !== 'dialogue') return;
    step.branches.forEach((branch, b) => {
      if (!index.has(branch.next))
        reader.fail(['steps', i, 'branches', b, 'next'], `no step "${branch.next}"`);
    });
  });
  if (reader.issues.length > 0) return;
  // Reachable from the start by branches, or by an anger jump from any dialogue step.
  const reached = new Set<string>([start]);
  const queue = [start, mood.onEscalate, mood.onHangUp].filter((id): id is string => !!id);
  for (const id of queue) reached.add(id);
  while (queue.length > 0) {
    const step = steps[index.get(queue.shift() as string) as number];
    if (step.kind !== 'dialogue') continue;
    for (const branch of step.branches) {
      if (reached.has(branch.next)) continue;
      reached.add(branch.next);
      queue.push(branch.next);
    }
  }
  steps.forEach((step, i) => {
    if (!reached.has(step.id))
      reader.fail(['steps', i, 'id'], `step "${step.id}" is never reached from "${start}"`);
  });
  if (!steps.some((step) => step.kind === 'outcome'))
    reader.fail(['steps'], 'needs at least one outcome step (resolved, escalated-…, lost)');
}
