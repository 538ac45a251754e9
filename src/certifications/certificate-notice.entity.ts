import { Column, Entity, PrimaryColumn } from 'typeorm';

export const NOTICE_KINDS = [
  'issued',
  'reminder-60',
  'reminder-30',
  'reminder-7',
  'expired',
  'revoked',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** An in-app notice about a certificate; one per certificate and kind (a unique index). */
@Entity('certificate_notices')
export class CertificateNotice {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'certificate_id', type: 'varchar', length: 36 })
  certificateId!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: NoticeKind;

  @Column({ type: 'varchar', length: 400 })
  message!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'read_at', type: Date, nullable: true })
  readAt!: Date | null;
}
