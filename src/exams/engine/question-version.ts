import { matchingOptions } from './response';
import { QuestionDefinition } from './question.types';

/**
 * Why stored answers cannot be replayed against a new version of a question, or null when
 * they can: answers refer to choices by position and to matching options by text, so those
 * must keep their shape (as Moodle refuses to regrade when the number of choices changes).
 */
export function regradeProblem(
  before: QuestionDefinition,
  after: QuestionDefinition,
): string | null {
  if (before.type !== after.type) return `the type changed from ${before.type} to ${after.type}`;
  if ((before.type === 'single' || before.type === 'multiple') && 'choices' in after) {
    if (before.choices.length !== after.choices.length)
      return `the number of choices changed from ${before.choices.length} to ${after.choices.length}`;
  }
  if (before.type === 'matching' && after.type === 'matching') {
    if (before.pairs.length !== after.pairs.length) return 'the number of pairs changed';
    const options = (question: typeof before): string =>
      JSON.stringify([...matchingOptions(question)].sort());
    if (options(before) !== options(after)) return 'the options offered on the right changed';
  }
  return null;
}

/**
 * The canonical text of everything that decides a grade or feedback, in a fixed key order;
 * its hash is the question's version.
 */
export function canonicalQuestion(question: QuestionDefinition): string {
  return JSON.stringify(question, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
}
