import { DIMENSIONS, Dimension } from '../../scoring/engine';
import {
  DimensionMinimums,
  ExamRequirement,
  Programme,
  RequirementSet,
  SIGNER_ROLES,
  SignerRole,
  SignOffRequirement,
  SimulationRequirement,
} from './programme.types';

export type Path = (string | number)[];
export interface ParseIssue {
  path: Path;
  reason: string;
}
type Mapping = Record<string, unknown>;

export const PROGRAMME_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ROOT_KEYS = [
  'id',
  'version',
  'title',
  'description',
  'validityMonths',
  'renewalWindowDays',
  'requirements',
  'renewal',
];
const SET_KEYS = ['courses', 'exams', 'simulations', 'signOff'];

// Collects every problem with its field path instead of stopping at the first.
class Reader {
  readonly issues: ParseIssue[] = [];

  fail(path: Path, reason: string): undefined {
    this.issues.push({ path, reason });
    return undefined;
  }

  mapping(value: unknown, path: Path, keys: readonly string[]): Mapping | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return this.fail(path, 'must be a mapping');
    const mapping = value as Mapping;
    for (const key of Object.keys(mapping))
      if (!keys.includes(key)) this.fail([...path, key], 'is not a known field');
    return mapping;
  }

  text(value: unknown, path: Path, maxLength = 2000): string | undefined {
    if (value === undefined || value === null) return this.fail(path, 'is required');
    if (typeof value !== 'string' || value.trim() === '')
      return this.fail(path, 'must be a non-empty text');
    if (value.length > maxLength) return this.fail(path, `must be at most ${maxLength} characters`);
    return value.trim();
  }

  id(value: unknown, path: Path): string | undefined {
    const text = this.text(value, path, 80);
    if (text !== undefined && !PROGRAMME_ID.test(text))
      return this.fail(path, 'must be lower-case words joined by "-"');
    return text;
  }

  integer(value: unknown, path: Path, min: number, max: number): number | undefined {
    if (value === undefined || value === null) return this.fail(path, 'is required');
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
      return this.fail(path, `must be a whole number from ${min} to ${max}`);
    return value;
  }

  percentage(value: unknown, path: Path): number | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100)
      return this.fail(path, 'must be a number from 0 to 100');
    return value;
  }

  /** An optional yes/no field: false when absent. */
  flag(value: unknown, path: Path): boolean {
    if (value === undefined) return false;
    if (typeof value !== 'boolean') return this.fail(path, 'must be true or false') ?? false;
    return value;
  }

  list(value: unknown, path: Path): unknown[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) return this.fail(path, 'must be a list') ?? [];
    return value;
  }
}

/**
 * Checks a parsed programme file and returns the programme, or every problem with its field
 * path. References to courses, exams and scenarios are checked later, against the catalogue.
 */
export function parseProgramme(
  raw: unknown,
): { ok: true; programme: Programme } | { ok: false; issues: ParseIssue[] } {
  const read = new Reader();
  const root = read.mapping(raw, [], ROOT_KEYS);
  if (!root) return { ok: false, issues: read.issues };
  const validityMonths = read.integer(root.validityMonths, ['validityMonths'], 1, 120);
  const renewalWindowDays = read.integer(root.renewalWindowDays, ['renewalWindowDays'], 1, 365);
  if (
    validityMonths !== undefined &&
    renewalWindowDays !== undefined &&
    renewalWindowDays >= validityMonths * 28
  )
    read.fail(['renewalWindowDays'], 'must be shorter than the validity period');
  if (root.requirements === undefined) read.fail(['requirements'], 'is required');
  const requirements = requirementSet(read, root.requirements ?? {}, ['requirements']);
  const renewal =
    root.renewal === undefined ? requirements : requirementSet(read, root.renewal, ['renewal']);
  const programme: Programme = {
    id: read.id(root.id, ['id']) ?? '',
    version: read.integer(root.version, ['version'], 1, 10000) ?? 1,
    title: read.text(root.title, ['title'], 120) ?? '',
    description: read.text(root.description, ['description']) ?? '',
    validityMonths: validityMonths ?? 12,
    renewalWindowDays: renewalWindowDays ?? 30,
    requirements,
    renewal,
  };
  return read.issues.length
    ? { ok: false, issues: read.issues }
    : { ok: true, programme: programme };
}

function requirementSet(read: Reader, raw: unknown, path: Path): RequirementSet {
  const set = read.mapping(raw, path, SET_KEYS) ?? {};
  const courses = read
    .list(set.courses, [...path, 'courses'])
    .map((course, i) => read.id(course, [...path, 'courses', i]) ?? '');
  const exams = read
    .list(set.exams, [...path, 'exams'])
    .map((exam, i) => examRequirement(read, exam, [...path, 'exams', i]));
  const simulations = read
    .list(set.simulations, [...path, 'simulations'])
    .map((item, i) => simulationRequirement(read, item, [...path, 'simulations', i]));
  const signOff =
    set.signOff === undefined ? null : signOffRequirement(read, set.signOff, [...path, 'signOff']);
  duplicates(read, courses, [...path, 'courses']);
  duplicates(
    read,
    exams.map((exam) => exam.exam),
    [...path, 'exams'],
  );
  if (courses.length + exams.length + simulations.length === 0 && !signOff && raw !== undefined)
    read.fail(path, 'needs at least one course, exam, simulation or sign-off');
  return { courses, exams, simulations, signOff };
}

function duplicates(read: Reader, ids: string[], path: Path): void {
  ids.forEach((id, index) => {
    if (id && ids.indexOf(id) !== index) read.fail([...path, index], `"${id}" is listed twice`);
  });
}

function examRequirement(read: Reader, raw: unknown, path: Path): ExamRequirement {
  if (typeof raw === 'string') return { exam: read.id(raw, path) ?? '', minimumGrade: null };
  const item = read.mapping(raw, path, ['exam', 'minimumGrade', 'writtenInApp']) ?? {};
  const writtenInApp = read.flag(item.writtenInApp, [...path, 'writtenInApp']);
  return {
    exam: read.id(item.exam, [...path, 'exam']) ?? '',
    minimumGrade:
      item.minimumGrade === undefined
        ? null
        : (read.percentage(item.minimumGrade, [...path, 'minimumGrade']) ?? null),
    ...(writtenInApp ? { writtenInApp } : {}),
  };
}

function simulationRequirement(read: Reader, raw: unknown, path: Path): SimulationRequirement {
  const item =
    read.mapping(raw, path, [
      'scenario',
      'tag',
      'count',
      'minimumScore',
      'minimumScores',
      'writtenInApp',
    ]) ?? {};
  const writtenInApp = read.flag(item.writtenInApp, [...path, 'writtenInApp']);
  if (writtenInApp && item.tag !== undefined)
    read.fail(
      [...path, 'writtenInApp'],
      'only goes with a named scenario (a tag already counts the scenarios of both kinds)',
    );
  const scenario =
    item.scenario === undefined ? null : (read.id(item.scenario, [...path, 'scenario']) ?? null);
  const tag = item.tag === undefined ? null : (read.id(item.tag, [...path, 'tag']) ?? null);
  if ((item.scenario === undefined) === (item.tag === undefined))
    read.fail(path, 'name either a scenario or a tag (with a count)');
  if (item.scenario !== undefined && item.count !== undefined)
    read.fail([...path, 'count'], 'only goes with a tag');
  const count =
    item.tag !== undefined && item.count !== undefined
      ? (read.integer(item.count, [...path, 'count'], 1, 50) ?? 1)
      : 1;
  return {
    scenario,
    tag,
    count,
    minimumScore:
      item.minimumScore === undefined
        ? null
        : (read.percentage(item.minimumScore, [...path, 'minimumScore']) ?? null),
    minimumScores: dimensionMinimums(read, item.minimumScores, [...path, 'minimumScores']),
    ...(writtenInApp ? { writtenInApp } : {}),
  };
}

function dimensionMinimums(read: Reader, raw: unknown, path: Path): DimensionMinimums {
  if (raw === undefined) return {};
  const mapping = read.mapping(raw, path, DIMENSIONS) ?? {};
  const minimums: DimensionMinimums = {};
  for (const [key, value] of Object.entries(mapping)) {
    if (!DIMENSIONS.includes(key as Dimension)) continue;
    const minimum = read.percentage(value, [...path, key]);
    if (minimum !== undefined) minimums[key as Dimension] = minimum;
  }
  return minimums;
}

function signOffRequirement(read: Reader, raw: unknown, path: Path): SignOffRequirement {
  const item = read.mapping(raw, path, ['title', 'checklist', 'signedBy']) ?? {};
  const checklist = read.list(item.checklist, [...path, 'checklist']);
  if (checklist.length < 1 || checklist.length > 20)
    read.fail([...path, 'checklist'], 'needs from 1 to 20 items');
  const items = checklist.map((entry, i) => {
    const at = [...path, 'checklist', i];
    const mapping = read.mapping(entry, at, ['id', 'text']) ?? {};
    return {
      id: read.id(mapping.id, [...at, 'id']) ?? '',
      text: read.text(mapping.text, [...at, 'text'], 300) ?? '',
    };
  });
  duplicates(
    read,
    items.map((entry) => entry.id),
    [...path, 'checklist'],
  );
  return {
    title: read.text(item.title, [...path, 'title'], 120) ?? '',
    checklist: items,
    signedBy: signers(read, item.signedBy, [...path, 'signedBy']),
  };
}

/** The roles that may sign: a non-empty list from SIGNER_ROLES; a supervisor when not given. */
function signers(read: Reader, raw: unknown, path: Path): SignerRole[] {
  if (raw === undefined) return ['supervisor'];
  const list = read.list(raw, path);
  if (Array.isArray(raw) && list.length === 0) read.fail(path, 'needs at least one role');
  const roles: SignerRole[] = [];
  list.forEach((role, i) => {
    if (!SIGNER_ROLES.includes(role as SignerRole))
      read.fail([...path, i], `must be one of ${SIGNER_ROLES.join(', ')}`);
    else if (roles.includes(role as SignerRole)) read.fail([...path, i], 'is listed twice');
    else roles.push(role as SignerRole);
  });
  return roles;
}
