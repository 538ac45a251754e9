import { ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppError, FieldError } from './domain-error';

/** Flattens class-validator's tree into dotted field paths (`rows.2.email`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      out.push({ path, messages: Object.values(error.constraints) });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, path));
  }
  return out;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => AppError.validation(flattenValidationErrors(errors)),
  });
}

/** Validates a plain object (a posted form) into a DTO, for pages that re-render with the errors. */
export function validateInto<T extends object>(
  type: new () => T,
  plain: unknown,
): { ok: true; value: T } | { ok: false; errors: FieldError[] } {
  const value = plainToInstance(type, plain ?? {});
  const errors = validateSync(value, { whitelist: true, forbidNonWhitelisted: true });
  return errors.length
    ? { ok: false, errors: flattenValidationErrors(errors) }
    : { ok: true, value };
}

/** Field errors keyed by path, for templates (`{{errors.email}}`). */
export function errorsByPath(errors: FieldError[] | undefined): Record<string, string> {
  return Object.fromEntries((errors ?? []).map((error) => [error.path, error.messages.join('; ')]));
}
