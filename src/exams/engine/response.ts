import { QuestionState } from './question-state';
import { MatchingQuestion, QuestionDefinition, QuestionResponse } from './question.types';

export const MAX_TEXT_LENGTH = { short: 500, numerical: 100, freetext: 20000 } as const;

type Mapping = Record<string, unknown>;
type Normalized = { ok: true; response: QuestionResponse } | { ok: false; reason: string };

/**
 * Checks a submitted response against its question and puts it in canonical form (sorted
 * choices, trimmed short answers), so the same answer always compares equal.
 */
export function normalizeResponse(question: QuestionDefinition, raw: unknown): Normalized {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, reason: 'the response must be an object' };
  const value = raw as Mapping;
  const keys = Object.keys(value);
  const only = (key: string): Normalized | null =>
    keys.length === 1 && keys[0] === key
      ? null
      : { ok: false, reason: `send exactly {"${key}": …}` };
  switch (question.type) {
    case 'single': {
      const wrongShape = only('choice');
      if (wrongShape) return wrongShape;
      if (value.choice === null) return { ok: true, response: { choice: null } };
      return isIndex(value.choice, question.choices.length)
        ? { ok: true, response: { choice: value.choice } }
        : {
            ok: false,
            reason: `choice must be null or a whole number below ${question.choices.length}`,
          };
    }
    case 'multiple': {
      const wrongShape = only('choices');
      if (wrongShape) return wrongShape;
      const choices = value.choices;
      if (
        !Array.isArray(choices) ||
        !choices.every((choice) => isIndex(choice, question.choices.length))
      )
        return {
          ok: false,
          reason: `choices must be a list of whole numbers below ${question.choices.length}`,
        };
      const unique = [...new Set(choices as number[])].sort((a, b) => a - b);
      return { ok: true, response: { choices: unique } };
    }
    case 'truefalse': {
      const wrongShape = only('answer');
      if (wrongShape) return wrongShape;
      return value.answer === null || typeof value.answer === 'boolean'
        ? { ok: true, response: { answer: value.answer } }
        : { ok: false, reason: 'answer must be true, false or null' };
    }
    case 'short':
    case 'numerical':
    case 'freetext': {
      const wrongShape = only('text');
      if (wrongShape) return wrongShape;
      const max = MAX_TEXT_LENGTH[question.type];
      if (typeof value.text !== 'string') return { ok: false, reason: 'text must be a string' };
      if (value.text.length > max)
        return { ok: false, reason: `text must be at most ${max} characters` };
      const text = question.type === 'freetext' ? value.text : value.text.trim();
      return { ok: true, response: { text } };
    }
    case 'matching':
      return normalizeMatches(question, value, only('matches'));
  }
}

function normalizeMatches(
  question: MatchingQuestion,
  value: Mapping,
  wrongShape: Normalized | null,
): Normalized {
  if (wrongShape) return wrongShape;
  const options = matchingOptions(question);
  const matches = value.matches;
  if (!Array.isArray(matches) || matches.length !== question.pairs.length)
    return { ok: false, reason: `matches must be a list of ${question.pairs.length} entries` };
  if (
    !matches.every(
      (match) => match === null || (typeof match === 'string' && options.includes(match)),
    )
  )
    return { ok: false, reason: 'each match must be null or one of the offered options' };
  return { ok: true, response: { matches: matches as (string | null)[] } };
}

/** The options offered on the right of a matching question, unique, in definition order. */
export function matchingOptions(question: MatchingQuestion): string[] {
  return [...new Set([...question.pairs.map((pair) => pair.right), ...question.distractors])];
}

function isIndex(value: unknown, length: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < length;
}

/** Moodle's is_same_response: saving what is already saved makes no new step. */
export function isSameResponse(a: QuestionResponse | null, b: QuestionResponse | null): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Whether anything was answered at all (Moodle's is_gradable_response). */
export function isGradableResponse(response: QuestionResponse | null): boolean {
  if (response === null) return false;
  if ('choice' in response) return response.choice !== null;
  if ('choices' in response) return response.choices.length > 0;
  if ('answer' in response) return response.answer !== null;
  if ('text' in response) return response.text.trim() !== '';
  return response.matches.some((match) => match !== null);
}

/** The state a saved response gives before the attempt is finished. */
export function savedStateFor(
  question: QuestionDefinition,
  response: QuestionResponse | null,
): QuestionState {
  if (!isGradableResponse(response) || response === null) return 'todo';
  if ('matches' in response && response.matches.includes(null)) return 'invalid';
  if (
    question.type === 'numerical' &&
    'text' in response &&
    parseNumber(response.text, question.unit) === null
  )
    return 'invalid';
  return 'complete';
}

const NUMBER = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?$/i;

/** A typed number: `3.5`, `3,5`, `-2e3`, optionally followed by the question's unit. */
export function parseNumber(text: string, unit: string | null): number | null {
  let value = text.trim();
  if (unit && value.toLowerCase().endsWith(unit.toLowerCase()))
    value = value.slice(0, value.length - unit.length).trim();
  if (!NUMBER.test(value)) return null;
  return Number(value.replace(',', '.'));
}

/** A one-line account of a response, for attempt lists, statistics and CSV (Moodle's summarise_response). */
export function summarizeResponse(
  question: QuestionDefinition,
  response: QuestionResponse | null,
): string {
  if (!isGradableResponse(response) || response === null) return '';
  if ('choice' in response && 'choices' in question)
    return question.choices[response.choice ?? 0]?.text ?? '';
  if ('choices' in response && 'choices' in question)
    return response.choices.map((index) => question.choices[index]?.text ?? '?').join('; ');
  if ('answer' in response) return response.answer ? 'True' : 'False';
  if ('text' in response) return response.text;
  if ('matches' in response && question.type === 'matching')
    return question.pairs
      .map((pair, i) => `${pair.left} → ${response.matches[i] ?? '–'}`)
      .join('; ');
  return '';
}
