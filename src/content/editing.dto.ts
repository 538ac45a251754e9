import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

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

/** True when a save may not go ahead: it names `id`, which exists, from an editor open on another. */
export function takesOverAnother(
  editing: string | null | undefined,
  id: string,
  exists: boolean,
): boolean {
  return editing !== undefined && editing !== id && exists;
}
