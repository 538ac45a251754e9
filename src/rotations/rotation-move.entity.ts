import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Eligibility } from './engine';

export const MOVE_STATUSES = ['proposed', 'approved', 'applied', 'rejected', 'cancelled'] as const;
export type MoveStatus = (typeof MOVE_STATUSES)[number];

/**
 * A proposed change of position: proposed → approved (waiting for its effective day) → applied
 * (the history changed), or rejected / cancelled. At most one pending move per person.
 */
@Entity('rotation_moves')
export class RotationMove {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'position_id', type: 'varchar', length: 80 })
  positionId!: string;

  // The position the person held when the move was proposed, then the one it actually ended.
  @Column({ name: 'from_position_id', type: 'varchar', length: 80, nullable: true })
  fromPositionId!: string | null;

  @Column({ name: 'effective_on', type: 'varchar', length: 10 })
  effectiveOn!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note!: string | null;

  @Column({ type: 'varchar', length: 20 })
  status!: MoveStatus;

  // 'pending' while proposed or approved, null after: unique per user.
  @Column({ name: 'pending_key', type: 'varchar', length: 10, nullable: true })
  pendingKey!: string | null;

  @Column({ name: 'proposed_by_id', type: 'varchar', length: 36 })
  proposedById!: string;

  @Column({ name: 'proposed_at', type: Date })
  proposedAt!: Date;

  @Column({ name: 'decided_by_id', type: 'varchar', length: 36, nullable: true })
  decidedById!: string | null;

  @Column({ name: 'decided_at', type: Date, nullable: true })
  decidedAt!: Date | null;

  // Why it was rejected or cancelled.
  @Column({ name: 'decision_reason', type: 'varchar', length: 1000, nullable: true })
  decisionReason!: string | null;

  // Set when an ineligible person was approved anyway.
  @Column({ name: 'override_reason', type: 'varchar', length: 1000, nullable: true })
  overrideReason!: string | null;

  // The eligibility the approver saw, kept as evidence of the decision.
  @Column({ name: 'eligibility_at_decision', type: 'simple-json', nullable: true })
  eligibilityAtDecision!: Eligibility | null;

  @Column({ name: 'applied_at', type: Date, nullable: true })
  appliedAt!: Date | null;

  @Column({ name: 'history_id', type: 'varchar', length: 36, nullable: true })
  historyId!: string | null;

  @Column({ name: 'review_due_on', type: 'varchar', length: 10, nullable: true })
  reviewDueOn!: string | null;
}
