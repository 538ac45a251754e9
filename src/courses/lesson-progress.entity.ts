import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CheckState } from './engine/knowledge-check';

/** One person's progress through one lesson; kept by lesson id, so it survives content updates. */
@Entity('lesson_progress')
export class LessonProgress {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'enrolment_id', type: 'varchar', length: 36 })
  enrolmentId!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'course_id', type: 'varchar', length: 80 })
  courseId!: string;

  @Column({ name: 'lesson_id', type: 'varchar', length: 80 })
  lessonId!: string;

  @Column({ name: 'opened_at', type: Date })
  openedAt!: Date;

  // The last open, heartbeat or answer: time credited next is measured from here.
  @Column({ name: 'last_seen_at', type: Date })
  lastSeenAt!: Date;

  @Column({ name: 'completed_at', type: Date, nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'seconds_spent', type: 'integer', default: 0 })
  secondsSpent!: number;

  @Column({ name: 'check_state', type: 'simple-json' })
  checkState!: CheckState;

  // First-try share of the knowledge check answered right (0..1), set on completion.
  @Column({ type: 'double precision', nullable: true })
  score!: number | null;

  // The lesson file's hash when it was completed: a different current hash means "updated since".
  @Column({ name: 'content_hash', type: 'varchar', length: 64, nullable: true })
  contentHash!: string | null;

  @Column({ name: 'course_version', type: 'integer', nullable: true })
  courseVersion!: number | null;
}
