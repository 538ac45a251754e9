import { Checker, ExamSection, Path, QUESTION_TYPES, QuestionType } from './engine';

export const REVIEW_POLICIES = ['never', 'after-submit', 'after-close'] as const;
export type ReviewPolicy = (typeof REVIEW_POLICIES)[number];

/** An exam as authored in content/exams/<id>.yaml. */
export interface ExamDefinition {
  id: string;
  title: string;
  description: string | null;
  timeLimitMinutes: number;
  /** Percentage needed to pass. */
  passMark: number;
  /** 0 means no limit. */
  attemptsAllowed: number;
  waitBetweenAttemptsHours: number;
  /** When answers, keys and feedback may be shown to the person who took the exam. */
  reviewPolicy: ReviewPolicy;
  closesAt: Date | null;
  shuffleQuestions: boolean;
  shuffleChoices: boolean;
  sections: ExamSection[];
  /** Positions or certifications this exam is required for (informational). */
  requiredFor: string[];
}

const KEYS = [
  'id',
  'title',
  'description',
  'timeLimitMinutes',
  'passMark',
  'attemptsAllowed',
  'waitBetweenAttemptsHours',
  'reviewPolicy',
  'closesAt',
  'shuffleQuestions',
  'shuffleChoices',
  'sections',
  'requiredFor',
];
export const EXAM_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Path segments of /api/exams/… that are not exam ids.
export const RESERVED_EXAM_IDS = ['banks', 'attempts', 'grading', 'questions', 'authoring'];

export function parseExamDefinition(
  raw: unknown,
): { ok: true; exam: ExamDefinition } | { ok: false; issues: { path: Path; reason: string }[] } {
  const check = new Checker();
  const root = check.mapping(raw, [], KEYS);
  if (!root) return { ok: false, issues: check.issues };
  const id = check.string(root.id, ['id']) ?? '';
  if (id && (!EXAM_ID.test(id) || RESERVED_EXAM_IDS.includes(id)))
    check.fail(['id'], `use lower-case words joined by "-" (not ${RESERVED_EXAM_IDS.join(', ')})`);
  const reviewPolicy = REVIEW_POLICIES.find((policy) => policy === root.reviewPolicy);
  if (!reviewPolicy) check.fail(['reviewPolicy'], `must be one of ${REVIEW_POLICIES.join(', ')}`);
  const closesAt = dateOf(check, root.closesAt);
  if (reviewPolicy === 'after-close' && !closesAt)
    check.fail(['closesAt'], 'is required when reviewPolicy is after-close');
  const flag = (key: string): boolean =>
    root[key] === undefined ? true : (check.boolean(root[key], [key]) ?? true);
  const exam: ExamDefinition = {
    id,
    title: check.string(root.title, ['title']) ?? '',
    description: check.optionalString(root.description, ['description']),
    timeLimitMinutes: check.integer(root.timeLimitMinutes, ['timeLimitMinutes'], 1, 600) ?? 60,
    passMark:
      root.passMark === undefined
        ? (check.fail(['passMark'], 'is required') ?? 0)
        : check.optionalNumber(root.passMark, ['passMark'], { min: 0, max: 100, fallback: 0 }),
    attemptsAllowed: check.integer(root.attemptsAllowed, ['attemptsAllowed'], 0, 100, 0) ?? 0,
    waitBetweenAttemptsHours:
      check.integer(root.waitBetweenAttemptsHours, ['waitBetweenAttemptsHours'], 0, 8760, 0) ?? 0,
    reviewPolicy: reviewPolicy ?? 'never',
    closesAt,
    shuffleQuestions: flag('shuffleQuestions'),
    shuffleChoices: flag('shuffleChoices'),
    sections: check
      .list(root.sections, ['sections'], 1)
      .map((item, i) => sectionOf(check, item, ['sections', i])),
    requiredFor: check
      .optionalList(root.requiredFor, ['requiredFor'])
      .map((item, i) => check.string(item, ['requiredFor', i]) ?? ''),
  };
  return check.issues.length ? { ok: false, issues: check.issues } : { ok: true, exam };
}

function sectionOf(check: Checker, raw: unknown, path: Path): ExamSection {
  const section = check.mapping(raw, path, ['title', 'draw', 'from']) ?? {};
  const from =
    check.mapping(section.from ?? {}, [...path, 'from'], ['bank', 'category', 'tags', 'types']) ??
    {};
  const optional = (key: string): string | undefined =>
    from[key] === undefined ? undefined : check.string(from[key], [...path, 'from', key]);
  const tags =
    from.tags === undefined ? undefined : check.list(from.tags, [...path, 'from', 'tags']);
  const types =
    from.types === undefined ? undefined : check.list(from.types, [...path, 'from', 'types'], 1);
  const typeOf = (value: unknown, i: number): QuestionType => {
    const type = QUESTION_TYPES.find((candidate) => candidate === value);
    if (!type)
      check.fail([...path, 'from', 'types', i], `must be one of ${QUESTION_TYPES.join(', ')}`);
    return type ?? 'single';
  };
  return {
    title: check.string(section.title, [...path, 'title']) ?? '',
    draw: check.integer(section.draw, [...path, 'draw'], 1, 200) ?? 1,
    from: {
      ...(optional('bank') !== undefined ? { bank: optional('bank') } : {}),
      ...(optional('category') !== undefined ? { category: optional('category') } : {}),
      ...(tags
        ? { tags: tags.map((tag, i) => check.string(tag, [...path, 'from', 'tags', i]) ?? '') }
        : {}),
      ...(types ? { types: types.map(typeOf) } : {}),
    },
  };
}

function dateOf(check: Checker, value: unknown): Date | null {
  if (value === undefined || value === null) return null;
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    check.fail(['closesAt'], 'must be a date and time such as 2027-06-30T17:00:00Z');
    return null;
  }
  return date;
}
