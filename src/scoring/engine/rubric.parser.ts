import { DEFAULT_RUBRIC } from './default-rubric';
import { compilePhrase } from './phrase-pattern';
import {
  CalibrationExample,
  Concept,
  Dimension,
  DIMENSIONS,
  ForbiddenPhrase,
  Rubric,
  RubricIssue,
  Stage,
  STAGES,
} from './types';

type Path = (string | number)[];
type Mapping = Record<string, unknown>;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TOP_KEYS = [
  'id',
  'title',
  'description',
  'stage',
  'weights',
  'passMark',
  'violationCap',
  'concepts',
  'forbidden',
  'jargon',
  'maxSentenceWords',
  'tips',
  'calibration',
];

/**
 * Validates a parsed YAML/JSON value into a Rubric, filling defaults (passMark, violationCap,
 * maxSentenceWords and empty lists). Every problem is reported with the path of its field.
 */
export function parseRubric(
  raw: unknown,
): { ok: true; rubric: Rubric } | { ok: false; issues: RubricIssue[] } {
  const issues: RubricIssue[] = [];
  const fail = (path: Path, reason: string): undefined => {
    issues.push({ path, reason });
    return undefined;
  };
  const root = mapping(raw, [], TOP_KEYS, fail);
  if (root === undefined) return { ok: false, issues };

  const id = identifier(root.id, ['id'], fail);
  const title = text(root.title, ['title'], fail);
  const description =
    root.description === undefined ? undefined : text(root.description, ['description'], fail);
  const stage = root.stage === undefined ? undefined : stageOf(root.stage, ['stage'], fail);
  const weights = weightsOf(root.weights, fail);
  const passMark = score(root.passMark, ['passMark'], DEFAULT_RUBRIC.passMark, fail);
  const violationCap = score(
    root.violationCap,
    ['violationCap'],
    DEFAULT_RUBRIC.violationCap,
    fail,
  );
  let maxSentenceWords = DEFAULT_RUBRIC.maxSentenceWords;
  if (root.maxSentenceWords !== undefined) {
    const value = root.maxSentenceWords;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 5 && value <= 200)
      maxSentenceWords = value;
    else fail(['maxSentenceWords'], 'must be a whole number from 5 to 200');
  }
  const concepts = list(root.concepts, ['concepts'], fail).map((item, i) =>
    conceptOf(item, ['concepts', i], fail),
  );
  uniqueIds(concepts, 'concepts', fail);
  const forbidden = list(root.forbidden, ['forbidden'], fail).map((item, i) =>
    forbiddenOf(item, ['forbidden', i], fail),
  );
  uniqueIds(forbidden, 'forbidden', fail);
  const jargon = list(root.jargon, ['jargon'], fail).map(
    (item, i) => phrase(item, ['jargon', i], fail) ?? '',
  );
  const tips: Partial<Record<Dimension, string>> = {};
  const tipMap = root.tips === undefined ? {} : mapping(root.tips, ['tips'], DIMENSIONS, fail);
  for (const dimension of DIMENSIONS) {
    if (tipMap?.[dimension] !== undefined) {
      const tip = text(tipMap[dimension], ['tips', dimension], fail);
      if (tip !== undefined) tips[dimension] = tip;
    }
  }
  const calibration = list(root.calibration, ['calibration'], fail).map((item, i) =>
    calibrationOf(item, ['calibration', i], fail),
  );
  if (issues.length > 0 || id === undefined || title === undefined) return { ok: false, issues };
  const rubric: Rubric = {
    id,
    title,
    weights,
    passMark,
    violationCap,
    concepts: concepts as Concept[],
    forbidden: forbidden as ForbiddenPhrase[],
    jargon,
    maxSentenceWords,
    tips,
    calibration: calibration as CalibrationExample[],
  };
  if (description !== undefined) rubric.description = description;
  if (stage !== undefined) rubric.stage = stage;
  return { ok: true, rubric };
}

type Fail = (path: Path, reason: string) => undefined;

function mapping(
  value: unknown,
  path: Path,
  keys: readonly string[],
  fail: Fail,
): Mapping | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return fail(path, 'must be a mapping');
  const result = value as Mapping;
  for (const key of Object.keys(result)) {
    if (!keys.includes(key))
      fail([...path, key], `unknown field (expected one of: ${keys.join(', ')})`);
  }
  return result;
}

function list(value: unknown, path: Path, fail: Fail): unknown[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  fail(path, 'must be a list');
  return [];
}

function text(value: unknown, path: Path, fail: Fail): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  return fail(path, 'must be a non-empty string');
}

function identifier(value: unknown, path: Path, fail: Fail): string | undefined {
  if (typeof value === 'string' && ID.test(value)) return value;
  return fail(path, 'must be a kebab-case id (a-z, 0-9 and single hyphens)');
}

function stageOf(value: unknown, path: Path, fail: Fail): Stage | undefined {
  if (STAGES.includes(value as Stage)) return value as Stage;
  return fail(path, `must be one of: ${STAGES.join(', ')}`);
}

function score(value: unknown, path: Path, fallback: number, fail: Fail): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100)
    return value;
  fail(path, 'must be a number from 0 to 100');
  return fallback;
}

function phrase(value: unknown, path: Path, fail: Fail): string | undefined {
  const source = text(value, path, fail);
  if (source === undefined) return undefined;
  const compiled = compilePhrase(source);
  return compiled.ok ? source : fail(path, compiled.reason);
}

function phrases(value: unknown, path: Path, fail: Fail): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    fail(path, 'must be a non-empty list of phrases');
    return [];
  }
  return value.map((item, i) => phrase(item, [...path, i], fail) ?? '');
}

function weightsOf(value: unknown, fail: Fail): Partial<Record<Dimension, number>> {
  const weights: Partial<Record<Dimension, number>> = {};
  const raw = mapping(value, ['weights'], DIMENSIONS, fail);
  if (raw === undefined) return weights;
  for (const dimension of DIMENSIONS) {
    const weight = raw[dimension];
    if (weight === undefined) continue;
    if (typeof weight === 'number' && Number.isFinite(weight) && weight >= 0)
      weights[dimension] = weight;
    else fail(['weights', dimension], 'must be a number ≥ 0');
  }
  if (!Object.values(weights).some((weight) => weight > 0))
    fail(['weights'], 'at least one weight must be above 0');
  return weights;
}

function conceptOf(value: unknown, path: Path, fail: Fail): Partial<Concept> {
  const raw = mapping(value, path, ['id', 'label', 'phrases', 'weight'], fail);
  if (raw === undefined) return {};
  let weight = 1;
  if (raw.weight !== undefined) {
    if (typeof raw.weight === 'number' && Number.isFinite(raw.weight) && raw.weight > 0)
      weight = raw.weight;
    else fail([...path, 'weight'], 'must be a number above 0');
  }
  return {
    id: identifier(raw.id, [...path, 'id'], fail),
    label: text(raw.label, [...path, 'label'], fail),
    phrases: phrases(raw.phrases, [...path, 'phrases'], fail),
    weight,
  };
}

function forbiddenOf(value: unknown, path: Path, fail: Fail): Partial<ForbiddenPhrase> {
  const raw = mapping(value, path, ['id', 'phrases', 'message'], fail);
  if (raw === undefined) return {};
  return {
    id: identifier(raw.id, [...path, 'id'], fail),
    phrases: phrases(raw.phrases, [...path, 'phrases'], fail),
    message: text(raw.message, [...path, 'message'], fail),
  };
}

function calibrationOf(value: unknown, path: Path, fail: Fail): Partial<CalibrationExample> {
  const raw = mapping(value, path, ['text', 'band', 'stage', 'customerLine', 'note'], fail);
  if (raw === undefined) return {};
  const example: Partial<CalibrationExample> = { text: text(raw.text, [...path, 'text'], fail) };
  const band = raw.band;
  if (
    Array.isArray(band) &&
    band.length === 2 &&
    band.every((bound) => typeof bound === 'number' && bound >= 0 && bound <= 100) &&
    (band[0] as number) <= (band[1] as number)
  ) {
    example.band = [band[0] as number, band[1] as number];
  } else {
    fail([...path, 'band'], 'must be [low, high] with 0 ≤ low ≤ high ≤ 100');
  }
  if (raw.stage !== undefined) example.stage = stageOf(raw.stage, [...path, 'stage'], fail);
  if (raw.customerLine !== undefined)
    example.customerLine = text(raw.customerLine, [...path, 'customerLine'], fail);
  if (raw.note !== undefined) example.note = text(raw.note, [...path, 'note'], fail);
  return example;
}

function uniqueIds(items: { id?: string }[], field: string, fail: Fail): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (item.id === undefined) return;
    if (seen.has(item.id)) fail([field, i, 'id'], `duplicate id "${item.id}"`);
    seen.add(item.id);
  });
}
