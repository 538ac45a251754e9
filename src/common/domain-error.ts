/** A field-level problem: `path` is the dotted field path (`rows.2.email`), as clients see it. */
export interface FieldError {
  path: string;
  messages: string[];
}

/**
 * Base of every error a service throws on purpose. Services never throw HttpException:
 * the one filter at the edge maps `status`/`code` to JSON or an error page.
 */
export class DomainError extends Error {
  /** Where a browser asking for a page is sent instead of an error page (API clients get JSON). */
  pageRedirect?: string;

  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * The base of a feature's error class: one constructor taking the feature's codes, each answered
 * with its status from `statusOf`. `class CourseError extends errorFamily(STATUS) { … }`.
 */
export function errorFamily<Code extends string>(statusOf: Record<Code, number>) {
  return class extends DomainError {
    constructor(code: Code, message: string, errors?: FieldError[]) {
      super(code, statusOf[code], message, errors);
    }
  };
}

export enum CommonErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  BadRequest = 'BAD_REQUEST',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  CsrfFailed = 'CSRF_FAILED',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  Internal = 'INTERNAL',
}

export const COMMON_ERROR_STATUS = {
  [CommonErrorCode.ValidationFailed]: 400,
  [CommonErrorCode.BadRequest]: 400,
  [CommonErrorCode.Unauthenticated]: 401,
  [CommonErrorCode.Forbidden]: 403,
  [CommonErrorCode.NotFound]: 404,
  [CommonErrorCode.Conflict]: 409,
  [CommonErrorCode.CsrfFailed]: 403,
  [CommonErrorCode.TooManyRequests]: 429,
  [CommonErrorCode.PayloadTooLarge]: 413,
  [CommonErrorCode.UnsupportedMediaType]: 415,
  [CommonErrorCode.Internal]: 500,
} satisfies Record<CommonErrorCode, number>;

export class AppError extends errorFamily(COMMON_ERROR_STATUS) {
  static notFound(what: string): AppError {
    return new AppError(CommonErrorCode.NotFound, `${what} not found`);
  }

  static validation(errors: FieldError[], message = 'The request is not valid'): AppError {
    return new AppError(CommonErrorCode.ValidationFailed, message, errors);
  }

  static conflict(message: string, errors?: FieldError[]): AppError {
    return new AppError(CommonErrorCode.Conflict, message, errors);
  }

  static forbidden(message = 'You may not do this'): AppError {
    return new AppError(CommonErrorCode.Forbidden, message);
  }
}
