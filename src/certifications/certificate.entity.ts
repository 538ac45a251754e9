import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CertificateStatus } from './engine';
import type { CertificateEvidence } from './certificate-evidence';

/**
 * One cycle of one certificate: a row of the append-only ledger. Rows are never deleted and the
 * facts (holder, programme, cycle, dates, evidence) never change; only the status columns move
 * (expiring, expired, revoked with reason and by whom, superseded by the next cycle).
 */
@Entity('certificates')
export class Certificate {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'programme_id', type: 'varchar', length: 80 })
  programmeId!: string;

  @Column({ name: 'programme_version', type: 'integer' })
  programmeVersion!: number;

  // Kept with the award: the title it was earned under, even if the file changes later.
  @Column({ name: 'programme_title', type: 'varchar', length: 120 })
  programmeTitle!: string;

  @Column({ type: 'integer' })
  cycle!: number;

  @Column({ name: 'issued_at', type: Date })
  issuedAt!: Date;

  @Column({ name: 'expires_at', type: Date })
  expiresAt!: Date;

  @Column({ name: 'renewal_opens_at', type: Date })
  renewalOpensAt!: Date;

  @Column({ type: 'simple-json' })
  evidence!: CertificateEvidence;

  @Column({ type: 'varchar', length: 12 })
  status!: CertificateStatus;

  @Column({ name: 'status_changed_at', type: Date })
  statusChangedAt!: Date;

  @Column({ name: 'revoked_reason', type: 'text', nullable: true })
  revokedReason!: string | null;

  @Column({ name: 'revoked_by', type: 'varchar', length: 36, nullable: true })
  revokedBy!: string | null;

  @Column({ name: 'revoked_at', type: Date, nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'superseded_by', type: 'varchar', length: 36, nullable: true })
  supersededBy!: string | null;

  // 32 random bytes, base64url: the public verification URL is unguessable.
  @Column({ name: 'verification_token', type: 'varchar', length: 64 })
  verificationToken!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
