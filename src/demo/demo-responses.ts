import type { CheckQuestion } from '../courses/course-definition';
import type { QuestionDefinition, QuestionResponse } from '../exams/engine';
import type { DialogueStep, Scenario } from '../simulations/engine';
import type { ReplyQuality } from './demo-cohort';

// What the demo trainees answer, worked out from the content itself (the keys of knowledge
// checks and exam items, the model answers of role-play steps), so it stays right when the
// content changes. Plain data in, plain data out.

/** Choice indexes of a knowledge-check question: all the correct ones, or one wrong one. */
export function checkAnswer(question: CheckQuestion, right: boolean): number[] {
  const correct = question.choices.flatMap((choice, index) => (choice.correct ? [index] : []));
  if (right) return correct;
  const wrong = question.choices.findIndex((choice) => !choice.correct);
  return [wrong < 0 ? 0 : wrong];
}

/** A response to an exam item (choice positions as in the definition), full marks or not. */
export function examResponse(question: QuestionDefinition, right: boolean): QuestionResponse {
  switch (question.type) {
    case 'single': {
      const fractions = question.choices.map((choice) => choice.fraction);
      const pick = right ? Math.max(...fractions) : Math.min(...fractions);
      return { choice: fractions.indexOf(pick) };
    }
    case 'multiple': {
      const picks = question.choices.flatMap((choice, index) =>
        (right ? choice.fraction > 0 : choice.fraction <= 0) ? [index] : [],
      );
      return { choices: picks.length > 0 ? picks : [0] };
    }
    case 'truefalse':
      return { answer: right ? question.answer : !question.answer };
    case 'short': {
      const best = [...question.answers].sort((a, b) => b.fraction - a.fraction)[0];
      // `*` matches any run of characters: the text without it is one of the matches.
      return { text: right && best ? best.text.replace(/\*/g, '').trim() : 'I am not sure' };
    }
    case 'numerical': {
      const best = [...question.answers].sort((a, b) => b.fraction - a.fraction)[0];
      if (!right || !best) return { text: '-987654' };
      const value = 'value' in best ? best.value : 'min' in best ? (best.min + best.max) / 2 : 0;
      return { text: String(value) };
    }
    case 'matching': {
      const rights = question.pairs.map((pair) => pair.right);
      // A wrong attempt shifts every answer one place along.
      return { matches: right ? rights : rights.map((_, i) => rights[(i + 1) % rights.length]) };
    }
    case 'freetext':
      return {
        text: right
          ? (question.modelAnswer ?? question.generalFeedback ?? 'I will look into it.')
          : 'Not sure, you would have to ask someone else about that.',
      };
  }
}

// Weak replies: short, dismissive, no greeting, no empathy, no ownership.
const POOR_REPLIES = [
  'Yeah, what is it?',
  "That's not really my problem, you'll have to call back another time.",
  'I cannot do anything about that. Calm down.',
  "Look, it's policy. There's nothing more I can say.",
];
const FAIR_REPLIES = [
  'Okay, let me have a look at that for you.',
  'Right, I can see the account. I will sort it out.',
  'Thanks. Is there anything else?',
];

/** The dialogue step whose customer line the customer just said, if any. */
export function stepSaying(scenario: Scenario, customerLine: string): DialogueStep | null {
  for (const step of scenario.steps)
    if (step.kind === 'dialogue' && step.customer.includes(customerLine)) return step;
  return null;
}

/**
 * The trainee's reply at a turn: strong learners give the step's model answer, uneven ones give
 * it on every other turn and a thin reply in between, poor ones are dismissive throughout.
 */
export function demoReply(
  step: DialogueStep | null,
  quality: ReplyQuality,
  turnIndex: number,
): string {
  const model = step?.modelAnswer ?? FAIR_REPLIES[0];
  if (quality === 'strong') return model;
  if (quality === 'uneven')
    return turnIndex % 2 === 0 ? model : FAIR_REPLIES[turnIndex % FAIR_REPLIES.length];
  return POOR_REPLIES[turnIndex % POOR_REPLIES.length];
}

// What demo trainees say about a course they completed, by rating (1–5).
const COURSE_COMMENTS: Record<number, string[]> = {
  2: ['Too much reading before the first practice question.'],
  3: [
    'Useful, but the examples felt far from the calls we take.',
    'Fine overall; the last lesson went too fast.',
  ],
  4: [
    'Good examples of what to say, and the checks made me read carefully.',
    'Clear and short. More practice on difficult callers would help.',
  ],
  5: [
    'The worked examples are exactly what I needed on my first calls.',
    'Best course so far: practical and easy to follow.',
  ],
};

/**
 * A completed course's rating and comment: strong learners rate 4–5, uneven ones 2–4, picked
 * from `seed` (a stable number per person and course) so every fresh start seeds the same.
 * Every third answer comes without a comment.
 */
export function courseFeedback(
  quality: ReplyQuality,
  seed: number,
): { rating: number; comment: string | null } {
  const ratings = quality === 'strong' ? [5, 4, 5, 4] : [3, 4, 2, 3];
  const rating = ratings[seed % ratings.length];
  const comments = COURSE_COMMENTS[rating] ?? [];
  const comment = seed % 3 === 2 || comments.length === 0 ? null : comments[seed % comments.length];
  return { rating, comment };
}
