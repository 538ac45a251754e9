import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { FieldError } from '../common/domain-error';

/**
 * The `editing` field of an editor's save: the id of the exam or scenario the editor has open,
 * or null for a new one. With it, a text whose `id` names another one that exists already is
 * refused (409 …_ID_TAKEN) instead of replacing that one's draft; without it, the save files
 * the text under its id whatever is there.
 */
export function Editing(what: 'exam' | 'scenario'): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      nullable: true,
      description: `The id of the ${what} the editor has open (null for a new ${what}): a text whose id names another ${what} that exists is then refused instead of replacing its draft`,
    }),
    IsOptional(),
    IsString(),
    MaxLength(80),
  );
}

/**
 * Why a save may not go ahead, or null when it may: it names `id`, which is the one titled
 * `takenBy`, from an editor open on another exam or scenario (or on a new one).
 */
export function idTaken(
  what: 'exam' | 'scenario',
  editing: string | null | undefined,
  id: string,
  takenBy: string | null,
): { message: string; errors: FieldError[] } | null {
  if (editing === undefined || editing === id || takenBy === null) return null;
  return {
    message: `The id "${id}" is already used by the ${what} “${takenBy}”`,
    errors: [
      {
        path: 'source.id',
        messages: [
          `is the id of “${takenBy}”: give this ${what} another id, or open that one to change it`,
        ],
      },
    ],
  };
}
