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

/** Field errors keyed by path, for templates (`{{errors.email}}`), as `readableMessage` words them. */
export function errorsByPath(errors: FieldError[] | undefined): Record<string, string> {
  return Object.fromEntries(
    (errors ?? []).map((error) => [error.path, readableMessage(error.path, error.messages)]),
  );
}

// class-validator's default wordings, as a person reads them beside the field.
const PLAIN_WORDS: [RegExp, string][] = [
  [/^must be longer than or equal to 1 characters?$/, 'must not be empty'],
  [/^should not be empty$/, 'must not be empty'],
  [/^must be longer than or equal to (\d+) characters$/, 'must be at least $1 characters'],
  [/^must be shorter than or equal to (\d+) characters$/, 'must be at most $1 characters'],
  [/^must contain at least 1 elements$/, 'choose at least one'],
  [/^must contain at least (\d+) elements$/, 'choose at least $1'],
  [/^must contain no more than (\d+) elements$/, 'choose at most $1'],
  [/^must not be greater than (\S+)$/, 'must be $1 or less'],
  [/^must not be less than (\S+)$/, 'must be $1 or more'],
  [/^must be an integer number$/, 'must be a whole number'],
  [/^must be a string$/, 'must be text'],
  [/^must be one of the following values: (.*)$/, 'must be one of: $1'],
];

// A message saying what kind of value is wanted comes before limits on its size.
const KIND_OF_VALUE =
  /must be (an integer number|a number|a valid|a Date|a calendar day|an email|a UUID)/;

/**
 * One field's problem in plain words, for the page that shows it beside the field's label: the
 * message about the kind of value first (else the first), without the field's code name in front
 * ("displayName must be longer than or equal to 1 characters" → "Must not be empty").
 */
export function readableMessage(path: string, messages: readonly string[]): string {
  const message = messages.find((item) => KIND_OF_VALUE.test(item)) ?? messages[0] ?? '';
  const name = path.split('.').pop() ?? '';
  let words = message.startsWith(`${name} `) ? message.slice(name.length + 1) : message;
  for (const [pattern, plain] of PLAIN_WORDS) words = words.replace(pattern, plain);
  if (words.startsWith('is ')) words = `this ${words}`;
  return words.charAt(0).toUpperCase() + words.slice(1);
}
