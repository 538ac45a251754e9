import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A supervisor's signed observation checklist for one person and programme; append-only. */
@Entity('certificate_sign_offs')
export class SignOff {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'programme_id', type: 'varchar', length: 80 })
  programmeId!: string;

  @Column({ name: 'programme_version', type: 'integer' })
  programmeVersion!: number;

  @Column({ name: 'supervisor_id', type: 'varchar', length: 36 })
  supervisorId!: string;

  @Column({ name: 'supervisor_name', type: 'varchar', length: 120 })
  supervisorName!: string;

  // The checklist item ids the supervisor ticked.
  @Column({ type: 'simple-json' })
  ticked!: string[];

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'signed_at', type: Date })
  signedAt!: Date;
}
