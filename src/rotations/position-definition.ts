import { Checker, Path } from '../exams/engine/value-checker';

/** A position as authored in content/positions/<id>.yaml. */
export interface PositionDefinition {
  id: string;
  title: string;
  summary: string;
  /** Sort order on pages and in the matrix. */
  order: number;
  /** The rotation review falls due this many days after a move into the position. */
  reviewAfterDays: number;
  /** A needed certificate that expires within this many days flags the person as "expiring". */
  expiringWithinDays: number;
  requires: {
    certificates: string[];
    /** `writtenInApp`: an exam of the app's exam editor, checked once the service runs. */
    exams: { exam: string; minGrade: number; writtenInApp?: boolean }[];
    scenariosPassed: string[];
    /** Those of `scenariosPassed` written in the app's scenario editor, not in content/. */
    scenariosWrittenInApp: string[];
    simulationMean: { minScore: number; minSessions: number } | null;
    monthsInCurrentPosition: number;
  };
}

export const POSITION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KEYS = [
  'id',
  'title',
  'summary',
  'order',
  'reviewAfterDays',
  'expiringWithinDays',
  'requires',
];
const REQUIRES_KEYS = [
  'certificates',
  'exams',
  'scenariosPassed',
  'simulationMean',
  'monthsInCurrentPosition',
];

export function parsePositionDefinition(
  raw: unknown,
):
  | { ok: true; position: PositionDefinition }
  | { ok: false; issues: { path: Path; reason: string }[] } {
  const check = new Checker();
  const root = check.mapping(raw, [], KEYS);
  if (!root) return { ok: false, issues: check.issues };
  const id = check.string(root.id, ['id']) ?? '';
  if (id && !POSITION_ID.test(id)) check.fail(['id'], 'use lower-case words joined by "-"');
  const requires =
    root.requires === undefined || root.requires === null
      ? {}
      : (check.mapping(root.requires, ['requires'], REQUIRES_KEYS) ?? {});
  const position: PositionDefinition = {
    id,
    title: check.string(root.title, ['title']) ?? '',
    summary: check.string(root.summary, ['summary']) ?? '',
    order: check.integer(root.order, ['order'], 0, 1000, 100) ?? 100,
    reviewAfterDays: check.integer(root.reviewAfterDays, ['reviewAfterDays'], 1, 730, 90) ?? 90,
    expiringWithinDays:
      check.integer(root.expiringWithinDays, ['expiringWithinDays'], 0, 365, 30) ?? 30,
    requires: {
      certificates: idList(check, requires.certificates, ['requires', 'certificates']),
      exams: check
        .optionalList(requires.exams, ['requires', 'exams'])
        .map((item, i) => examOf(check, item, ['requires', 'exams', i])),
      ...scenariosOf(check, requires.scenariosPassed, ['requires', 'scenariosPassed']),
      simulationMean: meanOf(check, requires.simulationMean, ['requires', 'simulationMean']),
      monthsInCurrentPosition:
        check.integer(
          requires.monthsInCurrentPosition,
          ['requires', 'monthsInCurrentPosition'],
          0,
          120,
          0,
        ) ?? 0,
    },
  };
  return check.issues.length ? { ok: false, issues: check.issues } : { ok: true, position };
}

function idList(check: Checker, value: unknown, path: Path): string[] {
  const ids = check.optionalList(value, path).map((item, i) => check.string(item, [...path, i]));
  return withoutDuplicates(check, ids, path);
}

function withoutDuplicates(check: Checker, ids: (string | undefined)[], path: Path): string[] {
  ids.forEach((id, i) => {
    if (id !== undefined && ids.indexOf(id) !== i)
      check.fail([...path, i], `"${id}" is listed twice`);
  });
  return ids.filter((id): id is string => id !== undefined);
}

// Each entry a scenario id, or `{ scenario, writtenInApp }` for one of the scenario editor.
function scenariosOf(
  check: Checker,
  value: unknown,
  path: Path,
): { scenariosPassed: string[]; scenariosWrittenInApp: string[] } {
  const scenariosWrittenInApp: string[] = [];
  const ids = check.optionalList(value, path).map((item, i) => {
    if (typeof item !== 'object' || item === null) return check.string(item, [...path, i]);
    const entry = check.mapping(item, [...path, i], ['scenario', 'writtenInApp']) ?? {};
    const id = check.string(entry.scenario, [...path, i, 'scenario']);
    const writtenInApp =
      entry.writtenInApp !== undefined &&
      check.boolean(entry.writtenInApp, [...path, i, 'writtenInApp']);
    if (id !== undefined && writtenInApp) scenariosWrittenInApp.push(id);
    return id;
  });
  return { scenariosPassed: withoutDuplicates(check, ids, path), scenariosWrittenInApp };
}

function examOf(
  check: Checker,
  raw: unknown,
  path: Path,
): { exam: string; minGrade: number; writtenInApp?: boolean } {
  const item = check.mapping(raw, path, ['exam', 'minGrade', 'writtenInApp']) ?? {};
  const writtenInApp =
    item.writtenInApp !== undefined && check.boolean(item.writtenInApp, [...path, 'writtenInApp']);
  return {
    ...(writtenInApp ? { writtenInApp } : {}),
    exam: check.string(item.exam, [...path, 'exam']) ?? '',
    minGrade:
      item.minGrade === undefined
        ? (check.fail([...path, 'minGrade'], 'is required') ?? 0)
        : check.optionalNumber(item.minGrade, [...path, 'minGrade'], {
            min: 0,
            max: 100,
            fallback: 0,
          }),
  };
}

function meanOf(
  check: Checker,
  raw: unknown,
  path: Path,
): { minScore: number; minSessions: number } | null {
  if (raw === undefined || raw === null) return null;
  const item = check.mapping(raw, path, ['minScore', 'minSessions']) ?? {};
  return {
    minScore:
      item.minScore === undefined
        ? (check.fail([...path, 'minScore'], 'is required') ?? 0)
        : check.optionalNumber(item.minScore, [...path, 'minScore'], {
            min: 0,
            max: 100,
            fallback: 0,
          }),
    minSessions: check.integer(item.minSessions, [...path, 'minSessions'], 1, 100, 1) ?? 1,
  };
}
