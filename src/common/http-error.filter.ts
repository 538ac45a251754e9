import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { Request, Response } from 'express';
import { CommonErrorCode, DomainError, FieldError } from './domain-error';
import { wantsHtml } from './request-kind';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: FieldError[];
}

const CODE_BY_STATUS: Record<number, CommonErrorCode> = {
  400: CommonErrorCode.BadRequest,
  401: CommonErrorCode.Unauthenticated,
  403: CommonErrorCode.Forbidden,
  404: CommonErrorCode.NotFound,
  409: CommonErrorCode.Conflict,
  413: CommonErrorCode.PayloadTooLarge,
  415: CommonErrorCode.UnsupportedMediaType,
  429: CommonErrorCode.TooManyRequests,
};

/** The one place errors become responses: JSON for the API, an error page for the browser. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error(
        `${request.method} ${request.originalUrl}`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    if (response.headersSent) return;
    if (
      body.statusCode === 429 &&
      exception instanceof DomainError &&
      'retryAfterSeconds' in exception
    ) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    if (!wantsHtml(request)) {
      response.status(body.statusCode).json(body);
      return;
    }
    // A page that needs something first (signing in, a new password) sends the browser there.
    const redirect =
      body.statusCode === 401
        ? '/login'
        : exception instanceof DomainError
          ? exception.pageRedirect
          : undefined;
    if (redirect) {
      response.redirect(303, `${redirect}?next=${encodeURIComponent(request.originalUrl)}`);
      return;
    }
    const shown = isMissingPage(exception, body) ? NO_SUCH_PAGE : body;
    response
      .status(shown.statusCode)
      .render('error', { title: `Error ${shown.statusCode}`, error: shown });
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return {
        statusCode: exception.status,
        code: exception.code,
        message: exception.message,
        errors: exception.errors,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      const message =
        typeof payload === 'object' && payload !== null && 'message' in payload
          ? [payload.message].flat().join('; ')
          : exception.message;
      return {
        statusCode: status,
        code: CODE_BY_STATUS[status] ?? CommonErrorCode.BadRequest,
        message,
      };
    }
    // Errors raised by Express' body parsers carry their own 4xx status (malformed JSON, too large…).
    const status = httpStatusOf(exception);
    if (status !== null && status >= 400 && status < 500) {
      const message =
        status === 400
          ? 'The request body is not valid JSON or form data'
          : (exception as Error).message;
      return {
        statusCode: status,
        code: CODE_BY_STATUS[status] ?? CommonErrorCode.BadRequest,
        message,
      };
    }
    return {
      statusCode: 500,
      code: CommonErrorCode.Internal,
      message: 'Something went wrong on our side',
    };
  }
}

/** What a browser is told for an address that leads nowhere. */
const NO_SUCH_PAGE: ErrorBody = {
  statusCode: 404,
  code: CommonErrorCode.NotFound,
  message: 'There is no such page: the link may be mistyped or out of date.',
};

/**
 * An address no route answers (Nest's router throws NotFoundException, as a page that knows no
 * such topic does), or an id in the path that cannot be one (Nest's ParseUUIDPipe): for a person
 * following a link, both are a page that does not exist. The API keeps its own answers (404
 * NOT_FOUND, 400 for a malformed id). Features' own "not found" errors are DomainErrors and say
 * what is missing.
 */
function isMissingPage(exception: unknown, body: ErrorBody): boolean {
  return (
    exception instanceof NotFoundException ||
    (exception instanceof HttpException &&
      body.statusCode === 400 &&
      body.message === 'Validation failed (uuid is expected)')
  );
}

function httpStatusOf(exception: unknown): number | null {
  if (typeof exception !== 'object' || exception === null) return null;
  const candidate =
    (exception as { status?: unknown; statusCode?: unknown }).status ??
    (exception as { statusCode?: unknown }).statusCode;
  return typeof candidate === 'number' ? candidate : null;
}
