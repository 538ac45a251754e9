import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { LessThanOrEqual, Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ActivityWithdrawals } from '../activities/activity-withdrawals';
import { Clock, CLOCK } from '../common/clock';
import { PeriodicTask } from '../common/periodic-task';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { isStaff } from '../identity/role';
import { Viewer } from '../identity/viewer';
import { AttemptGradingService, slotOf } from './attempt-grading.service';
import { AttemptStore, LoadedAttempt } from './attempt.store';
import {
  BehaviourError,
  drawAttempt,
  normalizeResponse,
  processSave,
  QuestionState,
  startStep,
} from './engine';
import { ExamAttemptSlot } from './exam-attempt-slot.entity';
import { ExamAttemptStep } from './exam-attempt-step.entity';
import { ExamAttempt } from './exam-attempt.entity';
import { Arrangement, examFor, ExamArrangementsService } from './exam-arrangements.service';
import { ExamDefinition } from './exam-definition';
import { ExamError, ExamErrorCode } from './exam-error';
import { availabilityOf, ExamAvailability, examOverview, ExamOverview } from './exam-overview';
import { ExamRecords } from './exam-records';
import { QuestionBankService } from './question-bank.service';

const SWEEP_MS = 60 * 1000;

export interface SaveResult {
  slot: number;
  /** False when the answer equals what was saved already (no new step). */
  saved: boolean;
  state: QuestionState;
  savedAt: Date | null;
}

/**
 * Taking exams: start (draw with a stored seed), autosave, submit, and the server-side
 * deadline. Attempts past their deadline are submitted with what was saved by then, whenever
 * they are next read and by a sweep every minute.
 */
@Injectable()
export class AttemptsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AttemptsService.name);
  private readonly sweep = new PeriodicTask(
    'closing overdue exam attempts',
    SWEEP_MS,
    () => this.closeOverdue(),
    this.logger,
  );

  constructor(
    private readonly store: AttemptStore,
    private readonly banks: QuestionBankService,
    private readonly grading: AttemptGradingService,
    private readonly records: ExamRecords,
    private readonly arrangements: ExamArrangementsService,
    private readonly withdrawals: ActivityWithdrawals,
    @InjectRepository(ExamAttempt) private readonly attempts: Repository<ExamAttempt>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Starts an attempt, or returns the one already open (one open attempt per exam and person).
   * The draw's seed is random; `seed` fixes it (the demo cohort, so every fresh start shows
   * the same results). Never taken from a request.
   */
  async start(
    viewer: Viewer,
    examId: string,
    seed: string = randomBytes(16).toString('hex'),
  ): Promise<{ loaded: LoadedAttempt; created: boolean }> {
    await Promise.all([this.banks.syncAuthored(), this.withdrawals.refresh()]);
    const { base, exam } = await this.examForViewer(viewer, examId);
    const open = await this.openAttempt(viewer.id, examId);
    if (open) return { loaded: open, created: false };
    const availability = await this.availability(viewer, exam);
    if (!availability.canStart) {
      const code = this.withdrawals.isWithdrawn('exam', examId)
        ? ExamErrorCode.ExamWithdrawn
        : exam.closesAt && this.clock.now() >= exam.closesAt
          ? ExamErrorCode.ExamClosed
          : availability.attemptsLeft === 0
            ? ExamErrorCode.NoAttemptsLeft
            : ExamErrorCode.TooSoon;
      throw new ExamError(code, availability.reason ?? 'You cannot start this exam now');
    }
    const now = this.clock.now();
    const { pool } = await this.banks.banksFor(exam);
    const layout = drawAttempt({ blueprint: exam, pool, seed });
    const drawable = new Map(pool.map((item) => [item.question.id, item]));
    if (!layout)
      throw new ExamError(ExamErrorCode.DrawFailed, 'The question banks cannot fill this exam');
    const limit = now.getTime() + exam.timeLimitMinutes * 60000;
    const attempt: ExamAttempt = {
      id: randomUUID(),
      examId,
      examVersion: this.banks.examVersion(base),
      userId: viewer.id,
      attemptNumber: availability.attemptsUsed + 1,
      seed,
      status: 'in-progress',
      openKey: 'open',
      startedAt: now,
      deadlineAt: new Date(exam.closesAt ? Math.min(limit, exam.closesAt.getTime()) : limit),
      finishedAt: null,
      finishReason: null,
      marks: null,
      maxMarks: 0,
      percent: null,
      pending: 0,
      passed: null,
      passMark: exam.passMark,
    };
    const slots: ExamAttemptSlot[] = layout.map((drawn) => {
      const { bankId, question } = drawable.get(drawn.questionId)!;
      return {
        id: randomUUID(),
        attemptId: attempt.id,
        slot: drawn.slot,
        section: drawn.section,
        position: drawn.position,
        questionId: question.id,
        questionVersion: this.banks.questionVersion(question),
        bankId,
        definition: question,
        choiceOrder: drawn.choiceOrder,
        optionOrder: drawn.optionOrder,
        maxMark: question.mark,
        state: 'todo',
        fraction: null,
      };
    });
    attempt.maxMarks = slots.reduce((sum, slot) => sum + slot.maxMark, 0);
    try {
      await this.store.transaction(async (manager) => {
        await manager.insert(ExamAttempt, attempt);
        await manager.insert(ExamAttemptSlot, slots as QueryDeepPartialEntity<ExamAttemptSlot>[]);
        const steps = slots.map((slot) => ({
          id: randomUUID(),
          attemptId: attempt.id,
          slot: slot.slot,
          seq: 0,
          questionVersion: slot.questionVersion,
          ...startStep(now),
        }));
        await manager.insert(ExamAttemptStep, steps as QueryDeepPartialEntity<ExamAttemptStep>[]);
        await this.records.attempted(manager, exam, attempt);
      });
    } catch (error) {
      // Two starts at once: the unique index let only one through; answer with that one.
      const winner = await this.openAttempt(viewer.id, examId);
      if (winner) return { loaded: winner, created: false };
      throw error;
    }
    return { loaded: await this.store.load(attempt.id), created: true };
  }

  /** Every exam with what the viewer may do with it, their own arrangements applied. */
  async overviews(viewer: Viewer): Promise<ExamOverview[]> {
    await this.closeOverdue();
    const mine = await this.attempts.find({ where: { userId: viewer.id } });
    const arrangements = await this.arrangements.allForPerson(viewer.id);
    // A withdrawn exam stays listed for those who took it (their results), not for the others.
    const offered = this.banks
      .listExams()
      .filter(
        (exam) =>
          !this.withdrawals.isWithdrawn('exam', exam.id) ||
          mine.some((attempt) => attempt.examId === exam.id),
      );
    return Promise.all(
      offered.map(async (base) => {
        const arrangement = arrangements.get(base.id) ?? null;
        const exam = examFor(base, arrangement);
        const attempts = mine.filter((attempt) => attempt.examId === exam.id);
        return examOverview(exam, await this.availability(viewer, exam, attempts), arrangement);
      }),
    );
  }

  async overview(viewer: Viewer, examId: string): Promise<ExamOverview> {
    const { exam, arrangement } = await this.examForViewer(viewer, examId);
    await this.openAttempt(viewer.id, examId);
    return examOverview(exam, await this.availability(viewer, exam), arrangement);
  }

  /** The exam (`base`) and the same exam as it applies to the viewer, their arrangement counted. */
  private async examForViewer(
    viewer: Viewer,
    examId: string,
  ): Promise<{ base: ExamDefinition; exam: ExamDefinition; arrangement: Arrangement | null }> {
    const base = this.banks.exam(examId);
    const arrangement = await this.arrangements.forPerson(examId, viewer.id);
    return { base, exam: examFor(base, arrangement), arrangement };
  }

  /** Whether the viewer may start the exam now, and what they have used. */
  async availability(
    viewer: Viewer,
    exam: ExamDefinition,
    attempts?: ExamAttempt[],
  ): Promise<ExamAvailability> {
    const mine =
      attempts ?? (await this.attempts.find({ where: { examId: exam.id, userId: viewer.id } }));
    const availability = availabilityOf(exam, mine, this.clock.now());
    return availability.canStart && this.withdrawals.isWithdrawn('exam', exam.id)
      ? { ...availability, canStart: false, reason: 'The trainers have withdrawn this exam' }
      : availability;
  }

  /** An attempt its owner or staff may read; an overdue one is submitted first. */
  async get(
    viewer: Viewer,
    attemptId: string,
    mode: 'read' | 'owner' = 'read',
  ): Promise<LoadedAttempt> {
    const loaded = await this.store.load(attemptId);
    const owner = loaded.attempt.userId === viewer.id;
    if (!owner && (mode === 'owner' || !isStaff(viewer.roles))) throw ExamError.attemptNotFound();
    return this.finishIfOverdue(loaded);
  }

  /** Autosave of one answer; the same answer again makes no new step. */
  async save(
    viewer: Viewer,
    attemptId: string,
    slotNumber: number,
    raw: unknown,
  ): Promise<SaveResult> {
    const loaded = await this.get(viewer, attemptId, 'owner');
    this.assertOpen(loaded);
    const question = slotOf(loaded, slotNumber).definition;
    const normalized = normalizeResponse(question, raw);
    if (!normalized.ok)
      throw new ExamError(
        ExamErrorCode.InvalidResponse,
        'The answer is not valid for this question',
        [{ path: 'response', messages: [normalized.reason] }],
      );
    const response = normalized.response;
    if (
      'text' in response &&
      question.type === 'freetext' &&
      response.text.length > this.config.scoringMaxChars
    )
      throw new ExamError(ExamErrorCode.InvalidResponse, 'The answer is too long', [
        { path: 'response.text', messages: [`at most ${this.config.scoringMaxChars} characters`] },
      ]);
    return this.store.transaction(async (manager) => {
      if (!(await this.store.lockInProgress(manager, attemptId)))
        throw this.finishedError(loaded.attempt);
      const fresh = await this.store.load(attemptId, manager);
      const now = this.clock.now();
      if (now >= fresh.attempt.deadlineAt) throw this.finishedError(fresh.attempt);
      const slot = slotOf(fresh, slotNumber);
      const steps = fresh.steps.get(slotNumber) ?? [];
      const step = processSave(slot.definition, steps, { response, at: now, actorId: viewer.id });
      if (step) await this.store.append(manager, fresh, slot, step);
      const lastSave = [...(fresh.steps.get(slotNumber) ?? [])]
        .reverse()
        .find((entry) => entry.action === 'save');
      return {
        slot: slotNumber,
        saved: step !== null,
        state: slot.state,
        savedAt: lastSave?.at ?? null,
      };
    });
  }

  /**
   * Submits: saves any answers sent along, then grades. Submitting a finished attempt changes
   * nothing; after the deadline the attempt is graded on what was saved by then.
   */
  async submit(
    viewer: Viewer,
    attemptId: string,
    answers: { slot: number; response: unknown }[] = [],
  ): Promise<LoadedAttempt> {
    const loaded = await this.get(viewer, attemptId, 'owner');
    if (loaded.attempt.status === 'finished') return loaded;
    for (const answer of answers) await this.save(viewer, attemptId, answer.slot, answer.response);
    return this.finish(attemptId, {
      reason: 'submitted',
      at: this.clock.now(),
      actorId: viewer.id,
    });
  }

  async listForUser(userId: string, examId?: string): Promise<ExamAttempt[]> {
    await this.closeOverdue();
    return this.attempts.find({
      where: { userId, ...(examId ? { examId } : {}) },
      order: { startedAt: 'DESC', id: 'ASC' },
    });
  }

  async listForExam(
    examId: string,
    filters: { userId?: string; status?: ExamAttempt['status'] } = {},
  ): Promise<ExamAttempt[]> {
    this.banks.exam(examId);
    await this.closeOverdue();
    return this.attempts.find({
      where: { examId, ...filters },
      order: { startedAt: 'DESC', id: 'ASC' },
    });
  }

  /** Submits every attempt whose deadline has passed, as of its deadline. */
  async closeOverdue(): Promise<number> {
    const overdue = await this.attempts.find({
      where: { status: 'in-progress', deadlineAt: LessThanOrEqual(this.clock.now()) },
    });
    for (const attempt of overdue)
      await this.finish(attempt.id, { reason: 'deadline', at: attempt.deadlineAt, actorId: null });
    return overdue.length;
  }

  onApplicationBootstrap(): void {
    this.sweep.start({ runNow: false });
  }

  onApplicationShutdown(): Promise<void> {
    return this.sweep.stop();
  }

  private async openAttempt(userId: string, examId: string): Promise<LoadedAttempt | null> {
    const open = await this.attempts.findOne({ where: { userId, examId, status: 'in-progress' } });
    if (!open) return null;
    const loaded = await this.finishIfOverdue(await this.store.load(open.id));
    return loaded.attempt.status === 'in-progress' ? loaded : null;
  }

  private async finishIfOverdue(loaded: LoadedAttempt): Promise<LoadedAttempt> {
    const { attempt } = loaded;
    if (attempt.status !== 'in-progress' || this.clock.now() < attempt.deadlineAt) return loaded;
    return this.finish(attempt.id, { reason: 'deadline', at: attempt.deadlineAt, actorId: null });
  }

  /** Claims the attempt as finished and grades it, once: a second caller just reads the result. */
  private finish(
    attemptId: string,
    input: { reason: 'submitted' | 'deadline'; at: Date; actorId: string | null },
  ): Promise<LoadedAttempt> {
    return this.store.transaction(async (manager) => {
      const claimed = await this.store.claimFinish(manager, attemptId, {
        finishedAt: input.at,
        finishReason: input.reason,
      });
      const loaded = await this.store.load(attemptId, manager);
      if (!claimed) return loaded;
      const exam = this.banks.examOrStub(loaded.attempt.examId);
      const action = input.reason === 'submitted' ? 'submit' : 'autosubmit';
      try {
        await this.grading.gradeFinished(manager, loaded, exam, {
          action,
          at: input.at,
          actorId: input.actorId,
        });
      } catch (error) {
        if (error instanceof BehaviourError)
          throw new ExamError(ExamErrorCode.AttemptFinished, 'The attempt is already finished');
        throw error;
      }
      return loaded;
    });
  }

  private assertOpen(loaded: LoadedAttempt): void {
    if (loaded.attempt.status !== 'in-progress') throw this.finishedError(loaded.attempt);
  }

  private finishedError(attempt: ExamAttempt): ExamError {
    return attempt.finishReason === 'deadline' || this.clock.now() >= attempt.deadlineAt
      ? new ExamError(
          ExamErrorCode.DeadlinePassed,
          'Time is up: the attempt was submitted with the answers saved before the deadline',
        )
      : new ExamError(ExamErrorCode.AttemptFinished, 'The attempt is already submitted');
  }
}
