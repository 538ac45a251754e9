import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LearningRecordsService } from '../learning-records/learning-records.service';
import { ACTIVITY_TYPES, activityIri, isoDuration, VERBS } from '../learning-records/xapi';
import { ExamAttempt } from './exam-attempt.entity';
import { ExamDefinition } from './exam-definition';

/**
 * The exams' entries in the learning record (xAPI): "attempted" when an attempt starts, then
 * "passed" or "failed" once its marks are final (after any review by a trainer).
 */
@Injectable()
export class ExamRecords {
  constructor(private readonly records: LearningRecordsService) {}

  async attempted(
    manager: EntityManager,
    exam: ExamDefinition,
    attempt: ExamAttempt,
  ): Promise<void> {
    await this.records.record(
      {
        userId: attempt.userId,
        verb: VERBS.attempted,
        object: this.activity(exam),
        context: { registration: attempt.id, revision: attempt.examVersion },
        at: attempt.startedAt,
      },
      manager,
    );
  }

  /** Records the verdict; call it whenever an attempt's verdict becomes known or changes. */
  async verdict(
    manager: EntityManager,
    exam: ExamDefinition,
    attempt: ExamAttempt,
    at: Date,
  ): Promise<void> {
    if (attempt.passed === null || attempt.finishedAt === null) return;
    await this.records.record(
      {
        userId: attempt.userId,
        verb: attempt.passed ? VERBS.passed : VERBS.failed,
        object: this.activity(exam),
        result: {
          score: {
            scaled: Math.round((attempt.percent ?? 0) * 100) / 10000,
            raw: attempt.marks ?? 0,
            min: 0,
            max: attempt.maxMarks,
          },
          success: attempt.passed,
          completion: true,
          duration: isoDuration(
            (attempt.finishedAt.getTime() - attempt.startedAt.getTime()) / 1000,
          ),
        },
        context: { registration: attempt.id, revision: attempt.examVersion },
        at,
      },
      manager,
    );
  }

  private activity(exam: ExamDefinition): { id: string; type: string; name: string } {
    return { id: activityIri('exam', exam.id), type: ACTIVITY_TYPES.assessment, name: exam.title };
  }
}
