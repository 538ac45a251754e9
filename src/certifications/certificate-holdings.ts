/** Where a certificate stands on a given day. */
export type HoldingStatus = 'active' | 'expiring' | 'expired' | 'revoked' | 'superseded';

/**
 * One certificate cycle a person holds (or held), as other features need to see it: only what
 * they read, since a workforce has tens of thousands of cycles.
 */
export interface CertificateHolding {
  userId: string;
  programmeId: string;
  status: HoldingStatus;
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
