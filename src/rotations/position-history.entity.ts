import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One stretch of one person in one position, `startedOn` to `endedOn` (calendar days, UTC; the
 * end day is the first day in the next position). The row with no end is the current position.
 */
@Entity('position_history')
export class PositionHistory {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'position_id', type: 'varchar', length: 80 })
  positionId!: string;

  @Column({ name: 'started_on', type: 'varchar', length: 10 })
  startedOn!: string;

  @Column({ name: 'ended_on', type: 'varchar', length: 10, nullable: true })
  endedOn!: string | null;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  // The approved move that opened the row (null for seeded or recorded rows).
  @Column({ name: 'move_id', type: 'varchar', length: 36, nullable: true })
  moveId!: string | null;

  // 'current' while the row is open, null once closed: a unique index on (user, current_key)
  // lets the database itself refuse a second current position.
  @Column({ name: 'current_key', type: 'varchar', length: 10, nullable: true })
  currentKey!: string | null;

  @Column({ name: 'recorded_at', type: Date })
  recordedAt!: Date;
}
