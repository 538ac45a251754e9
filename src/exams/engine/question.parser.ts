import { choiceOf, numericalOf, shortAnswerOf } from './answer.parser';
import { roundFraction } from './question-state';
import { QUESTION_TYPES, QuestionDefinition, QuestionType, TextFormat } from './question.types';
import { Checker, Mapping, Path } from './value-checker';

export interface QuestionIssue {
  path: Path;
  reason: string;
}

const COMMON_KEYS = [
  'id',
  'type',
  'category',
  'tags',
  'prompt',
  'mark',
  'generalFeedback',
  'title',
  'format',
];
const TYPE_KEYS: Record<QuestionType, string[]> = {
  single: ['choices'],
  multiple: ['choices'],
  truefalse: ['answer', 'feedbackTrue', 'feedbackFalse'],
  short: ['caseSensitive', 'answers'],
  numerical: ['answers', 'unit'],
  matching: ['pairs', 'distractors'],
  freetext: ['review', 'rubric', 'rubricId', 'modelAnswer'],
};
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;
const FRACTION_SLACK = 1e-3;

/**
 * Validates one question as written in a bank (YAML, or a GIFT question after conversion) and
 * fills the defaults. Every problem is reported with the path of its field.
 */
export function parseQuestion(
  raw: unknown,
): { ok: true; question: QuestionDefinition } | { ok: false; issues: QuestionIssue[] } {
  const check = new Checker();
  const typeValue = (raw as Mapping | null)?.type;
  const type = QUESTION_TYPES.find((candidate) => candidate === typeValue);
  const root = check.mapping(raw, [], type ? [...COMMON_KEYS, ...TYPE_KEYS[type]] : undefined);
  if (!root) return { ok: false, issues: check.issues };
  if (!type) check.fail(['type'], `must be one of ${QUESTION_TYPES.join(', ')}`);
  const id = check.string(root.id, ['id']);
  if (id !== undefined && !ID.test(id))
    check.fail(['id'], 'use letters, digits, ".", "_" or "-" (at most 80 characters)');
  const common = {
    id: id ?? '',
    category: check.string(root.category, ['category']) ?? '',
    tags: check
      .optionalList(root.tags, ['tags'])
      .map((tag, i) => check.string(tag, ['tags', i]) ?? ''),
    prompt: check.string(root.prompt, ['prompt']) ?? '',
    format: formatOf(check, root.format),
    mark: check.optionalNumber(root.mark, ['mark'], { min: 0.01, max: 1000, fallback: 1 }),
    generalFeedback: check.optionalString(root.generalFeedback, ['generalFeedback']),
    title: check.optionalString(root.title, ['title']),
  };
  if (!type) return { ok: false, issues: check.issues };
  const question = typed(check, type, root, common);
  return check.issues.length || !question
    ? { ok: false, issues: check.issues }
    : { ok: true, question };
}

type Common = Omit<QuestionDefinition, 'type'>;

function typed(
  check: Checker,
  type: QuestionType,
  root: Mapping,
  common: Common,
): QuestionDefinition | null {
  switch (type) {
    case 'single':
    case 'multiple': {
      const choices = check
        .list(root.choices, ['choices'], 2)
        .map((item, i) => choiceOf(check, item, ['choices', i]));
      noDuplicates(
        check,
        choices.map((choice) => choice.text),
        'choices',
        'text',
      );
      if (type === 'single') requireFullMarks(check, choices, ['choices'], 'one choice');
      else {
        const positive = choices.reduce((sum, choice) => sum + Math.max(0, choice.fraction), 0);
        if (Math.abs(positive - 1) > FRACTION_SLACK)
          check.fail(
            ['choices'],
            `the positive fractions must add up to 1 (they add up to ${roundFraction(positive)})`,
          );
      }
      return { ...common, type, choices };
    }
    case 'truefalse': {
      const answer = check.boolean(root.answer, ['answer']);
      return {
        ...common,
        type,
        answer: answer ?? true,
        feedbackTrue: check.optionalString(root.feedbackTrue, ['feedbackTrue']),
        feedbackFalse: check.optionalString(root.feedbackFalse, ['feedbackFalse']),
      };
    }
    case 'short': {
      const answers = check
        .list(root.answers, ['answers'], 1)
        .map((item, i) => shortAnswerOf(check, item, ['answers', i]));
      requireFullMarks(check, answers, ['answers'], 'one answer');
      const caseSensitive =
        root.caseSensitive === undefined
          ? false
          : check.boolean(root.caseSensitive, ['caseSensitive']);
      return { ...common, type, caseSensitive: caseSensitive ?? false, answers };
    }
    case 'numerical': {
      const answers = check
        .list(root.answers, ['answers'], 1)
        .map((item, i) => numericalOf(check, item, ['answers', i]));
      requireFullMarks(check, answers, ['answers'], 'one answer');
      return { ...common, type, answers, unit: check.optionalString(root.unit, ['unit']) };
    }
    case 'matching': {
      const pairs = check.list(root.pairs, ['pairs'], 2).map((item, i) => {
        const pair = check.mapping(item, ['pairs', i], ['left', 'right']);
        return {
          left: check.string(pair?.left, ['pairs', i, 'left']) ?? '',
          right: check.string(pair?.right, ['pairs', i, 'right']) ?? '',
        };
      });
      noDuplicates(
        check,
        pairs.map((pair) => pair.left),
        'pairs',
        'left',
      );
      const distractors = check
        .optionalList(root.distractors, ['distractors'])
        .map((item, i) => check.string(item, ['distractors', i]) ?? '');
      distractors.forEach((text, i) => {
        if (pairs.some((pair) => pair.right === text))
          check.fail(['distractors', i], 'is also the right answer of a pair');
      });
      return { ...common, type, pairs, distractors };
    }
    case 'freetext': {
      const review = root.review === undefined ? 'required' : root.review;
      if (review !== 'required' && review !== 'none')
        check.fail(['review'], 'must be required or none');
      const rubric = root.rubric ?? undefined;
      const rubricId = root.rubricId ?? undefined;
      if (rubric !== undefined && rubricId !== undefined)
        check.fail(['rubricId'], 'give rubric or rubricId, not both');
      if (rubric !== undefined && typeof rubric !== 'object')
        check.fail(['rubric'], 'must be a rubric (a mapping)');
      if (rubric === undefined && rubricId === undefined && review !== 'required')
        check.fail(
          ['rubric'],
          'give a rubric or rubricId, or set review: required to mark by hand',
        );
      return {
        ...common,
        type,
        review: review === 'none' ? 'none' : 'required',
        rubric: rubric ?? null,
        rubricId: check.optionalString(root.rubricId, ['rubricId']),
        modelAnswer: check.optionalString(root.modelAnswer, ['modelAnswer']),
      };
    }
  }
}

function formatOf(check: Checker, value: unknown): TextFormat {
  if (value === undefined) return 'markdown';
  if (value === 'plain' || value === 'markdown' || value === 'html') return value;
  check.fail(['format'], 'must be plain, markdown or html');
  return 'markdown';
}

function requireFullMarks(
  check: Checker,
  items: { fraction: number }[],
  path: Path,
  what: string,
): void {
  if (items.length && !items.some((item) => item.fraction === 1))
    check.fail(path, `${what} must have fraction 1`);
}

function noDuplicates(check: Checker, texts: string[], list: string, field: string): void {
  texts.forEach((text, i) => {
    if (texts.indexOf(text) !== i) check.fail([list, i, field], `"${text}" is listed twice`);
  });
}
