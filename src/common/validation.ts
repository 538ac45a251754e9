import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
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

/**
 * A query string's empty parameters are left out before validation: a filter form sends
 * `?role=&status=` for "any", which means no filter, not an invalid role.
 */
export function withoutEmptyParameters(query: unknown): unknown {
  if (!query || typeof query !== 'object' || Array.isArray(query)) return query;
  return Object.fromEntries(
    Object.entries(query as Record<string, unknown>).filter(
      ([, value]) => value !== '' && !(Array.isArray(value) && value.every((item) => item === '')),
    ),
  );
}

class AppValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    return super.transform(
      metadata.type === 'query' ? withoutEmptyParameters(value) : value,
      metadata,
    );
  }
}

export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
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
