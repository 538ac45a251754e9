import { Column, Entity, PrimaryColumn } from 'typeorm';

export const ATTEMPT_STATUSES = ['in-progress', 'finished'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];
export type FinishReason = 'submitted' | 'deadline';

/**
 * One person's try at one exam. The questions, their order and their state live in the
 * attempt's slots and steps; the totals here are a copy for lists, recomputed in one place.
 */
@Entity('exam_attempts')
export class ExamAttempt {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'exam_id', type: 'varchar', length: 80 })
  examId!: string;

  // The exam definition's version (hash) the questions were drawn from.
  @Column({ name: 'exam_version', type: 'varchar', length: 64 })
  examVersion!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'attempt_number', type: 'integer' })
  attemptNumber!: number;

  // Seed of the draw and shuffles: the same seed, exam and banks give the same attempt.
  @Column({ type: 'varchar', length: 64 })
  seed!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: AttemptStatus;

  // 'open' while in progress, null once finished: a unique index on (exam, user, open_key)
  // lets the database itself refuse a second open attempt.
  @Column({ name: 'open_key', type: 'varchar', length: 10, nullable: true })
  openKey!: string | null;

  @Column({ name: 'started_at', type: Date })
  startedAt!: Date;

  @Column({ name: 'deadline_at', type: Date })
  deadlineAt!: Date;

  @Column({ name: 'finished_at', type: Date, nullable: true })
  finishedAt!: Date | null;

  @Column({ name: 'finish_reason', type: 'varchar', length: 20, nullable: true })
  finishReason!: FinishReason | null;

  // The pass mark the attempt is judged by, copied from the exam when it starts.
  @Column({ name: 'pass_mark', type: 'double precision' })
  passMark!: number;

  @Column({ type: 'double precision', nullable: true })
  marks!: number | null;

  @Column({ name: 'max_marks', type: 'double precision' })
  maxMarks!: number;

  @Column({ type: 'double precision', nullable: true })
  percent!: number | null;

  // Questions still waiting for a trainer; the marks are provisional while this is above 0.
  @Column({ type: 'integer', default: 0 })
  pending!: number;

  @Column({ type: 'boolean', nullable: true })
  passed!: boolean | null;
}
