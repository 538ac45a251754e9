import {
  FreeTextQuestion,
  MatchingQuestion,
  MultipleChoiceQuestion,
  NumericalQuestion,
  QuestionDefinition,
  ShortAnswerQuestion,
  SingleChoiceQuestion,
  TrueFalseQuestion,
} from '../../src/exams/engine';

const common = {
  category: 'test',
  tags: [],
  format: 'markdown' as const,
  mark: 1,
  generalFeedback: 'General.',
  title: null,
};

/** Question definitions for engine specs (Moodle's test_question_maker): one per type, overridable. */
export const QuestionFactory = {
  single(overrides: Partial<SingleChoiceQuestion> = {}): SingleChoiceQuestion {
    return {
      ...common,
      id: 'q-single',
      type: 'single',
      prompt: 'Which colour is between orange and green?',
      choices: [
        { text: 'yellow', fraction: 1, feedback: 'Right.' },
        { text: 'red', fraction: 0, feedback: 'No, red comes before orange.' },
        { text: 'blue', fraction: -0.5, feedback: 'No.' },
      ],
      ...overrides,
    };
  },
  multiple(overrides: Partial<MultipleChoiceQuestion> = {}): MultipleChoiceQuestion {
    return {
      ...common,
      id: 'q-multiple',
      type: 'multiple',
      prompt: 'Which two are needed to verify a caller?',
      choices: [
        { text: 'date of birth', fraction: 0.5, feedback: 'Yes.' },
        { text: 'postcode', fraction: 0.5, feedback: 'Yes.' },
        { text: 'full card number', fraction: -1, feedback: 'Never ask for that.' },
        { text: 'favourite colour', fraction: 0, feedback: null },
      ],
      ...overrides,
    };
  },
  truefalse(overrides: Partial<TrueFalseQuestion> = {}): TrueFalseQuestion {
    return {
      ...common,
      id: 'q-tf',
      type: 'truefalse',
      prompt: 'A complaint must be acknowledged within one working day.',
      answer: true,
      feedbackTrue: 'Correct: one working day.',
      feedbackFalse: 'It is one working day.',
      ...overrides,
    };
  },
  short(overrides: Partial<ShortAnswerQuestion> = {}): ShortAnswerQuestion {
    return {
      ...common,
      id: 'q-short',
      type: 'short',
      prompt: 'What do we call a complaint escalated to a manager?',
      caseSensitive: false,
      answers: [
        { text: 'tier 2', fraction: 1, feedback: 'Yes.' },
        { text: 'tier*', fraction: 0.5, feedback: 'Which tier?' },
      ],
      ...overrides,
    };
  },
  numerical(overrides: Partial<NumericalQuestion> = {}): NumericalQuestion {
    return {
      ...common,
      id: 'q-numerical',
      type: 'numerical',
      prompt: 'Target first response time for a P1 incident, in minutes?',
      unit: 'min',
      answers: [
        { value: 15, tolerance: 0, fraction: 1, feedback: 'Fifteen minutes.' },
        { min: 10, max: 30, fraction: 0.5, feedback: 'Close.' },
        { any: true, fraction: 0, feedback: 'See the response clock lesson.' },
      ],
      ...overrides,
    };
  },
  matching(overrides: Partial<MatchingQuestion> = {}): MatchingQuestion {
    return {
      ...common,
      id: 'q-matching',
      type: 'matching',
      prompt: 'Match each incident grade to its response time.',
      pairs: [
        { left: 'P1', right: '15 minutes' },
        { left: 'P2', right: '1 hour' },
        { left: 'P3', right: '4 hours' },
        { left: 'P4', right: 'next working day' },
      ],
      distractors: ['1 week'],
      ...overrides,
    };
  },
  freetext(overrides: Partial<FreeTextQuestion> = {}): FreeTextQuestion {
    return {
      ...common,
      id: 'q-freetext',
      type: 'freetext',
      prompt: 'A customer was double charged. Write your first reply.',
      review: 'required',
      rubric: null,
      rubricId: 'billing-complaint',
      modelAnswer: "I'm sorry about the double charge; I'll refund it today.",
      ...overrides,
    };
  },
  all(): QuestionDefinition[] {
    return [
      this.single(),
      this.multiple(),
      this.truefalse(),
      this.short(),
      this.numerical(),
      this.matching(),
      this.freetext(),
    ];
  },
};
