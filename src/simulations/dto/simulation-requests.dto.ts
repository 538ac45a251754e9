import { Editing } from '../../content/editing.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { SESSION_STATUSES, SessionStatus } from '../simulation-session.entity';
import { PageQueryDto } from '../../common/page-query.dto';

export const PERSON_SEARCH_MAX = 80;

export class TakeTurnDto {
  @ApiProperty({
    description:
      'Index of this reply in the session (0 for the first). Sending an index already taken returns the stored turn instead of a second one.',
    example: 0,
  })
  @IsInt()
  @Min(0)
  @Max(10000)
  turnIndex!: number;

  @ApiProperty({
    description: 'The trainee’s reply',
    example: 'Good morning, I’m sorry to hear that.',
  })
  @IsString()
  @Matches(/\S/, { message: 'text must not be blank' })
  @MaxLength(1_000_000)
  text!: string;
}

/** The form post of the role-play page (works without JavaScript). */
export class TurnFormDto {
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  turnIndex!: number;

  @IsString()
  @Matches(/\S/, { message: 'write a reply first' })
  @MaxLength(1_000_000)
  text!: string;
}

export class ScenarioSourceDto {
  @ApiProperty({ description: 'The scenario as YAML (docs/scenario-format.md)' })
  @IsString()
  @MaxLength(200_000)
  source!: string;
}

export class ScenarioDraftDto extends ScenarioSourceDto {
  @Editing('scenario')
  editing?: string | null;
}

export class TryReplyDto extends ScenarioSourceDto {
  @ApiProperty({ description: 'The step to answer', example: 'opening' })
  @IsString()
  @MaxLength(80)
  stepId!: string;

  @ApiProperty({ description: 'The reply to try' })
  @IsString()
  @Matches(/\S/, { message: 'text must not be blank' })
  @MaxLength(20_000)
  text!: string;

  @ApiPropertyOptional({
    description: 'Anger before the reply (the persona’s starting anger by default)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  anger?: number;
}

export class StaffSessionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(80) scenarioId?: string;

  @ApiPropertyOptional({
    description: 'A team; by default a trainer or supervisor sees the teams they manage',
  })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  team?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID() userId?: string;

  @ApiPropertyOptional({
    description: `People whose name or email contains this text, in any case (trimmed; at most ${PERSON_SEARCH_MAX} characters)`,
    maxLength: PERSON_SEARCH_MAX,
  })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim() || undefined : value,
  )
  @IsOptional()
  @IsString({ message: 'q must be one piece of text' })
  @MaxLength(PERSON_SEARCH_MAX, {
    message: `q must be at most ${PERSON_SEARCH_MAX} characters`,
  })
  q?: string;

  @ApiPropertyOptional({ enum: SESSION_STATUSES })
  @IsOptional()
  @IsIn(SESSION_STATUSES)
  status?: SessionStatus;

  @ApiPropertyOptional({
    enum: ['yes', 'no'],
    description: 'yes: sessions with at least one reviewed reply; no: none reviewed yet',
  })
  @IsOptional()
  @IsIn(['yes', 'no'], { message: 'reviewed must be yes or no' })
  reviewed?: 'yes' | 'no';
}

export class ResultsQueryDto {
  @ApiPropertyOptional({ description: 'Only sessions of this team’s members' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  team?: string;
}
