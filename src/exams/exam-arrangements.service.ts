import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { AppError } from '../common/domain-error';
import { runTransaction } from '../database/transactions';
import { AuditService } from '../identity/audit.service';
import { UsersService } from '../identity/users.service';
import { Viewer } from '../identity/viewer';
import { ExamArrangementDto, ExamArrangementView } from './dto/exam-arrangement.dto';
import { ExamArrangement } from './exam-arrangement.entity';
import { ExamDefinition } from './exam-definition';
import { ExamError, ExamErrorCode } from './exam-error';
import { QuestionBankService } from './question-bank.service';

/** What an arrangement changes for its person: the time limit and the attempt limit. */
export type Arrangement = Pick<ExamArrangement, 'extraMinutes' | 'extraAttempts'>;

/**
 * The exam as it applies to one person: their extra minutes on the time limit, their extra
 * attempts on a limited exam (unlimited stays unlimited). Without an arrangement, the exam.
 */
export function examFor(exam: ExamDefinition, arrangement: Arrangement | null): ExamDefinition {
  if (!arrangement) return exam;
  return {
    ...exam,
    timeLimitMinutes: exam.timeLimitMinutes + arrangement.extraMinutes,
    attemptsAllowed:
      exam.attemptsAllowed === 0 ? 0 : exam.attemptsAllowed + arrangement.extraAttempts,
  };
}

/**
 * Individual arrangements: a trainer gives one person extra time on an exam, extra attempts,
 * or both, with a reason. Each change is audited (`exam.arrangement.set` / `.removed`).
 */
@Injectable()
export class ExamArrangementsService {
  constructor(
    @InjectRepository(ExamArrangement) private readonly rows: Repository<ExamArrangement>,
    private readonly banks: QuestionBankService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The person's arrangement for the exam, or null. */
  async forPerson(examId: string, userId: string): Promise<ExamArrangement | null> {
    return this.rows.findOne({ where: { examId, userId } });
  }

  /** The person's arrangements, by exam id. */
  async allForPerson(userId: string): Promise<Map<string, ExamArrangement>> {
    const rows = await this.rows.find({ where: { userId } });
    return new Map(rows.map((row) => [row.examId, row]));
  }

  async list(examId: string): Promise<ExamArrangementView[]> {
    this.banks.exam(examId);
    const rows = await this.rows.find({ where: { examId } });
    const people = new Map(
      (await this.users.listByIds(rows.map((row) => row.userId))).map((user) => [user.id, user]),
    );
    return rows
      .map((row) => ({
        examId: row.examId,
        userId: row.userId,
        userName: people.get(row.userId)?.displayName ?? row.userId,
        email: people.get(row.userId)?.email ?? '',
        extraMinutes: row.extraMinutes,
        extraAttempts: row.extraAttempts,
        reason: row.reason,
        setById: row.setById,
        setAt: row.setAt.toISOString(),
      }))
      .sort((a, b) => a.userName.localeCompare(b.userName) || a.userId.localeCompare(b.userId));
  }

  /** Sets (creates or replaces) the person's arrangement; it applies to attempts started from now. */
  async set(
    viewer: Viewer,
    examId: string,
    userId: string,
    dto: ExamArrangementDto,
  ): Promise<ExamArrangementView> {
    this.banks.exam(examId);
    await this.users.get(userId);
    if (dto.extraMinutes === 0 && dto.extraAttempts === 0)
      throw AppError.validation([
        {
          path: 'extraMinutes',
          messages: ['give extra minutes, extra attempts or both (or remove the arrangement)'],
        },
      ]);
    const reason = dto.reason.trim();
    await runTransaction(this.rows.manager.connection, async (manager) => {
      const existing = await manager.findOne(ExamArrangement, { where: { examId, userId } });
      const row: ExamArrangement = {
        id: existing?.id ?? randomUUID(),
        examId,
        userId,
        extraMinutes: dto.extraMinutes,
        extraAttempts: dto.extraAttempts,
        reason,
        setById: viewer.id,
        setAt: this.clock.now(),
      };
      await manager.save(ExamArrangement, row);
      await this.audit.record(
        viewer,
        {
          action: 'exam.arrangement.set',
          targetType: 'user',
          targetId: userId,
          summary: {
            examId,
            extraMinutes: dto.extraMinutes,
            extraAttempts: dto.extraAttempts,
            reason,
            replaced: existing !== null,
          },
        },
        manager,
      );
    });
    return (await this.list(examId)).find((view) => view.userId === userId)!;
  }

  async remove(viewer: Viewer, examId: string, userId: string): Promise<void> {
    await runTransaction(this.rows.manager.connection, async (manager) => {
      const removed = await manager.delete(ExamArrangement, { examId, userId });
      if (!removed.affected)
        throw new ExamError(
          ExamErrorCode.ArrangementNotFound,
          'This person has no arrangement for this exam',
        );
      await this.audit.record(
        viewer,
        {
          action: 'exam.arrangement.removed',
          targetType: 'user',
          targetId: userId,
          summary: { examId },
        },
        manager,
      );
    });
  }
}
