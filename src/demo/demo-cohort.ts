import { DAY_MS } from '../common/time';

// The demo cohort and what each member does: plain data, so the spread of results (who
// certifies, who fails, who has barely started) is fixed and can be read at a glance.

/** How a trainee answers: every time right, right after a few mistakes, or mostly wrong. */
export type ReplyQuality = 'strong' | 'uneven' | 'poor';

export interface CoursePlan {
  courseId: string;
  /** Lessons to complete, in order; the course completes when this covers every lesson. */
  lessons: number | 'all';
  /** `uneven`: some knowledge-check questions are answered wrong first (a lower score). */
  quality: ReplyQuality;
}

export interface ExamPlan {
  examId: string;
  /** Share of the questions answered right (0–1), spread evenly in the blueprint's order. */
  right: number;
  /** The demo trainer confirms the scored written answers (else they await review). */
  reviewed: boolean;
}

export interface SimulationPlan {
  scenarioId: string;
  quality: ReplyQuality;
}

export interface DemoTrainee {
  email: string;
  displayName: string;
  employeeNumber: string;
  team: 'North' | 'South';
  cohort: string;
  /** Days before seeding the member started: their first planned step is dated then. */
  startedDaysAgo: number;
  /** What the member's record is meant to show on the dashboards. */
  profile: DemoProfile;
  courses: CoursePlan[];
  exams: ExamPlan[];
  simulations: SimulationPlan[];
}

export type DemoProfile =
  | 'complaints-specialist'
  | 'graduate'
  | 'awaiting-review'
  | 'failed-final'
  | 'privacy-certified'
  | 'struggling'
  | 'in-progress'
  | 'new-starter';

export const DEMO_COHORT_NAME = 'Demo intake';
/** Two members of an earlier intake, whose certificates are a year old. */
export const EARLIER_COHORT_NAME = 'Earlier intake';

/** Days before seeding the demo intake joined; the trainer assigned its courses that day. */
export const INTAKE_DAYS_AGO = 42;

/** Courses assigned to the demo intake by the demo trainer, due this many days after assigning. */
export const DEMO_ASSIGNMENTS: { courseId: string; dueInDays: number }[] = [
  { courseId: 'service-principles', dueInDays: 14 },
  { courseId: 'security-privacy', dueInDays: 28 },
];

// The eight onboarding courses in an order that respects their prerequisites.
const ONBOARDING_COURSES = [
  'service-principles',
  'communication-etiquette',
  'service-systems',
  'emotions-conflict',
  'complaint-handling',
  'security-privacy',
  'incidents-emergencies',
  'quality-performance',
];

const all = (quality: ReplyQuality, ids = ONBOARDING_COURSES): CoursePlan[] =>
  ids.map((courseId) => ({ courseId, lessons: 'all', quality }));

const PROFILES: Record<DemoProfile, Pick<DemoTrainee, 'courses' | 'exams' | 'simulations'>> = {
  // Everything for the onboarding and privacy certificates, and a go at the complaint handler.
  'complaints-specialist': {
    courses: all('strong'),
    exams: [
      { examId: 'onboarding-final', right: 1, reviewed: true },
      { examId: 'data-privacy-annual', right: 1, reviewed: true },
      { examId: 'complaint-handler', right: 1, reviewed: true },
    ],
    simulations: [
      { scenarioId: 'verify-before-account-change', quality: 'strong' },
      { scenarioId: 'relative-requests-records', quality: 'strong' },
      { scenarioId: 'billing-dispute', quality: 'strong' },
      { scenarioId: 'technician-no-show', quality: 'strong' },
      { scenarioId: 'repeat-complainant', quality: 'strong' },
      { scenarioId: 'angry-caller-demands-manager', quality: 'strong' },
    ],
  },
  // Onboarding and privacy certificates.
  graduate: {
    courses: all('strong'),
    exams: [
      { examId: 'onboarding-final', right: 0.9, reviewed: true },
      { examId: 'data-privacy-annual', right: 0.9, reviewed: true },
    ],
    simulations: [
      { scenarioId: 'verify-before-account-change', quality: 'strong' },
      { scenarioId: 'relative-requests-records', quality: 'strong' },
      { scenarioId: 'billing-dispute', quality: 'strong' },
      { scenarioId: 'technician-no-show', quality: 'strong' },
      { scenarioId: 'cancellation-retention', quality: 'uneven' },
    ],
  },
  // Most courses done; the written answers of the final exam wait for a trainer.
  'awaiting-review': {
    courses: all('strong', ONBOARDING_COURSES.slice(0, 5)),
    exams: [{ examId: 'onboarding-final', right: 1, reviewed: false }],
    simulations: [
      { scenarioId: 'verify-before-account-change', quality: 'strong' },
      { scenarioId: 'billing-dispute', quality: 'strong' },
      { scenarioId: 'technician-no-show', quality: 'uneven' },
    ],
  },
  // A few courses, the final exam sat too early and failed, role-play mixed.
  'failed-final': {
    courses: all('uneven', ['service-principles', 'communication-etiquette', 'service-systems']),
    exams: [{ examId: 'onboarding-final', right: 0.5, reviewed: true }],
    simulations: [
      { scenarioId: 'verify-before-account-change', quality: 'uneven' },
      { scenarioId: 'billing-dispute', quality: 'poor' },
    ],
  },
  // Only the privacy programme: two courses, its exam and its two calls.
  'privacy-certified': {
    courses: all('strong', ['service-principles', 'security-privacy']),
    exams: [{ examId: 'data-privacy-annual', right: 1, reviewed: true }],
    simulations: [
      { scenarioId: 'relative-requests-records', quality: 'strong' },
      { scenarioId: 'verify-before-account-change', quality: 'strong' },
    ],
  },
  // Three courses with many mistakes, the privacy exam failed, calls that go wrong.
  struggling: {
    courses: all('uneven', ['service-principles', 'security-privacy', 'emotions-conflict']),
    exams: [{ examId: 'data-privacy-annual', right: 0.4, reviewed: true }],
    simulations: [
      { scenarioId: 'relative-requests-records', quality: 'poor' },
      { scenarioId: 'billing-dispute', quality: 'poor' },
    ],
  },
  // One course done, the next one half way, a first call.
  'in-progress': {
    courses: [
      { courseId: 'service-principles', lessons: 'all', quality: 'strong' },
      { courseId: 'communication-etiquette', lessons: 2, quality: 'uneven' },
    ],
    exams: [],
    simulations: [{ scenarioId: 'billing-dispute', quality: 'uneven' }],
  },
  // Has read the first lesson.
  'new-starter': {
    courses: [{ courseId: 'service-principles', lessons: 1, quality: 'uneven' }],
    exams: [],
    simulations: [],
  },
};

const MEMBERS: [string, string, DemoTrainee['team'], DemoProfile][] = [
  ['ava.north', 'Ava Okafor', 'North', 'complaints-specialist'],
  ['ben.north', 'Ben Lindqvist', 'North', 'graduate'],
  ['chloe.north', 'Chloe Marsh', 'North', 'privacy-certified'],
  ['dev.north', 'Dev Raman', 'North', 'failed-final'],
  ['ella.north', 'Ella Brooks', 'North', 'in-progress'],
  ['gus.south', 'Gus Moreau', 'South', 'graduate'],
  ['hana.south', 'Hana Sato', 'South', 'awaiting-review'],
  ['ivan.south', 'Ivan Petrov', 'South', 'privacy-certified'],
  ['jade.south', 'Jade Whitaker', 'South', 'struggling'],
  ['kofi.south', 'Kofi Mensah', 'South', 'new-starter'],
];

// The earlier intake: Lena's privacy certificate (a year's validity) is inside its renewal
// window; Marco's ran out about a month ago, so he has it to earn again.
const EARLIER: [string, string, DemoTrainee['team'], DemoProfile, number][] = [
  ['lena.north', 'Lena Fischer', 'North', 'graduate', 370],
  ['marco.south', 'Marco Silva', 'South', 'privacy-certified', 400],
];

/** Both intakes, in the fixed order they are seeded (the earlier one first). */
export const DEMO_COHORT: readonly DemoTrainee[] = [
  ...EARLIER.map(([local, displayName, team, profile, startedDaysAgo], index) => ({
    email: `${local}@academy.local`,
    displayName,
    employeeNumber: `DEMO-${91 + index}`,
    team,
    cohort: EARLIER_COHORT_NAME,
    startedDaysAgo,
    profile,
    ...PROFILES[profile],
  })),
  ...MEMBERS.map(([local, displayName, team, profile], index) => ({
    email: `${local}@academy.local`,
    displayName,
    employeeNumber: `DEMO-${101 + index}`,
    team,
    cohort: DEMO_COHORT_NAME,
    startedDaysAgo: INTAKE_DAYS_AGO,
    profile,
    ...PROFILES[profile],
  })),
];

/** Days between one planned step of a member and the next: a course, an exam, a call. */
export const STEP_DAYS = { course: 2, exam: 2, simulation: 1 } as const;

/**
 * How many days before seeding each planned step happens, in the order they are played
 * (courses, exams, calls), spaced by STEP_DAYS from the member's start; never in the future.
 */
export function stepDays(plan: DemoTrainee): {
  courses: number[];
  exams: number[];
  simulations: number[];
} {
  let daysAgo = plan.startedDaysAgo;
  const next = (count: number, spacing: number): number[] =>
    Array.from({ length: count }, () => {
      const day = Math.max(0, daysAgo);
      daysAgo -= spacing;
      return day;
    });
  return {
    courses: next(plan.courses.length, STEP_DAYS.course),
    exams: next(plan.exams.length, STEP_DAYS.exam),
    simulations: next(plan.simulations.length, STEP_DAYS.simulation),
  };
}

/**
 * Whether the `index`-th question (0-based) of an attempt is answered right when a share
 * `right` of them should be: the right answers are spread evenly, the first one right.
 */
export function answersRight(index: number, right: number): boolean {
  const upTo = (count: number): number => Math.ceil(count * right - 1e-9);
  return upTo(index + 1) > upTo(index);
}

/** Whether a knowledge-check question is first answered wrong (uneven learners only). */
export function firstTryWrong(
  quality: ReplyQuality,
  lessonIndex: number,
  questionIndex: number,
): boolean {
  if (quality === 'strong') return false;
  if (quality === 'poor') return true;
  return (lessonIndex + questionIndex) % 3 === 1;
}

/** The due day (YYYY-MM-DD, UTC) `days` after `now`. */
export function dueDay(now: Date, days: number): string {
  return new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}
