import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/app-config';
import { ContentCatalogue } from '../content/content-kind';
import { CONTENT_KINDS } from '../content/content-kinds';
import { loadContent } from '../content/load-content';
import { COURSES } from '../courses/course-content.kind';
import { gradeQuestion } from '../courses/engine/knowledge-check';
import { EXAM_BANKS } from '../exams/exam-bank-content.kind';
import { EXAMS } from '../exams/exam-content.kind';
import { gradeResponse, normalizeResponse, QuestionDefinition } from '../exams/engine';
import { SCENARIOS } from '../simulations/scenario-content.kind';
import {
  answersRight,
  DEMO_COHORT,
  DEMO_COHORT_NAME,
  dueDay,
  EARLIER_COHORT_NAME,
  firstTryWrong,
  INTAKE_DAYS_AGO,
  stepDays,
} from './demo-cohort';
import { checkAnswer, demoReply, examResponse, stepSaying } from './demo-responses';

const SHIPPED = join(__dirname, '..', '..', 'content');

describe('demo cohort plan', () => {
  let content: ContentCatalogue;

  beforeAll(() => {
    content = loadContent(SHIPPED, CONTENT_KINDS);
  });

  describe(answersRight.name, () => {
    const rightOf = (count: number, share: number): boolean[] =>
      Array.from({ length: count }, (_, index) => answersRight(index, share));

    it('should answer the planned share right, spread evenly, starting with a right one', () => {
      expect(rightOf(10, 0.4)).toEqual([
        true,
        false,
        true,
        false,
        false,
        true,
        false,
        true,
        false,
        false,
      ]);
      expect(rightOf(26, 0.9).filter(Boolean)).toHaveLength(24);
      expect(rightOf(10, 0.5).filter(Boolean)).toHaveLength(5);
    });

    it('should answer everything right at 1 and nothing at 0', () => {
      expect(rightOf(7, 1).every(Boolean)).toBe(true);
      expect(rightOf(7, 0).some(Boolean)).toBe(false);
    });
  });

  describe(firstTryWrong.name, () => {
    it('should make strong learners right first time and uneven ones sometimes wrong', () => {
      const picks = (quality: 'strong' | 'uneven' | 'poor'): boolean[] =>
        [0, 1, 2, 3, 4, 5].map((question) => firstTryWrong(quality, 0, question));
      expect(picks('strong')).toEqual([false, false, false, false, false, false]);
      expect(picks('uneven')).toEqual([false, true, false, false, true, false]);
      expect(picks('poor').every(Boolean)).toBe(true);
    });
  });

  describe('DEMO_COHORT', () => {
    it('should hold an intake of 10 and an earlier one of 2, with unique emails and numbers', () => {
      const intake = DEMO_COHORT.filter((t) => t.cohort === DEMO_COHORT_NAME);
      const earlier = DEMO_COHORT.filter((t) => t.cohort === EARLIER_COHORT_NAME);
      expect([intake.length, earlier.length]).toEqual([10, 2]);
      expect(new Set(DEMO_COHORT.map((t) => t.email)).size).toBe(12);
      expect(intake.map((t) => t.employeeNumber)).toEqual(
        Array.from({ length: 10 }, (_, i) => `DEMO-${101 + i}`),
      );
      expect(new Set(DEMO_COHORT.map((t) => t.employeeNumber)).size).toBe(12);
      expect(DEMO_COHORT.every((t) => /^[a-z]+\.(north|south)@academy\.local$/.test(t.email))).toBe(
        true,
      );
      expect(DEMO_COHORT.filter((t) => t.team === 'North')).toHaveLength(6);
      expect(DEMO_COHORT.filter((t) => t.team === 'South')).toHaveLength(6);
      expect(intake.every((t) => t.startedDaysAgo === INTAKE_DAYS_AGO)).toBe(true);
      expect(earlier.every((t) => t.startedDaysAgo > 365)).toBe(true);
    });

    it("should space each member's steps from their start, in play order, never in the future", () => {
      const ava = DEMO_COHORT.find((t) => t.email === 'ava.north@academy.local')!;
      const days = stepDays(ava);
      expect(days.courses).toEqual([42, 40, 38, 36, 34, 32, 30, 28]);
      expect(days.exams).toEqual([26, 24, 22]);
      expect(days.simulations).toEqual([20, 19, 18, 17, 16, 15]);
      const late = stepDays({ ...ava, startedDaysAgo: 5 });
      expect(late.courses).toEqual([5, 3, 1, 0, 0, 0, 0, 0]);
      expect([...late.exams, ...late.simulations].every((day) => day === 0)).toBe(true);
    });

    it('should only name shipped courses, exams and scenarios', () => {
      const courses = new Set(content.get(COURSES).map((course) => course.id));
      const exams = new Set(content.get(EXAMS).map((exam) => exam.id));
      const scenarios = new Set(content.get(SCENARIOS).map((loaded) => loaded.scenario.id));
      const plans = DEMO_COHORT;
      expect(
        plans.flatMap((t) => t.courses.map((c) => c.courseId)).filter((id) => !courses.has(id)),
      ).toEqual([]);
      expect(
        plans.flatMap((t) => t.exams.map((e) => e.examId)).filter((id) => !exams.has(id)),
      ).toEqual([]);
      expect(
        plans
          .flatMap((t) => t.simulations.map((s) => s.scenarioId))
          .filter((id) => !scenarios.has(id)),
      ).toEqual([]);
    });

    it('should take every course after its prerequisites, which are completed in full', () => {
      const byId = new Map(content.get(COURSES).map((course) => [course.id, course]));
      for (const trainee of DEMO_COHORT) {
        const completedBefore = new Set<string>();
        for (const plan of trainee.courses) {
          const missing = byId
            .get(plan.courseId)!
            .prerequisites.filter((id) => !completedBefore.has(id));
          expect({ trainee: trainee.email, course: plan.courseId, missing }).toEqual({
            trainee: trainee.email,
            course: plan.courseId,
            missing: [],
          });
          if (plan.lessons === 'all') completedBefore.add(plan.courseId);
        }
      }
    });
  });

  describe(checkAnswer.name, () => {
    it('should answer every shipped knowledge check right, or wrong, as asked', () => {
      const questions = content
        .get(COURSES)
        .flatMap((course) => course.lessons.flatMap((lesson) => lesson.check));
      expect(questions.length).toBeGreaterThan(50);
      for (const question of questions) {
        expect([question.id, gradeQuestion(question, checkAnswer(question, true)).correct]).toEqual(
          [question.id, true],
        );
        expect([
          question.id,
          gradeQuestion(question, checkAnswer(question, false)).correct,
        ]).toEqual([question.id, false]);
      }
    });
  });

  describe(examResponse.name, () => {
    const noScoring = (): never => {
      throw new Error('free text is not graded here');
    };

    it('should give full marks to the right response of every shipped item, less to the wrong one', () => {
      const questions: QuestionDefinition[] = content
        .get(EXAM_BANKS)
        .flatMap((bank) => bank.questions)
        .filter((question) => question.type !== 'freetext');
      expect(questions.length).toBeGreaterThan(100);
      for (const question of questions) {
        const right = examResponse(question, true);
        const wrong = examResponse(question, false);
        expect([question.id, normalizeResponse(question, right).ok]).toEqual([question.id, true]);
        expect([question.id, normalizeResponse(question, wrong).ok]).toEqual([question.id, true]);
        expect([question.id, gradeResponse(question, right, noScoring).fraction]).toEqual([
          question.id,
          1,
        ]);
        expect(gradeResponse(question, wrong, noScoring).fraction).toBeLessThan(1);
      }
    });

    it('should write the model answer to a free-text item when answering right', () => {
      const written = content
        .get(EXAM_BANKS)
        .flatMap((bank) => bank.questions)
        .find((question) => question.type === 'freetext' && question.modelAnswer);
      expect(written).toBeDefined();
      if (written?.type !== 'freetext') return;
      expect(examResponse(written, true)).toEqual({ text: written.modelAnswer });
      expect(examResponse(written, false)).not.toEqual({ text: written.modelAnswer });
    });
  });

  describe(demoReply.name, () => {
    it('should find the step a customer line belongs to and answer by quality', () => {
      const { scenario } = content
        .get(SCENARIOS)
        .find((loaded) => loaded.scenario.id === 'verify-before-account-change')!;
      const opening = scenario.steps.find((step) => step.id === scenario.start)!;
      const step = stepSaying(scenario, opening.customer[0]);
      expect(step?.id).toBe(scenario.start);
      expect(stepSaying(scenario, 'a line nobody says')).toBeNull();
      expect(demoReply(step, 'strong', 3)).toBe(step!.modelAnswer);
      expect(demoReply(step, 'uneven', 0)).toBe(step!.modelAnswer);
      expect(demoReply(step, 'uneven', 1)).not.toBe(step!.modelAnswer);
      expect(demoReply(step, 'poor', 0)).not.toBe(step!.modelAnswer);
    });
  });

  describe(dueDay.name, () => {
    it('should count whole days from now in UTC', () => {
      expect(dueDay(new Date('2026-11-23T23:30:00Z'), 14)).toBe('2026-12-07');
    });
  });

  describe('DEMO_ACTIVITY', () => {
    const env = (extra: Record<string, string>) =>
      loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'demo-config-')), ...extra });

    it('should be on in development, off in test and production unless asked for', () => {
      const secret = { AUTH_SECRET: 's'.repeat(40) };
      expect(env({}).demoActivity).toBe(true);
      expect(env({ NODE_ENV: 'test' }).demoActivity).toBe(false);
      expect(env({ ...secret, NODE_ENV: 'production' }).demoActivity).toBe(false);
      expect(env({ NODE_ENV: 'test', DEMO_ACTIVITY: 'true' }).demoActivity).toBe(true);
      expect(env({ DEMO_ACTIVITY: 'no' }).demoActivity).toBe(false);
      expect(() => env({ DEMO_ACTIVITY: 'maybe' })).toThrow(/DEMO_ACTIVITY must be true or false/);
    });
  });
});
