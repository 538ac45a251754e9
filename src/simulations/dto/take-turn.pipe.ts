import { ArgumentMetadata, Injectable, PipeTransform, ValidationPipe } from '@nestjs/common';
import { createValidationPipe } from '../../common/validation';
import { TakeTurnDto } from './simulation-requests.dto';

/** The reply body as the service reads it (a plain object: the global pipe leaves it alone). */
export interface TakeTurnBody {
  turnIndex: number;
  text: string;
}

const TURN_INDEX_MAX = 10_000;
const TEXT_MAX = 1_000_000;

/**
 * Validates a reply body as the global ValidationPipe does for TakeTurnDto, at a fraction of its
 * cost on the turn endpoint's hot path: a body that plainly meets every rule of TakeTurnDto
 * (exactly `turnIndex`, an integer 0–10000, and `text`, a string with a non-blank character of
 * at most 1,000,000 characters) passes straight through; anything else goes through that very
 * pipe with TakeTurnDto, so every error answer is the one the rest of the API gives.
 */
@Injectable()
export class TakeTurnPipe implements PipeTransform<unknown, Promise<TakeTurnBody>> {
  private readonly full: ValidationPipe = createValidationPipe();

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<TakeTurnBody> {
    if (isPlainTurn(value)) return { turnIndex: value.turnIndex, text: value.text };
    return (await this.full.transform(value, {
      ...metadata,
      metatype: TakeTurnDto,
    })) as TakeTurnBody;
  }
}

function isPlainTurn(value: unknown): value is TakeTurnBody {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  const keys = Object.keys(value);
  if (keys.length !== 2) return false;
  const { turnIndex, text } = value as Record<string, unknown>;
  return (
    typeof turnIndex === 'number' &&
    Number.isInteger(turnIndex) &&
    turnIndex >= 0 &&
    turnIndex <= TURN_INDEX_MAX &&
    typeof text === 'string' &&
    text.length <= TEXT_MAX &&
    /\S/.test(text)
  );
}
