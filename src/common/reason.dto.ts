import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** A reason someone gives for an action: trimmed, at least 5 characters, at most `max`. */
export function Reason(description: string, max: number): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ description, minLength: 5, maxLength: max }),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.trim() : value,
    ),
    IsString(),
    MinLength(5, { message: 'reason must say why, in at least 5 characters' }),
    MaxLength(max),
  );
}
