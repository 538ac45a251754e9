import { errorFamily } from '../common/domain-error';

/** Where someone chooses a new password. */
export const ACCOUNT_PASSWORD_PAGE = '/account/password';

export enum IdentityErrorCode {
  InvalidCredentials = 'INVALID_CREDENTIALS',
  LoginThrottled = 'LOGIN_THROTTLED',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  CsrfFailed = 'CSRF_FAILED',
  UserNotFound = 'USER_NOT_FOUND',
  EmailTaken = 'EMAIL_TAKEN',
  EmployeeNumberTaken = 'EMPLOYEE_NUMBER_TAKEN',
  ImportRejected = 'IMPORT_REJECTED',
  TeamNotManaged = 'TEAM_NOT_MANAGED',
  PasswordChangeRequired = 'PASSWORD_CHANGE_REQUIRED',
  CurrentPasswordWrong = 'CURRENT_PASSWORD_WRONG',
  LastAdmin = 'LAST_ADMIN',
  UserActive = 'USER_ACTIVE',
  AlreadyErased = 'ALREADY_ERASED',
}

const STATUS = {
  [IdentityErrorCode.InvalidCredentials]: 401,
  [IdentityErrorCode.LoginThrottled]: 429,
  [IdentityErrorCode.Unauthenticated]: 401,
  [IdentityErrorCode.Forbidden]: 403,
  [IdentityErrorCode.CsrfFailed]: 403,
  [IdentityErrorCode.UserNotFound]: 404,
  [IdentityErrorCode.EmailTaken]: 409,
  [IdentityErrorCode.EmployeeNumberTaken]: 409,
  [IdentityErrorCode.ImportRejected]: 422,
  [IdentityErrorCode.TeamNotManaged]: 403,
  [IdentityErrorCode.PasswordChangeRequired]: 403,
  [IdentityErrorCode.CurrentPasswordWrong]: 400,
  [IdentityErrorCode.LastAdmin]: 409,
  [IdentityErrorCode.UserActive]: 409,
  [IdentityErrorCode.AlreadyErased]: 409,
} satisfies Record<IdentityErrorCode, number>;

export class IdentityError extends errorFamily(STATUS) {
  retryAfterSeconds?: number;

  static throttled(retryAfterSeconds: number): IdentityError {
    const error = new IdentityError(
      IdentityErrorCode.LoginThrottled,
      'Too many failed sign-ins; try again later',
    );
    error.retryAfterSeconds = retryAfterSeconds;
    return error;
  }

  /** Signed in with a temporary password: pages send the person to choose their own. */
  static passwordChangeRequired(): IdentityError {
    const error = new IdentityError(
      IdentityErrorCode.PasswordChangeRequired,
      'Your password was set by someone else: choose your own first (PUT /api/me/password)',
    );
    error.pageRedirect = ACCOUNT_PASSWORD_PAGE;
    return error;
  }
}
