import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CourseCatalogueService } from '../courses/course-catalogue.service';
import { CourseFeedbackService } from '../courses/course-feedback.service';
import { EnrolmentsService } from '../courses/enrolments.service';
import { ProgressService } from '../courses/progress.service';
import { AttemptGradingService } from '../exams/attempt-grading.service';
import { AttemptsService } from '../exams/attempts.service';
import { Viewer } from '../identity/viewer';
import { ScenarioLibrary } from '../simulations/scenario-library.service';
import { SessionsService } from '../simulations/sessions.service';
import { answersRight, CoursePlan, ExamPlan, firstTryWrong, SimulationPlan } from './demo-cohort';
import { checkAnswer, courseFeedback, demoReply, examResponse, stepSaying } from './demo-responses';

export interface ExamOutcome {
  passed: boolean | null;
  percent: number | null;
}

/**
 * Takes one demo trainee through courses, exams and role-play by the same service calls the
 * controllers make, so every row keeps the invariants (and learning records) of real use.
 */
@Injectable()
export class DemoLearner {
  constructor(
    private readonly catalogue: CourseCatalogueService,
    private readonly enrolments: EnrolmentsService,
    private readonly progress: ProgressService,
    private readonly feedback: CourseFeedbackService,
    private readonly attempts: AttemptsService,
    private readonly grading: AttemptGradingService,
    private readonly library: ScenarioLibrary,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * Enrols and works through the planned lessons, then rates the course if it completed; returns
   * whether it did.
   */
  async course(trainee: Viewer, plan: CoursePlan): Promise<boolean> {
    const course = this.catalogue.course(plan.courseId);
    await this.enrolments.enrol(trainee, course.id);
    const lessons = plan.lessons === 'all' ? course.lessons : course.lessons.slice(0, plan.lessons);
    let completed = false;
    for (const [lessonIndex, lesson] of lessons.entries()) {
      await this.progress.open(trainee, course.id, lesson.id);
      const wrongFirst = lesson.check.filter((_, questionIndex) =>
        firstTryWrong(plan.quality, lessonIndex, questionIndex),
      );
      if (wrongFirst.length > 0)
        await this.progress.answer(
          trainee,
          course.id,
          lesson.id,
          Object.fromEntries(
            wrongFirst.map((question) => [question.id, checkAnswer(question, false)]),
          ),
        );
      if (lesson.check.length > 0)
        await this.progress.answer(
          trainee,
          course.id,
          lesson.id,
          Object.fromEntries(
            lesson.check.map((question) => [question.id, checkAnswer(question, true)]),
          ),
        );
      completed = (await this.progress.complete(trainee, course.id, lesson.id)).courseCompleted;
    }
    if (completed) {
      const seed = createHash('sha256').update(`${trainee.email} ${course.id}`).digest();
      await this.feedback.give(
        trainee,
        course.id,
        courseFeedback(plan.quality, seed.readUInt32BE()),
      );
    }
    return completed;
  }

  /**
   * Sits an exam, answering the planned share right; the trainer then confirms the scored
   * written answers, or leaves them waiting for review.
   */
  async exam(trainee: Viewer, plan: ExamPlan, trainer: Viewer | null): Promise<ExamOutcome> {
    // A fixed draw per person and exam, so every fresh start seeds the same results.
    const seed = createHash('sha256').update(`${trainee.email} ${plan.examId}`).digest('hex');
    const { loaded } = await this.attempts.start(trainee, plan.examId, seed.slice(0, 32));
    // Right and wrong by the blueprint's order, not the shuffled one, so the same items
    // (the written replies last) are answered right on every run.
    const inBlueprintOrder = [...loaded.slots].sort(
      (a, b) => a.section - b.section || a.position - b.position,
    );
    const answers = inBlueprintOrder.map((slot, index) => ({
      slot: slot.slot,
      response: examResponse(slot.definition, answersRight(index, plan.right)),
    }));
    let finished = await this.attempts.submit(trainee, loaded.attempt.id, answers);
    if (plan.reviewed && trainer)
      for (const slot of finished.slots.filter((candidate) => candidate.state === 'needsgrading'))
        finished = await this.grading.manualGrade(trainer, loaded.attempt.id, slot.slot, {
          confirm: true,
          comment: 'Reviewed for the demo cohort.',
        });
    return { passed: finished.attempt.passed, percent: finished.attempt.percent };
  }

  /** Plays one role-play session to its end; returns whether it passed. */
  async simulation(trainee: Viewer, plan: SimulationPlan): Promise<boolean> {
    const { view } = await this.sessions.start(trainee, plan.scenarioId);
    const scenario = this.library.get(plan.scenarioId).scenario;
    let customerLine = view.transcript.at(-1)?.text ?? '';
    // A guard on top of the scenario's own turn limit, which ends the session as lost.
    for (let turnIndex = view.nextTurnIndex; turnIndex <= scenario.maxTurns; turnIndex++) {
      const text = demoReply(stepSaying(scenario, customerLine), plan.quality, turnIndex);
      const turn = await this.sessions.turn(trainee, view.id, { turnIndex, text });
      if (turn.finished) return turn.passed === true;
      customerLine = turn.customerLine;
    }
    return false;
  }
}
