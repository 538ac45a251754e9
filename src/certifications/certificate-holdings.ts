/** Where a certificate stands on a given day. */
export type HoldingStatus = 'active' | 'expiring' | 'expired' | 'revoked' | 'superseded';

/** One certificate cycle a person holds (or held), as other features need to see it. */
export interface CertificateHolding {
  certificateId: string;
  userId: string;
  programmeId: string;
  programmeTitle: string;
  cycle: number;
  status: HoldingStatus;
  issuedAt: Date;
  expiresAt: Date | null;
}

/**
 * What rotations and reports may ask of certifications. The certifications module provides it
 * (`{ provide: CertificateHoldings, useExisting: CertificationsService }`) and exports it.
 */
export abstract class CertificateHoldings {
  /** Every cycle of every certificate the given people hold or held, newest cycle first. */
  abstract holdingsOf(userIds: readonly string[]): Promise<CertificateHolding[]>;
}
