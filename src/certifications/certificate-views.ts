import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CertificateEvidence } from './certificate-evidence';
import type { CertificateStatus } from './engine';

export class CertificateLinksView {
  @ApiProperty({ description: 'Public verification page (no login)' })
  verification!: string;
  @ApiProperty({ description: 'Public verification JSON (no login)' })
  verificationJson!: string;
  @ApiProperty({ description: 'PDF certificate with a QR code (owner and staff)' })
  pdf!: string;
  @ApiProperty({ description: 'Open Badges 2.0 assertion (JSON-LD, hosted verification, public)' })
  badge!: string;
  @ApiProperty({ description: 'Open Badges 3.0 OpenBadgeCredential (unsigned, public)' })
  credential!: string;
}

export class CertificateView {
  @ApiProperty() id!: string;
  @ApiProperty() userId!: string;
  @ApiProperty() holderName!: string;
  @ApiProperty() programmeId!: string;
  @ApiProperty() programmeTitle!: string;
  @ApiProperty() programmeVersion!: number;
  @ApiProperty({ description: '1 for the first award, +1 for every renewal' }) cycle!: number;
  @ApiProperty({ enum: ['active', 'expiring', 'expired', 'revoked', 'superseded'] })
  status!: CertificateStatus;
  @ApiProperty() issuedAt!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ description: 'Recertification opens here' }) renewalOpensAt!: string;
  @ApiPropertyOptional({ nullable: true, description: 'Reason, who and when, once revoked' })
  revocation!: { reason: string; by: string | null; at: string } | null;
  @ApiPropertyOptional({ nullable: true, description: 'The cycle that replaced this one' })
  supersededBy!: string | null;
  @ApiProperty({ description: 'Which records and sign-offs satisfied which requirement' })
  evidence!: CertificateEvidence;
  @ApiProperty({ type: CertificateLinksView }) links!: CertificateLinksView;
}

export class RequirementProgressView {
  @ApiProperty() key!: string;
  @ApiProperty({ enum: ['course', 'exam', 'simulation', 'sign-off'] }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() met!: boolean;
  @ApiProperty() done!: number;
  @ApiProperty() needed!: number;
  @ApiProperty({ description: 'What is left, in words ("" when met)' }) missing!: string;
  @ApiPropertyOptional({ nullable: true, description: 'Where to work on it' })
  link!: string | null;
  @ApiProperty({ description: 'The records used so far' })
  evidence!: { name: string; occurredAt: string; score: number | null }[];
}

export class ProgrammeProgressView {
  @ApiProperty() programmeId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({
    enum: ['earn', 'renew', 're-earn', 'held'],
    description:
      'earn: not held yet; renew: inside the renewal window; re-earn: expired or revoked; held: current and not yet renewable',
  })
  phase!: 'earn' | 'renew' | 're-earn' | 'held';
  @ApiPropertyOptional({ nullable: true, type: CertificateView })
  current!: CertificateView | null;
  @ApiProperty({ description: 'Whether every requirement of the phase is met' }) met!: boolean;
  @ApiProperty({ type: [RequirementProgressView] }) requirements!: RequirementProgressView[];
}

export class MyCertificatesView {
  @ApiProperty({ type: [CertificateView], description: 'Every cycle, newest first' })
  certificates!: CertificateView[];
  @ApiProperty({ type: [ProgrammeProgressView] }) progress!: ProgrammeProgressView[];
}

export class VerificationView {
  @ApiProperty() holderName!: string;
  @ApiProperty() programme!: string;
  @ApiProperty() issuedAt!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ enum: ['active', 'expiring', 'expired', 'revoked', 'superseded'] })
  status!: CertificateStatus;
}

/** One check of a credential someone presents (POST /api/badges/verify). */
export class CredentialCheck {
  @ApiProperty({
    enum: ['format', 'issuer', 'signature', 'validity', 'status', 'record'],
    description: 'status: the W3C Bitstring Status List entry, when the credential has one',
  })
  check!: 'format' | 'issuer' | 'signature' | 'validity' | 'status' | 'record';
  @ApiProperty({ enum: ['passed', 'failed'] }) outcome!: 'passed' | 'failed';
  @ApiProperty() message!: string;
}

export class CredentialCheckView {
  @ApiProperty({ description: 'true when every check passed' }) verified!: boolean;
  @ApiProperty({ type: [CredentialCheck] }) checks!: CredentialCheck[];
  @ApiProperty({
    type: VerificationView,
    nullable: true,
    description: 'The certificate on record, when the credential names one of ours',
  })
  certificate!: VerificationView | null;
}

export class IssuerKeyView {
  @ApiProperty({
    description: 'The public key in multibase (z6Mk…), also its verificationMethod fragment',
  })
  id!: string;
  @ApiProperty({ description: 'The Multikey id credentials name in proof.verificationMethod' })
  verificationMethod!: string;
  @ApiProperty({
    enum: ['active', 'retired', 'revoked'],
    description:
      'active: may sign; retired: signs no more, still verifies; revoked: verifies nothing any more',
  })
  state!: 'active' | 'retired' | 'revoked';
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true }) retiredAt!: string | null;
  @ApiPropertyOptional({ nullable: true }) revokedAt!: string | null;
  @ApiPropertyOptional({ nullable: true }) revocationReason!: string | null;
  @ApiProperty({ description: 'This instance signs new credentials and status lists with it' })
  signing!: boolean;
  @ApiProperty({ description: "This instance's AUTH_SECRET opens the key's sealed private seed" })
  unsealable!: boolean;
}
