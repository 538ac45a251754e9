import { errorFamily, FieldError } from '../common/domain-error';

export enum ReportErrorCode {
  InvalidFilter = 'INVALID_REPORT_FILTER',
  UnknownTable = 'EXPORT_TABLE_NOT_FOUND',
  PersonNotFound = 'USER_NOT_FOUND',
}

const STATUS = {
  [ReportErrorCode.InvalidFilter]: 400,
  [ReportErrorCode.UnknownTable]: 404,
  [ReportErrorCode.PersonNotFound]: 404,
} satisfies Record<ReportErrorCode, number>;

export class ReportError extends errorFamily(STATUS) {
  static invalidFilters(errors: FieldError[]): ReportError {
    return new ReportError(
      ReportErrorCode.InvalidFilter,
      'The report filters are not valid',
      errors,
    );
  }

  static personNotFound(): ReportError {
    // The same answer for someone who does not exist and someone outside the viewer's teams.
    return new ReportError(ReportErrorCode.PersonNotFound, 'User not found');
  }
}
