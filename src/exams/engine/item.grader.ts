import {
  FreeTextScorer,
  ItemGrade,
  NumericalAnswer,
  NumericalQuestion,
  QuestionDefinition,
  QuestionResponse,
  ShortAnswerQuestion,
} from './question.types';
import { parseNumber } from './response';

/** Whether the question can be graded without a person (a free-text answer needs a rubric). */
export function canGradeAutomatically(question: QuestionDefinition): boolean {
  return question.type !== 'freetext' || question.rubric !== null || question.rubricId !== null;
}

/**
 * Grades one gradable response (Moodle's grade_response): a fraction from 0 to 1. Negative
 * choice weights lower a question's fraction but never below 0, so no question costs marks
 * earned on another.
 */
export function gradeResponse(
  question: QuestionDefinition,
  response: QuestionResponse,
  scoreFreeText: FreeTextScorer,
): ItemGrade {
  switch (question.type) {
    case 'single':
      return graded(
        'choice' in response && response.choice !== null
          ? question.choices[response.choice].fraction
          : 0,
      );
    case 'multiple': {
      const chosen = 'choices' in response ? response.choices : [];
      return graded(chosen.reduce((sum, index) => sum + question.choices[index].fraction, 0));
    }
    case 'truefalse':
      return graded('answer' in response && response.answer === question.answer ? 1 : 0);
    case 'short': {
      const matched = matchShortAnswer(question, 'text' in response ? response.text : '');
      return { ...graded(matched === null ? 0 : question.answers[matched].fraction), matched };
    }
    case 'numerical': {
      const matched = matchNumericalAnswer(question, 'text' in response ? response.text : '');
      return { ...graded(matched === null ? 0 : question.answers[matched].fraction), matched };
    }
    case 'matching': {
      const matches = 'matches' in response ? response.matches : [];
      const right = question.pairs.filter((pair, i) => matches[i] === pair.right).length;
      return graded(right / question.pairs.length);
    }
    case 'freetext': {
      const score = scoreFreeText(question, 'text' in response ? response.text : '');
      return { ...graded(score.overall / 100), score };
    }
  }
}

// Not rounded: 2/3 of a 3-mark question must give exactly 2 marks (marks are rounded instead).
function graded(fraction: number): ItemGrade {
  return { fraction: Math.min(1, Math.max(0, fraction)), matched: null };
}

/** The first accepted answer the text matches, in the order the author listed them (as Moodle). */
export function matchShortAnswer(question: ShortAnswerQuestion, text: string): number | null {
  const given = collapse(text);
  if (given === '') return null;
  const index = question.answers.findIndex((answer) =>
    wildcardPattern(collapse(answer.text), question.caseSensitive).test(given),
  );
  return index < 0 ? null : index;
}

function collapse(text: string): string {
  return text.trim().replace(/\s+/gu, ' ');
}

/** `*` stands for any run of characters; `\*` is a literal star. */
function wildcardPattern(answer: string, caseSensitive: boolean): RegExp {
  const parts = answer
    .split(/(?<!\\)\*/u)
    .map((part) => part.replace(/\\\*/gu, '*').replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`, caseSensitive ? 'u' : 'iu');
}

/** The first answer whose value ± tolerance or range holds the number typed. */
export function matchNumericalAnswer(question: NumericalQuestion, text: string): number | null {
  const value = parseNumber(text, question.unit);
  const index = question.answers.findIndex((answer) => numberMatches(answer, value));
  return index < 0 ? null : index;
}

function numberMatches(answer: NumericalAnswer, value: number | null): boolean {
  if ('any' in answer) return true;
  if (value === null) return false;
  const [min, max] =
    'value' in answer
      ? [answer.value - answer.tolerance, answer.value + answer.tolerance]
      : [answer.min, answer.max];
  // Binary floating point: 3.1415 + 0.0005 is 3.1420000000000003; allow that last-bit slack.
  const slack = 1e-9 * Math.max(1, Math.abs(min), Math.abs(max));
  return value >= min - slack && value <= max + slack;
}
