import { GIFTQuestion, parse, TextFormat as GiftText } from 'gift-pegjs';
import { formatPath } from '../../content/content-issue';
import { parseQuestion } from '../engine/question.parser';
import { QuestionDefinition, TextFormat } from '../engine/question.types';
import { GiftBlock, normalizeForParser, splitGiftBlocks } from './gift-blocks';

/** A problem with one question of a GIFT file: its first line, the field and the reason. */
export interface GiftIssue {
  line: number;
  title: string | null;
  path?: string;
  reason: string;
}

export interface GiftImport {
  questions: QuestionDefinition[];
  issues: GiftIssue[];
  /** Blocks that are not questions (descriptions), with the line they start on. */
  skipped: { line: number; reason: string }[];
}

/** One block of a GIFT file as gift-pegjs read it (after Moodle's corrections), or why it could not. */
export type ParsedBlock =
  | { block: GiftBlock; question: GIFTQuestion; error: null }
  | { block: GiftBlock; question: null; error: GiftIssue };

export function parseGiftBlocks(source: string): ParsedBlock[] {
  return splitGiftBlocks(source).map((block) => {
    try {
      const parsed = parse(normalizeForParser(block.text)).filter(
        (item) => item.type !== 'Category',
      );
      if (parsed.length !== 1) throw new Error(`expected one question, found ${parsed.length}`);
      return { block, question: parsed[0], error: null };
    } catch (error) {
      const reason = `GIFT: ${(error as Error).message}`;
      return {
        block,
        question: null,
        error: { line: errorLine(block, error), title: titleOf(block.text), reason },
      };
    }
  });
}

/**
 * Imports a GIFT file question by question (gift-pegjs on each block, with Moodle's reading
 * where the two differ): good questions are kept, each bad one is reported with its line.
 */
export function importGift(
  source: string,
  options: { bankId: string; category?: string },
): GiftImport {
  const result: GiftImport = { questions: [], issues: [], skipped: [] };
  parseGiftBlocks(source).forEach(({ block, question, error }, index) => {
    const line = block.lines[0];
    if (error) return void result.issues.push(error);
    if (question.type === 'Category' || question.type === 'Description')
      return void result.skipped.push({
        line,
        reason: 'a description (no answer part), not a question',
      });
    const raw = toBankQuestion(question, block, {
      id: block.id ?? `${options.bankId}-${String(index + 1).padStart(3, '0')}`,
      category: block.category ?? options.category ?? options.bankId,
    });
    const checked = parseQuestion(raw);
    if (checked.ok) result.questions.push(checked.question);
    else
      result.issues.push(
        ...checked.issues.map((issue) => ({
          line,
          title: question.title,
          path: issue.path.length ? formatPath(issue.path) : undefined,
          reason: issue.reason,
        })),
      );
  });
  return result;
}

function errorLine(block: GiftBlock, error: unknown): number {
  const offset = (error as { location?: { start?: { line?: number } } }).location?.start?.line;
  return offset ? (block.lines[offset - 1] ?? block.lines[0]) : block.lines[0];
}

function titleOf(text: string): string | null {
  return /^\s*::((?:\\.|[^:])+)::/.exec(text)?.[1] ?? null;
}

const text = (value: GiftText | null | undefined): string | null => {
  const trimmed = value?.text.trim();
  return trimmed ? trimmed : null;
};

function formatOf(value: GiftText): TextFormat {
  // Moodle's own "auto-format" is plain text with line breaks kept.
  return value.format === 'html' || value.format === 'markdown' ? value.format : 'plain';
}

/** A gift-pegjs question as a bank question (the YAML shape), with Moodle's semantics. */
function toBankQuestion(
  question: Exclude<GIFTQuestion, { type: 'Category' | 'Description' }>,
  block: GiftBlock,
  ids: { id: string; category: string },
): Record<string, unknown> {
  const common = {
    id: ids.id,
    category: ids.category,
    tags: block.tags,
    title: question.title,
    prompt: question.stem.text.trim(),
    format: formatOf(question.stem),
    generalFeedback: text(question.globalFeedback),
  };
  // Grade on the weight when one is given (`~%50%yellow` is half right although written with ~).
  const fraction = (choice: { weight: number | null; isCorrect: boolean }): number =>
    choice.weight !== null ? choice.weight / 100 : choice.isCorrect ? 1 : 0;
  switch (question.type) {
    case 'MC':
      return {
        ...common,
        // As Moodle: one answer written with `=` makes it single choice, otherwise several may be picked.
        type: question.choices.some((choice) => choice.isCorrect) ? 'single' : 'multiple',
        choices: question.choices.map((choice) => ({
          text: choice.text.text,
          fraction: fraction(choice),
          feedback: text(choice.feedback),
        })),
      };
    case 'TF':
      // Moodle reads `{TRUE#a#b}` as: a = feedback for a wrong answer, b = for the right one;
      // gift-pegjs calls the first one trueFeedback whatever the answer, so swap it for TRUE.
      return {
        ...common,
        type: 'truefalse',
        answer: question.isTrue,
        feedbackTrue: text(question.isTrue ? question.falseFeedback : question.trueFeedback),
        feedbackFalse: text(question.isTrue ? question.trueFeedback : question.falseFeedback),
      };
    case 'Short':
      return {
        ...common,
        type: 'short',
        caseSensitive: false,
        answers: question.choices.map((choice) => ({
          text: choice.text.text,
          fraction: fraction(choice),
          feedback: text(choice.feedback),
        })),
      };
    case 'Numerical': {
      const choices = Array.isArray(question.choices)
        ? question.choices
        : [{ isCorrect: true, weight: null, text: question.choices, feedback: null }];
      return {
        ...common,
        type: 'numerical',
        answers: choices.map((choice) => {
          const base = { fraction: fraction(choice), feedback: text(choice.feedback) };
          const value = choice.text;
          if (!('type' in value)) return { ...base, any: true };
          if (value.type === 'high-low')
            return { ...base, min: value.numberLow, max: value.numberHigh };
          return {
            ...base,
            value: value.number,
            tolerance: value.type === 'range' ? value.range : 0,
          };
        }),
      };
    }
    case 'Matching':
      return {
        ...common,
        type: 'matching',
        // A pair with an empty left side only adds a wrong option on the right (Moodle).
        pairs: question.matchPairs
          .filter((pair) => pair.subquestion.text.trim() !== '')
          .map((pair) => ({ left: pair.subquestion.text.trim(), right: pair.subanswer })),
        distractors: question.matchPairs
          .filter((pair) => pair.subquestion.text.trim() === '')
          .map((pair) => pair.subanswer),
      };
    case 'Essay':
      // A GIFT essay has no rubric: a trainer marks it.
      return { ...common, type: 'freetext', review: 'required' };
  }
}
