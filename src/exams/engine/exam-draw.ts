import { QuestionDefinition, QuestionType } from './question.types';
import { matchingOptions } from './response';
import { seededRandom, shuffled } from './seeded-random';

/** Which questions a section may draw: all conditions given must hold (every tag listed). */
export interface QuestionSource {
  bank?: string;
  category?: string;
  tags?: string[];
  types?: QuestionType[];
}

export interface ExamSection {
  title: string;
  draw: number;
  from: QuestionSource;
}

export interface ExamBlueprint {
  sections: ExamSection[];
  shuffleQuestions: boolean;
  shuffleChoices: boolean;
}

export interface PoolQuestion {
  bankId: string;
  question: QuestionDefinition;
}

/** One drawn question as the attempt shows it. */
export interface DrawnSlot {
  /** 1-based position in the attempt as shown. */
  slot: number;
  section: number;
  /** Position within its section's draw: the same "item" in every attempt, for statistics. */
  position: number;
  questionId: string;
  /** Display order of choices (positions in the definition), for single and multiple choice. */
  choiceOrder: number[] | null;
  /** Display order of the options on the right of a matching question. */
  optionOrder: string[] | null;
}

export function matchesSource(candidate: PoolQuestion, from: QuestionSource): boolean {
  const { question } = candidate;
  return (
    (from.bank === undefined || candidate.bankId === from.bank) &&
    (from.category === undefined || question.category === from.category) &&
    (from.tags ?? []).every((tag) => question.tags.includes(tag)) &&
    (from.types === undefined || from.types.includes(question.type))
  );
}

/**
 * Assigns distinct questions to every section slot (Kuhn's augmenting paths), trying each
 * section's candidates in the given order. Null when the pool cannot satisfy the sections,
 * even where sections overlap.
 */
export function assignQuestions(
  sections: readonly ExamSection[],
  candidates: readonly PoolQuestion[][],
): PoolQuestion[][] | null {
  const seats = sections.flatMap((section, index) =>
    Array.from({ length: section.draw }, () => index),
  );
  const holder = new Map<string, number>();
  const seatOf: (PoolQuestion | undefined)[] = [];
  const tryAssign = (seat: number, visited: Set<string>): boolean => {
    for (const candidate of candidates[seats[seat]]) {
      const id = candidate.question.id;
      if (visited.has(id)) continue;
      visited.add(id);
      const current = holder.get(id);
      if (current === undefined || tryAssign(current, visited)) {
        holder.set(id, seat);
        seatOf[seat] = candidate;
        return true;
      }
    }
    return false;
  };
  for (let seat = 0; seat < seats.length; seat++) if (!tryAssign(seat, new Set())) return null;
  return sections.map(
    (_section, index) =>
      seatOf.filter((_candidate, seat) => seats[seat] === index) as PoolQuestion[],
  );
}

/**
 * Draws an attempt's questions from the pool with a seed: the same blueprint, pool and seed
 * always give the same questions in the same order with the same choice order.
 */
export function drawAttempt(input: {
  blueprint: ExamBlueprint;
  pool: readonly PoolQuestion[];
  seed: string;
}): DrawnSlot[] | null {
  const { blueprint, pool } = input;
  const random = seededRandom(input.seed);
  const candidates = blueprint.sections.map((section) =>
    shuffled(
      pool.filter((item) => matchesSource(item, section.from)),
      random,
    ),
  );
  const drawn = assignQuestions(blueprint.sections, candidates);
  if (!drawn) return null;
  const poolOrder = new Map(pool.map((item, index) => [item.question.id, index]));
  let entries = drawn.flatMap((questions, section) =>
    questions.map((item, position) => ({ item, section, position })),
  );
  // Without shuffling, questions appear section by section in bank order.
  entries = blueprint.shuffleQuestions
    ? shuffled(entries, random)
    : entries.sort(
        (a, b) =>
          a.section - b.section ||
          (poolOrder.get(a.item.question.id) ?? 0) - (poolOrder.get(b.item.question.id) ?? 0),
      );
  return entries.map(({ item, section, position }, index) => {
    const question = item.question;
    const choices = 'choices' in question ? question.choices.map((_choice, i) => i) : null;
    return {
      slot: index + 1,
      section,
      position,
      questionId: question.id,
      choiceOrder: choices && (blueprint.shuffleChoices ? shuffled(choices, random) : choices),
      // Matching options are always shuffled: in definition order they would give the key away.
      optionOrder:
        question.type === 'matching' ? shuffled(matchingOptions(question), random) : null,
    };
  });
}
