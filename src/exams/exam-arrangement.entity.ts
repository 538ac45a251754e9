import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An individual arrangement for one person and one exam, set by a trainer: extra time on every
 * attempt (an access arrangement, say) and extra attempts beyond the exam's limit (a call that
 * dropped mid-exam). One per person and exam; the reason is kept for the audit.
 */
@Entity('exam_arrangements')
export class ExamArrangement {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'exam_id', type: 'varchar', length: 80 })
  examId!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'extra_minutes', type: 'integer' })
  extraMinutes!: number;

  @Column({ name: 'extra_attempts', type: 'integer' })
  extraAttempts!: number;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'set_by_id', type: 'varchar', length: 36 })
  setById!: string;

  @Column({ name: 'set_at', type: Date })
  setAt!: Date;
}
