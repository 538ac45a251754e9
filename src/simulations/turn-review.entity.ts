import { Column, Entity, PrimaryColumn } from 'typeorm';

export const REVIEW_VERDICTS = ['pass', 'fail'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

/**
 * A trainer's or supervisor's own judgement of one role-play reply: would it pass on a real
 * contact, and how polite and empathetic was it (1–5). One per reviewer and turn; the reviewer
 * may change it. The note is coaching the trainee reads in the debrief.
 */
@Entity('simulation_turn_reviews')
export class TurnReview {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'turn_id', type: 'varchar', length: 36 })
  turnId!: string;

  @Column({ name: 'session_id', type: 'varchar', length: 36 })
  sessionId!: string;

  @Column({ name: 'reviewer_id', type: 'varchar', length: 36 })
  reviewerId!: string;

  @Column({ type: 'varchar', length: 4 })
  verdict!: ReviewVerdict;

  @Column({ type: 'integer', nullable: true })
  politeness!: number | null;

  @Column({ type: 'integer', nullable: true })
  empathy!: number | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;

  // When the trainee opened the debrief after the review was given or last changed; null: new.
  @Column({ name: 'seen_at', type: Date, nullable: true })
  seenAt!: Date | null;
}
