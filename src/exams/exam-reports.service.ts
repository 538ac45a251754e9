import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import { In, Repository } from 'typeorm';
import { UsersService } from '../identity/users.service';
import {
  examStatistics,
  ExamStatistics,
  markFor,
  QuestionResponse,
  ScoreSummary,
  StatisticsAttempt,
  TextFormat,
} from './engine';
import { ExamAttemptSlot } from './exam-attempt-slot.entity';
import { ExamAttemptStep } from './exam-attempt-step.entity';
import { ExamAttempt } from './exam-attempt.entity';
import { QuestionBankService } from './question-bank.service';

export interface ReviewQueueItem {
  attemptId: string;
  examId: string;
  examTitle: string;
  userId: string;
  userName: string;
  finishedAt: Date | null;
  slot: number;
  questionId: string;
  prompt: string;
  format: TextFormat;
  answer: string;
  modelAnswer: string | null;
  maxMark: number;
  /** The scored mark waiting to be confirmed, or null for an essay without a rubric. */
  provisionalFraction: number | null;
  provisionalMark: number | null;
  score: ScoreSummary | null;
}

export interface StatisticsOptions {
  /** Count only each person's first attempt (Moodle's default for item analysis). */
  firstAttemptsOnly?: boolean;
}

/** What trainers read across attempts: the manual review queue and item statistics. */
@Injectable()
export class ExamReportsService {
  constructor(
    private readonly banks: QuestionBankService,
    private readonly users: UsersService,
    @InjectRepository(ExamAttempt) private readonly attempts: Repository<ExamAttempt>,
    @InjectRepository(ExamAttemptSlot) private readonly slots: Repository<ExamAttemptSlot>,
    @InjectRepository(ExamAttemptStep) private readonly steps: Repository<ExamAttemptStep>,
  ) {}

  /** How many answers of finished attempts wait for a trainer: one count for the home page. */
  pendingReviewCount(): Promise<number> {
    return this.slots
      .createQueryBuilder('slot')
      .innerJoin(ExamAttempt, 'attempt', 'attempt.id = slot.attempt_id')
      .where('slot.state = :state', { state: 'needsgrading' })
      .andWhere('attempt.status = :finished', { finished: 'finished' })
      .getCount();
  }

  /** Answers waiting for a trainer (free text with review), oldest submission first. */
  async reviewQueue(filters: { examId?: string } = {}): Promise<ReviewQueueItem[]> {
    const pending = await this.slots.find({
      where: { state: 'needsgrading' },
      order: { attemptId: 'ASC', slot: 'ASC' },
    });
    if (pending.length === 0) return [];
    const attemptIds = [...new Set(pending.map((slot) => slot.attemptId))];
    const attempts = new Map(
      (
        await this.attempts.find({
          where: {
            id: In(attemptIds),
            status: 'finished',
            ...(filters.examId ? { examId: filters.examId } : {}),
          },
        })
      ).map((attempt) => [attempt.id, attempt]),
    );
    const steps = await this.steps.find({
      where: { attemptId: In([...attempts.keys()]) },
      order: { seq: 'ASC' },
    });
    const names = new Map(
      (await this.users.listByIds([...attempts.values()].map((attempt) => attempt.userId))).map(
        (user) => [user.id, user.displayName],
      ),
    );
    const items: ReviewQueueItem[] = [];
    for (const slot of pending) {
      const attempt = attempts.get(slot.attemptId);
      if (!attempt) continue;
      const log = steps.filter(
        (step) => step.attemptId === slot.attemptId && step.slot === slot.slot,
      );
      const answer = [...log].reverse().find((step) => step.action === 'save')?.response;
      const question = slot.definition;
      items.push({
        attemptId: attempt.id,
        examId: attempt.examId,
        examTitle: this.examTitle(attempt.examId),
        userId: attempt.userId,
        userName: names.get(attempt.userId) ?? attempt.userId,
        finishedAt: attempt.finishedAt,
        slot: slot.slot,
        questionId: slot.questionId,
        prompt: question.prompt,
        format: question.format,
        answer: answer && 'text' in answer ? answer.text : '',
        modelAnswer: question.type === 'freetext' ? question.modelAnswer : null,
        maxMark: slot.maxMark,
        provisionalFraction: slot.fraction,
        provisionalMark: slot.fraction === null ? null : markFor(slot.fraction, slot.maxMark),
        score: [...log].reverse().find((step) => step.score)?.score ?? null,
      });
    }
    return items.sort(
      (a, b) => (a.finishedAt?.getTime() ?? 0) - (b.finishedAt?.getTime() ?? 0) || a.slot - b.slot,
    );
  }

  /** Item analysis of an exam over its finished attempts whose marks are final. */
  async statistics(examId: string, options: StatisticsOptions = {}): Promise<ExamStatistics> {
    this.banks.exam(examId);
    let attempts = await this.attempts.find({
      where: { examId, status: 'finished', pending: 0 },
      order: { userId: 'ASC', attemptNumber: 'ASC' },
    });
    if (options.firstAttemptsOnly)
      attempts = attempts.filter(
        (attempt, i) => i === 0 || attempts[i - 1].userId !== attempt.userId,
      );
    if (attempts.length === 0) return examStatistics([]);
    const ids = attempts.map((attempt) => attempt.id);
    const slots = await this.slots.find({ where: { attemptId: In(ids) }, order: { slot: 'ASC' } });
    const saves = await this.steps.find({
      where: { attemptId: In(ids), action: 'save' },
      order: { seq: 'ASC' },
    });
    const responses = new Map<string, QuestionResponse | null>();
    for (const step of saves) responses.set(`${step.attemptId}:${step.slot}`, step.response);
    // Items for Cronbach's alpha: the questions themselves when every attempt has the same ones
    // (a fixed form), otherwise the draw positions of the sections (Moodle's slots).
    const setOf = (attemptId: string): string =>
      slots
        .filter((slot) => slot.attemptId === attemptId)
        .map((slot) => slot.questionId)
        .sort()
        .join();
    const fixedForm = new Set(attempts.map((attempt) => setOf(attempt.id))).size === 1;
    const input: StatisticsAttempt[] = attempts.map((attempt) => ({
      percent: attempt.percent ?? 0,
      passed: attempt.passed === true,
      items: slots
        .filter((slot) => slot.attemptId === attempt.id)
        .map((slot) => ({
          itemKey: fixedForm ? slot.questionId : `${slot.section}.${slot.position}`,
          question: slot.definition,
          response: responses.get(`${attempt.id}:${slot.slot}`) ?? null,
          fraction: slot.fraction ?? 0,
          maxMark: slot.maxMark,
        })),
    }));
    return examStatistics(input);
  }

  /** One row per question, for a spreadsheet. */
  async statisticsCsv(examId: string, options: StatisticsOptions = {}): Promise<string> {
    const statistics = await this.statistics(examId, options);
    const percent = (value: number | null): string => (value === null ? '' : value.toFixed(2));
    return stringify(
      statistics.questions.map((question) => [
        question.questionId,
        question.type,
        question.prompt,
        question.attempts,
        percent(question.facilityIndex),
        percent(question.discriminationIndex),
        percent(question.upperLowerIndex),
        question.responses
          .map(
            (response) =>
              `${response.label}${response.fraction === null ? '' : ` (${response.fraction})`}: ${response.count}`,
          )
          .join('; '),
      ]),
      {
        header: true,
        columns: [
          'question_id',
          'type',
          'prompt',
          'attempts',
          'facility_index',
          'discrimination_index',
          'upper_lower_27_index',
          'responses',
        ],
      },
    );
  }

  private examTitle(examId: string): string {
    return this.banks.examOrStub(examId).title;
  }
}
