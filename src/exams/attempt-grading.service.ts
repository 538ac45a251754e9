import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { AuditService } from '../identity/audit.service';
import { Viewer } from '../identity/viewer';
import { ScoringService } from '../scoring/scoring.service';
import { AttemptStore, LoadedAttempt } from './attempt.store';
import {
  BehaviourError,
  currentOutcome,
  FreeTextScorer,
  isFinished,
  markFor,
  processFinish,
  processManualGrade,
  processRegrade,
  QuestionState,
  regradeProblem,
} from './engine';
import { ExamAttemptSlot } from './exam-attempt-slot.entity';
import { ExamAttempt } from './exam-attempt.entity';
import { ExamDefinition } from './exam-definition';
import { ExamError, ExamErrorCode } from './exam-error';
import { ExamRecords } from './exam-records';
import { QuestionBankService } from './question-bank.service';

export interface ManualGradeInput {
  fraction?: number;
  mark?: number;
  /** Accept the provisional (scored) mark as it is. */
  confirm?: boolean;
  comment?: string;
}

interface SlotMarkView {
  state: QuestionState;
  fraction: number | null;
  mark: number;
}

export interface RegradeReport {
  attemptId: string;
  userId: string;
  dryRun: boolean;
  /** Questions whose state, fraction or mark changed. */
  changes: { slot: number; questionId: string; from: SlotMarkView; to: SlotMarkView }[];
  /** Questions moved to a new version of their definition. */
  updated: { slot: number; questionId: string; fromVersion: string; toVersion: string }[];
  skipped: { slot: number; questionId: string; reason: string }[];
  marks: { before: number | null; after: number | null };
}

/**
 * Everything that sets a mark after answering: grading on finish, trainers' manual grades
 * (confirming a provisional free-text mark or overriding any mark) and regrades.
 */
@Injectable()
export class AttemptGradingService {
  constructor(
    private readonly store: AttemptStore,
    private readonly banks: QuestionBankService,
    private readonly scoring: ScoringService,
    private readonly audit: AuditService,
    private readonly records: ExamRecords,
    @InjectRepository(ExamAttempt) private readonly attempts: Repository<ExamAttempt>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Free-text answers are scored by the scoring engine against the question's rubric. */
  readonly scoreFreeText: FreeTextScorer = (question, text) => {
    const report = this.scoring.score(
      question.rubricId ? { text, rubricId: question.rubricId } : { text, rubric: question.rubric },
    );
    return {
      overall: report.overall,
      passed: report.passed,
      tips: report.tips,
      violations: report.violations.map((violation) => violation.message),
      missedConcepts: report.concepts
        .filter((concept) => !concept.found)
        .map((concept) => concept.label),
    };
  };

  /** Grades every question of an attempt just claimed as finished, then its totals. */
  async gradeFinished(
    manager: EntityManager,
    loaded: LoadedAttempt,
    exam: ExamDefinition,
    input: { action: 'submit' | 'autosubmit'; at: Date; actorId: string | null },
  ): Promise<void> {
    for (const slot of loaded.slots) {
      const steps = loaded.steps.get(slot.slot) ?? [];
      if (isFinished(currentOutcome(steps).state)) continue;
      const step = processFinish(slot.definition, steps, {
        ...input,
        scoreFreeText: this.scoreFreeText,
      });
      await this.store.append(manager, loaded, slot, step);
    }
    await this.store.updateTotals(manager, loaded);
    await this.records.verdict(manager, exam, loaded.attempt, input.at);
  }

  /** A trainer's mark for one question: audited, and kept through any later regrade. */
  async manualGrade(
    viewer: Viewer,
    attemptId: string,
    slotNumber: number,
    input: ManualGradeInput,
  ): Promise<LoadedAttempt> {
    return this.store.transaction(async (manager) => {
      const loaded = await this.store.load(attemptId, manager);
      const exam = this.banks.examOrStub(loaded.attempt.examId);
      const slot = slotOf(loaded, slotNumber);
      const steps = loaded.steps.get(slot.slot) ?? [];
      const before = markView(slot);
      const fraction = this.fractionOf(slot, input);
      const wasPassed = loaded.attempt.passed;
      try {
        const step = processManualGrade(steps, {
          fraction,
          comment: input.comment?.trim() || null,
          at: this.clock.now(),
          actorId: viewer.id,
        });
        await this.store.append(manager, loaded, slot, step);
      } catch (error) {
        if (error instanceof BehaviourError)
          throw new ExamError(
            ExamErrorCode.AttemptInProgress,
            'Questions can be marked once the attempt is finished',
          );
        throw error;
      }
      await this.store.updateTotals(manager, loaded);
      await this.audit.record(
        viewer,
        {
          action: input.confirm ? 'exam.grade.confirmed' : 'exam.grade.overridden',
          targetType: 'exam-attempt',
          targetId: attemptId,
          summary: {
            examId: exam.id,
            userId: loaded.attempt.userId,
            slot: slot.slot,
            questionId: slot.questionId,
            from: before,
            to: markView(slot),
            comment: input.comment ?? null,
          },
        },
        manager,
      );
      if (loaded.attempt.passed !== null && loaded.attempt.passed !== wasPassed)
        await this.records.verdict(manager, exam, loaded.attempt, this.clock.now());
      return loaded;
    });
  }

  private fractionOf(slot: ExamAttemptSlot, input: ManualGradeInput): number {
    const given = [input.fraction, input.mark, input.confirm ? true : undefined].filter(
      (value) => value !== undefined,
    );
    const invalid = (message: string): ExamError =>
      new ExamError(ExamErrorCode.InvalidGrade, message, [
        { path: 'fraction', messages: [message] },
      ]);
    if (given.length !== 1) throw invalid('send exactly one of fraction, mark or confirm: true');
    if (input.confirm) {
      if (slot.state !== 'needsgrading' || slot.fraction === null)
        throw invalid('there is no provisional mark to confirm');
      return slot.fraction;
    }
    const fraction = input.mark !== undefined ? input.mark / slot.maxMark : (input.fraction ?? NaN);
    if (!(fraction >= 0 && fraction <= 1))
      throw invalid(`the mark must be from 0 to ${slot.maxMark} (a fraction from 0 to 1)`);
    return fraction;
  }

  /** Regrades every attempt at an exam, oldest first. */
  async regradeExam(viewer: Viewer, examId: string, dryRun = false): Promise<RegradeReport[]> {
    this.banks.exam(examId);
    const attempts = await this.attempts.find({
      where: { examId },
      order: { startedAt: 'ASC', id: 'ASC' },
    });
    const reports: RegradeReport[] = [];
    for (const attempt of attempts)
      reports.push(await this.regradeAttempt(viewer, attempt.id, dryRun));
    return reports;
  }

  /**
   * Replays the steps of every question whose definition changed in the banks since the
   * attempt drew it. Manual grades survive; with `dryRun` nothing is written.
   */
  async regradeAttempt(viewer: Viewer, attemptId: string, dryRun = false): Promise<RegradeReport> {
    return this.store.transaction(async (manager) => {
      const loaded = await this.store.load(attemptId, manager);
      const exam = this.banks.examOrStub(loaded.attempt.examId);
      const report: RegradeReport = {
        attemptId,
        userId: loaded.attempt.userId,
        dryRun,
        changes: [],
        updated: [],
        skipped: [],
        marks: { before: loaded.attempt.marks, after: loaded.attempt.marks },
      };
      const wasPassed = loaded.attempt.passed;
      for (const slot of loaded.slots)
        await this.regradeSlot(manager, loaded, slot, viewer, report);
      if (dryRun || report.updated.length === 0) return report;
      await this.store.updateTotals(manager, loaded);
      report.marks.after = loaded.attempt.status === 'finished' ? loaded.attempt.marks : null;
      await this.audit.record(
        viewer,
        {
          action: 'exam.regraded',
          targetType: 'exam-attempt',
          targetId: attemptId,
          summary: {
            examId: exam.id,
            userId: loaded.attempt.userId,
            changes: report.changes,
            updated: report.updated,
            skipped: report.skipped,
          },
        },
        manager,
      );
      if (loaded.attempt.passed !== null && loaded.attempt.passed !== wasPassed)
        await this.records.verdict(manager, exam, loaded.attempt, this.clock.now());
      return report;
    });
  }

  private async regradeSlot(
    manager: EntityManager,
    loaded: LoadedAttempt,
    slot: ExamAttemptSlot,
    viewer: Viewer,
    report: RegradeReport,
  ): Promise<void> {
    const current = await this.banks.currentQuestion(slot.bankId, slot.questionId);
    const skip = (reason: string): void =>
      void report.skipped.push({ slot: slot.slot, questionId: slot.questionId, reason });
    if (!current) return skip('the question is no longer in the banks');
    const version = this.banks.questionVersion(current.question);
    if (version === slot.questionVersion) return;
    const problem = regradeProblem(slot.definition, current.question);
    if (problem) return skip(problem);
    const before = markView(slot);
    const step = processRegrade(current.question, loaded.steps.get(slot.slot) ?? [], {
      at: this.clock.now(),
      actorId: viewer.id,
      scoreFreeText: this.scoreFreeText,
      comment: `question version ${slot.questionVersion} → ${version}`,
    });
    report.updated.push({
      slot: slot.slot,
      questionId: slot.questionId,
      fromVersion: slot.questionVersion,
      toVersion: version,
    });
    const after: SlotMarkView = step
      ? {
          state: step.state,
          fraction: step.fraction,
          mark: markFor(step.fraction, current.question.mark),
        }
      : { ...before, mark: markFor(before.fraction, current.question.mark) };
    if (
      after.state !== before.state ||
      after.fraction !== before.fraction ||
      after.mark !== before.mark
    )
      report.changes.push({
        slot: slot.slot,
        questionId: slot.questionId,
        from: before,
        to: after,
      });
    if (report.dryRun) return;
    Object.assign(slot, {
      definition: current.question,
      questionVersion: version,
      maxMark: current.question.mark,
    });
    // save(): update()'s deep-partial type rejects the JSON definition column.
    await manager.save(ExamAttemptSlot, slot);
    if (step) await this.store.append(manager, loaded, slot, step);
  }
}

export function slotOf(loaded: LoadedAttempt, slotNumber: number): ExamAttemptSlot {
  const slot = loaded.slots.find((candidate) => candidate.slot === slotNumber);
  if (!slot)
    throw new ExamError(
      ExamErrorCode.QuestionNotFound,
      `The attempt has no question ${slotNumber}`,
    );
  return slot;
}

function markView(slot: ExamAttemptSlot): SlotMarkView {
  return { state: slot.state, fraction: slot.fraction, mark: markFor(slot.fraction, slot.maxMark) };
}
