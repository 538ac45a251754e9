import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What one person thought of a course they completed: a 1–5 rating and an optional comment. One
 * per person and course (a unique index); saving again replaces it. Staff read these only as
 * totals and unsigned comments, never with the person (see CourseFeedbackService).
 */
@Entity('course_feedback')
export class CourseFeedback {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'course_id', type: 'varchar', length: 80 })
  courseId!: string;

  // The version the person completed, so trainers can tell feedback on an old text from new.
  @Column({ name: 'course_version', type: 'integer' })
  courseVersion!: number;

  @Column({ type: 'integer' })
  rating!: number;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;

  /** Set when staff hid the comment (the rating still counts); cleared when its text changes. */
  @Column({ name: 'comment_hidden_at', type: Date, nullable: true })
  commentHiddenAt!: Date | null;

  @Column({ name: 'comment_hidden_by', type: 'varchar', length: 36, nullable: true })
  commentHiddenBy!: string | null;

  @Column({ name: 'comment_hidden_reason', type: 'varchar', length: 500, nullable: true })
  commentHiddenReason!: string | null;
}
