import { DIMENSIONS, parseRubric, STAGES } from '../../scoring/engine';
import type { Dimension, Rubric } from '../../scoring/engine';
import { FieldReader, Mapping, Path } from './parse-fields';
import {
  Branch,
  BranchCondition,
  DimensionBounds,
  OUTCOMES,
  Step,
  StepCalibration,
} from './scenario.types';

/** Finds a rubric by id (content/rubrics and the built-in default). */
export type RubricLookup = (id: string) => Rubric | undefined;

const DIALOGUE_KEYS = [
  'id',
  'stage',
  'customer',
  'rubric',
  'modelAnswer',
  'branches',
  'calibration',
];
const OUTCOME_KEYS = ['id', 'outcome', 'customer'];
const BRANCH_KEYS = ['when', 'next', 'anger', 'reaction'];
const CONDITION_KEYS = [
  'minOverall',
  'maxOverall',
  'found',
  'missing',
  'violations',
  'dimensions',
  'minAnger',
  'maxAnger',
];
const CALIBRATION_KEYS = ['text', 'branch', 'anger', 'note'];

/** Reads one step; returns undefined when it is too broken to use (the issues say why). */
export function parseStep(
  raw: unknown,
  path: Path,
  reader: FieldReader,
  lookup: RubricLookup,
): Step | undefined {
  const isOutcome =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'outcome' in raw;
  const root = reader.mapping(raw, path, isOutcome ? OUTCOME_KEYS : DIALOGUE_KEYS);
  if (!root) return undefined;
  const id = reader.identifier(root.id, [...path, 'id']);
  const customer = reader.lines(root.customer, [...path, 'customer']);
  if (isOutcome) {
    const outcome = reader.oneOf(root.outcome, [...path, 'outcome'], OUTCOMES);
    if (!id || !outcome) return undefined;
    return { kind: 'outcome', id, outcome, customer };
  }
  const stage = reader.oneOf(root.stage, [...path, 'stage'], STAGES);
  const rubric = rubricOf(root.rubric, [...path, 'rubric'], reader, lookup);
  const modelAnswer = reader.text(root.modelAnswer, [...path, 'modelAnswer']);
  const branches = reader
    .list(root.branches, [...path, 'branches'], true)
    .map((item, i) => branchOf(item, [...path, 'branches', i], reader, rubric));
  if (branches.length === 0 && root.branches !== undefined)
    reader.fail([...path, 'branches'], 'a step needs at least one branch');
  branches.forEach((branch, i) => {
    const last = i === branches.length - 1;
    if (branch && last && branch.when)
      reader.fail([...path, 'branches', i], 'the last branch must be the fallback (no `when`)');
    if (branch && !last && !branch.when)
      reader.fail([...path, 'branches', i, 'when'], 'only the last branch may omit `when`');
  });
  const calibration = reader
    .list(root.calibration, [...path, 'calibration'])
    .map((item, i) => calibrationOf(item, [...path, 'calibration', i], reader, branches));
  if (!id || !stage || !rubric.value || !modelAnswer || branches.some((b) => !b)) return undefined;
  return {
    kind: 'dialogue',
    id,
    stage,
    customer,
    rubric: rubric.value,
    ...(rubric.ref ? { rubricRef: rubric.ref } : {}),
    modelAnswer,
    branches: branches as Branch[],
    calibration: calibration.filter((c): c is StepCalibration => c !== undefined),
  };
}

function rubricOf(
  raw: unknown,
  path: Path,
  reader: FieldReader,
  lookup: RubricLookup,
): { value?: Rubric; ref?: string } {
  if (typeof raw === 'string') {
    const rubric = lookup(raw);
    if (!rubric) reader.fail(path, `no rubric "${raw}" in content/rubrics`);
    return { value: rubric, ref: raw };
  }
  if (raw === undefined) {
    reader.fail(path, 'is required (a rubric id or an inline rubric)');
    return {};
  }
  const result = parseRubric(raw);
  if (!result.ok) {
    for (const issue of result.issues) reader.fail([...path, ...issue.path], issue.reason);
    return {};
  }
  return { value: result.rubric };
}

function branchOf(
  raw: unknown,
  path: Path,
  reader: FieldReader,
  rubric: { value?: Rubric },
): Branch | undefined {
  const root = reader.mapping(raw, path, BRANCH_KEYS);
  if (!root) return undefined;
  const next = reader.identifier(root.next, [...path, 'next']);
  const anger =
    root.anger === undefined ? 0 : reader.integer(root.anger, [...path, 'anger'], -100, 100);
  const reaction = reader.optionalText(root.reaction, [...path, 'reaction']);
  const when =
    root.when === undefined ? undefined : conditionOf(root.when, [...path, 'when'], reader, rubric);
  if (!next || anger === undefined || (root.when !== undefined && !when)) return undefined;
  return {
    ...(when ? { when } : {}),
    next,
    anger,
    ...(reaction !== undefined ? { reaction } : {}),
  };
}

function conditionOf(
  raw: unknown,
  path: Path,
  reader: FieldReader,
  rubric: { value?: Rubric },
): BranchCondition | undefined {
  const root = reader.mapping(raw, path, CONDITION_KEYS);
  if (!root) return undefined;
  if (Object.keys(root).length === 0) return reader.fail(path, 'needs at least one condition');
  const before = reader.issues.length;
  const condition: BranchCondition = {};
  for (const key of ['minOverall', 'maxOverall', 'minAnger', 'maxAnger'] as const) {
    const value = reader.optionalScore(root[key], [...path, key]);
    if (value !== undefined) condition[key] = value;
  }
  const conceptIds = new Set(rubric.value?.concepts.map((concept) => concept.id));
  for (const key of ['found', 'missing'] as const) {
    if (root[key] === undefined) continue;
    condition[key] = reader.ids(root[key], [...path, key]);
    condition[key].forEach((id, i) => {
      if (rubric.value && id && !conceptIds.has(id))
        reader.fail(
          [...path, key, i],
          `the rubric has no concept "${id}" (it has: ${[...conceptIds].join(', ') || 'none'})`,
        );
    });
  }
  if (root.violations !== undefined) {
    const violations = reader.bool(root.violations, [...path, 'violations']);
    if (violations !== undefined) condition.violations = violations;
  }
  if (root.dimensions !== undefined)
    condition.dimensions = dimensionsOf(root, path, reader, rubric);
  return reader.issues.length === before ? condition : undefined;
}

function dimensionsOf(
  root: Mapping,
  path: Path,
  reader: FieldReader,
  rubric: { value?: Rubric },
): Partial<Record<Dimension, DimensionBounds>> {
  const result: Partial<Record<Dimension, DimensionBounds>> = {};
  const raw = reader.mapping(root.dimensions, [...path, 'dimensions'], DIMENSIONS);
  for (const dimension of DIMENSIONS) {
    if (raw?.[dimension] === undefined) continue;
    const at = [...path, 'dimensions', dimension];
    const bounds = reader.mapping(raw[dimension], at, ['min', 'max']);
    if (!bounds) continue;
    if (bounds.min === undefined && bounds.max === undefined)
      reader.fail(at, 'give min, max or both');
    const min = reader.optionalScore(bounds.min, [...at, 'min']);
    const max = reader.optionalScore(bounds.max, [...at, 'max']);
    if (rubric.value && !((rubric.value.weights[dimension] ?? 0) > 0))
      reader.fail(at, `the rubric does not score ${dimension} (its weight is 0)`);
    result[dimension] = {
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
    };
  }
  return result;
}

function calibrationOf(
  raw: unknown,
  path: Path,
  reader: FieldReader,
  branches: (Branch | undefined)[],
): StepCalibration | undefined {
  const root = reader.mapping(raw, path, CALIBRATION_KEYS);
  if (!root) return undefined;
  const text = reader.text(root.text, [...path, 'text']);
  const note = reader.optionalText(root.note, [...path, 'note']);
  const anger =
    root.anger === undefined ? undefined : reader.integer(root.anger, [...path, 'anger'], 0, 100);
  let expected: { branch: number } | { next: string } | undefined;
  if (typeof root.branch === 'number') {
    if (Number.isInteger(root.branch) && root.branch >= 0 && root.branch < branches.length)
      expected = { branch: root.branch };
    else
      reader.fail(
        [...path, 'branch'],
        `must be a branch index from 0 to ${branches.length - 1} or a step id the branch leads to`,
      );
  } else if (typeof root.branch === 'string') {
    if (branches.some((branch) => branch?.next === root.branch)) expected = { next: root.branch };
    else reader.fail([...path, 'branch'], `no branch of this step leads to "${root.branch}"`);
  } else {
    reader.fail([...path, 'branch'], 'is required (a branch index or the step id it leads to)');
  }
  if (!text || !expected) return undefined;
  return {
    text,
    ...expected,
    ...(anger !== undefined ? { anger } : {}),
    ...(note !== undefined ? { note } : {}),
  };
}
