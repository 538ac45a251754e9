import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The supervisor's short review of a person some time after a move (one per move). */
@Entity('rotation_reviews')
export class RotationReview {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'move_id', type: 'varchar', length: 36 })
  moveId!: string;

  @Column({ name: 'history_id', type: 'varchar', length: 36 })
  historyId!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'reviewer_id', type: 'varchar', length: 36 })
  reviewerId!: string;

  @Column({ type: 'integer' })
  rating!: number;

  @Column({ type: 'varchar', length: 2000 })
  comments!: string;

  @Column({ name: 'reviewed_at', type: Date })
  reviewedAt!: Date;
}
