import { Column, Entity, PrimaryColumn } from 'typeorm';

export const ENROLMENT_STATUSES = ['not_started', 'in_progress', 'completed'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** One person on one course: self-enrolled or assigned, with where they are and how it ended. */
@Entity('enrolments')
export class Enrolment {
  // Also the xAPI registration of every learning record of this enrolment.
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'course_id', type: 'varchar', length: 80 })
  courseId!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: EnrolmentStatus;

  @Column({ name: 'enrolled_at', type: Date })
  enrolledAt!: Date;

  // Null when the person enrolled themselves.
  @Column({ name: 'assigned_by_id', type: 'varchar', length: 36, nullable: true })
  assignedById!: string | null;

  @Column({ name: 'assigned_at', type: Date, nullable: true })
  assignedAt!: Date | null;

  // A calendar day (YYYY-MM-DD): the course is due by the end of it.
  @Column({ name: 'due_date', type: 'varchar', length: 10, nullable: true })
  dueDate!: string | null;

  @Column({ name: 'started_at', type: Date, nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'completed_at', type: Date, nullable: true })
  completedAt!: Date | null;

  // The course version the completion was earned on.
  @Column({ name: 'completed_version', type: 'integer', nullable: true })
  completedVersion!: number | null;

  // Mean first-try knowledge-check score of the lessons (0..1), set on completion.
  @Column({ type: 'double precision', nullable: true })
  score!: number | null;

  @Column({ name: 'last_lesson_id', type: 'varchar', length: 80, nullable: true })
  lastLessonId!: string | null;
}
