import {
  CertificateView,
  CredentialCheckView,
  MyCertificatesView,
  VerificationView,
} from './certificate-views';
import { CertificateStatus } from './engine';

const STATUS: Record<CertificateStatus, { label: string; tone: string }> = {
  active: { label: 'Active', tone: 'good' },
  expiring: { label: 'Expiring — renewal open', tone: 'warn' },
  expired: { label: 'Expired', tone: 'bad' },
  revoked: { label: 'Revoked', tone: 'bad' },
  superseded: { label: 'Superseded by renewal', tone: '' },
};

const PHASE = {
  earn: { label: 'Not held yet', tone: '' },
  renew: { label: 'Renewal open', tone: 'warn' },
  're-earn': { label: 'Earn it again', tone: 'bad' },
  held: { label: 'Held', tone: 'good' },
} as const;

export function certificateRow(view: CertificateView): object {
  return {
    ...view,
    statusLabel: STATUS[view.status].label,
    tone: STATUS[view.status].tone,
    renewable: view.status === 'expiring',
  };
}

export function myCertificatesPage(view: MyCertificatesView, unread: number): object {
  return {
    title: 'My certificates',
    unread,
    certificates: view.certificates.map(certificateRow),
    progress: view.progress.map((programme) => ({
      ...programme,
      current: programme.current ? certificateRow(programme.current) : null,
      phaseLabel: PHASE[programme.phase].label,
      phaseTone: PHASE[programme.phase].tone,
    })),
  };
}

export function verificationPage(result: VerificationView, checkedAt: Date): object {
  return {
    title: 'Certificate verification',
    result,
    valid: result.status === 'active' || result.status === 'expiring',
    statusLabel: STATUS[result.status].label,
    tone: STATUS[result.status].tone,
    checkedAt: checkedAt.toISOString(),
  };
}

const CHECK_LABELS = {
  format: 'Open Badges 3.0',
  issuer: 'Issuer',
  signature: 'Signature',
  validity: 'Dates',
  status: 'Revocation list',
  record: 'Our records',
} as const;

/** The credential checker page: the form, and the checks once a credential was posted. */
export function credentialCheckPage(
  form: { credential?: unknown },
  outcome: { result?: CredentialCheckView; errors?: Record<string, string> } = {},
): object {
  const { result, errors } = outcome;
  return {
    title: 'Check an Open Badges credential',
    form,
    errors: errors ?? {},
    result: result && {
      verified: result.verified,
      checks: result.checks.map((check) => ({
        ...check,
        label: CHECK_LABELS[check.check],
        tone: check.outcome === 'passed' ? 'good' : 'bad',
      })),
      certificate: result.certificate && {
        ...result.certificate,
        statusLabel: STATUS[result.certificate.status].label,
      },
    },
  };
}
