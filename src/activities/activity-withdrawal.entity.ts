import { Column, Entity, PrimaryColumn } from 'typeorm';

export type WithdrawableKind = 'exam' | 'scenario';

/**
 * An exam or scenario of the app's editors that trainers took away from trainees: no new
 * attempt or session starts and it leaves the lists; passes made before still count towards
 * certificates and positions.
 * What was taken before stays. Reinstating deletes the row.
 */
@Entity('activity_withdrawals')
export class ActivityWithdrawal {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  kind!: WithdrawableKind;

  @PrimaryColumn({ name: 'activity_id', type: 'varchar', length: 80 })
  activityId!: string;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Column({ name: 'withdrawn_at', type: Date })
  withdrawnAt!: Date;

  @Column({ name: 'withdrawn_by_id', type: 'varchar', length: 36, nullable: true })
  withdrawnById!: string | null;
}
