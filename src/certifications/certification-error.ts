import { errorFamily } from '../common/domain-error';

export enum CertificationErrorCode {
  ProgrammeNotFound = 'PROGRAMME_NOT_FOUND',
  CertificateNotFound = 'CERTIFICATE_NOT_FOUND',
  NoticeNotFound = 'NOTICE_NOT_FOUND',
  StatusListNotFound = 'STATUS_LIST_NOT_FOUND',
  IssuerKeyNotFound = 'ISSUER_KEY_NOT_FOUND',
  PersonNotFound = 'USER_NOT_FOUND',
  AlreadyRevoked = 'ALREADY_REVOKED',
  NoSignOffNeeded = 'NO_SIGN_OFF_NEEDED',
  InvalidSignOff = 'INVALID_SIGN_OFF',
  SignerNotAllowed = 'SIGNER_NOT_ALLOWED',
}

const STATUS = {
  [CertificationErrorCode.ProgrammeNotFound]: 404,
  [CertificationErrorCode.CertificateNotFound]: 404,
  [CertificationErrorCode.NoticeNotFound]: 404,
  [CertificationErrorCode.StatusListNotFound]: 404,
  [CertificationErrorCode.IssuerKeyNotFound]: 404,
  [CertificationErrorCode.PersonNotFound]: 404,
  [CertificationErrorCode.AlreadyRevoked]: 409,
  [CertificationErrorCode.NoSignOffNeeded]: 409,
  [CertificationErrorCode.InvalidSignOff]: 400,
  [CertificationErrorCode.SignerNotAllowed]: 403,
} satisfies Record<CertificationErrorCode, number>;

export class CertificationError extends errorFamily(STATUS) {
  // The same answer for a certificate that does not exist and one the viewer may not see.
  static certificateNotFound(): CertificationError {
    return new CertificationError(
      CertificationErrorCode.CertificateNotFound,
      'Certificate not found',
    );
  }

  static personNotFound(): CertificationError {
    return new CertificationError(CertificationErrorCode.PersonNotFound, 'User not found');
  }
}
