/** What is stored with a certificate: which records and sign-offs satisfied which requirement. */
export interface CertificateEvidence {
  /** 'initial', 'renewal' (inside the window) or 're-earned' (after expiry or revocation). */
  basis: 'initial' | 'renewal' | 're-earned';
  requirements: {
    key: string;
    kind: string;
    target: string;
    items: {
      recordId: string | null;
      signOffId: string | null;
      activityId: string;
      name: string;
      occurredAt: string;
      score: number | null;
    }[];
  }[];
}
