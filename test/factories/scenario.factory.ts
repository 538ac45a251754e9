import type { Dimension, Rubric, ScoreReport } from '../../src/scoring/engine';
import type { DialogueStep, OutcomeStep, Scenario } from '../../src/simulations/engine';

/** A small rubric with two concepts, for hand-built scenarios. */
export const TEST_RUBRIC: Rubric = {
  id: 'test-rubric',
  title: 'Test rubric',
  weights: { politeness: 30, empathy: 30, keywords: 40 },
  passMark: 60,
  violationCap: 40,
  concepts: [
    { id: 'apologise', label: 'Apologise', phrases: ['sorry'], weight: 1 },
    { id: 'fix', label: 'Say what you will do', phrases: ['i will'], weight: 1 },
  ],
  forbidden: [],
  jargon: [],
  maxSentenceWords: 30,
  tips: {},
  calibration: [],
};

const NO_DIMENSIONS: Record<Dimension, number | null> = {
  politeness: null,
  empathy: null,
  keywords: null,
  compliance: null,
  structure: null,
  clarity: null,
};

/**
 * Score reports built by hand, so engine specs control every number the branches and the mood
 * look at. `found` lists the rubric concepts found; the others are reported missing.
 */
export const ReportFactory = {
  create(
    overrides: Partial<Omit<ScoreReport, 'concepts' | 'dimensions'>> & {
      found?: string[];
      dimensions?: Partial<Record<Dimension, number | null>>;
    } = {},
  ): ScoreReport {
    const { found = [], dimensions = {}, ...rest } = overrides;
    return {
      rubricId: TEST_RUBRIC.id,
      overall: 50,
      passed: false,
      violations: [],
      evidence: [],
      tips: [],
      ...rest,
      dimensions: { ...NO_DIMENSIONS, ...dimensions },
      concepts: TEST_RUBRIC.concepts.map((concept) => ({
        id: concept.id,
        label: concept.label,
        found: found.includes(concept.id),
      })),
    };
  },

  violation(): ScoreReport['violations'][number] {
    return {
      rule: 'blame',
      message: 'Do not blame the customer',
      text: 'your fault',
      span: [0, 10],
    };
  },
};

function dialogue(
  step: Partial<DialogueStep> & Pick<DialogueStep, 'id' | 'branches'>,
): DialogueStep {
  return {
    kind: 'dialogue',
    stage: 'middle',
    customer: [`line of ${step.id}`],
    rubric: TEST_RUBRIC,
    modelAnswer: `model answer of ${step.id}`,
    calibration: [],
    ...step,
  };
}

function outcome(id: string, kind: OutcomeStep['outcome']): OutcomeStep {
  return { kind: 'outcome', id, outcome: kind, customer: [`closing line of ${id}`] };
}

/**
 * A hand-built scenario: `opening` (three variants) → `middle` (loops on a poor reply) →
 * `resolved`; `demands-manager` (escalation) → `escalated-properly` | `escalated-badly`;
 * `hung-up` (lost). Anger starts at 50; thresholds 85 / 95.
 */
export const ScenarioFactory = {
  create(overrides: Partial<Scenario> = {}): Scenario {
    return {
      id: 'test-scenario',
      version: 1,
      title: 'Test scenario',
      summary: 'A hand-built scenario for engine specs.',
      tags: ['test'],
      channel: 'chat',
      difficulty: 'easy',
      passMark: 60,
      persona: {
        name: 'Pat Tester',
        situation: 'Testing.',
        wants: 'Green tests.',
        mood: 'anxious',
        anger: 50,
        account: [],
      },
      mood: {
        escalateAt: 85,
        hangUpAt: 95,
        onEscalate: 'demands-manager',
        onHangUp: 'hung-up',
      },
      start: 'opening',
      maxTurns: 30,
      steps: [
        dialogue({
          id: 'opening',
          stage: 'opening',
          customer: ['first variant', 'second variant', 'third variant'],
          branches: [
            {
              when: { found: ['apologise'], minOverall: 60 },
              next: 'middle',
              anger: -10,
              reaction: 'Thanks.',
            },
            { next: 'middle', anger: 10, reaction: 'Hmm.' },
          ],
        }),
        dialogue({
          id: 'middle',
          branches: [
            { when: { found: ['fix'] }, next: 'resolved', anger: -10, reaction: 'Great.' },
            { next: 'middle', anger: 5, reaction: 'And?' },
          ],
        }),
        dialogue({
          id: 'demands-manager',
          branches: [
            { when: { found: ['fix'], violations: false }, next: 'escalated-properly', anger: -20 },
            { next: 'escalated-badly', anger: 10 },
          ],
        }),
        outcome('resolved', 'resolved'),
        outcome('escalated-properly', 'escalated-properly'),
        outcome('escalated-badly', 'escalated-badly'),
        outcome('hung-up', 'lost'),
      ],
      debrief: ['Say sorry first.'],
      ...overrides,
    };
  },
};
