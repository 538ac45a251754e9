import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { MAX_CREDIT_SECONDS } from '../engine/course-progress';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

export class AssignCourseDto {
  @ApiPropertyOptional({ type: [String], description: 'People to assign, by user id' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID(undefined, { each: true })
  userIds?: string[];

  @ApiPropertyOptional({ example: 'North', description: 'Every active trainee of this team' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 80)
  team?: string;

  @ApiPropertyOptional({ example: '2026-11', description: 'Every active trainee of this cohort' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 80)
  cohort?: string;

  @ApiProperty({
    example: '2026-11-30',
    description: 'Calendar day (UTC) by the end of which the course is due; today or later',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be a day written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'dueDate must be a real calendar day' })
  dueDate!: string;
}

export class HeartbeatDto {
  @ApiProperty({
    minimum: 1,
    maximum: MAX_CREDIT_SECONDS,
    description:
      'Seconds of reading since the last report; the server credits no more than has passed',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_CREDIT_SECONDS)
  seconds!: number;
}

export class CheckAnswersDto {
  @ApiProperty({
    description:
      'Picked choices by question id, as 0-based choice indexes: one for single and truefalse, one or more for multiple',
    example: { q1: [1], q2: [0, 2] },
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'integer' } },
  })
  @IsObject()
  answers!: Record<string, unknown>;
}

export class ProgressQueryDto {
  @ApiPropertyOptional({ example: 'North', description: 'Trainees of one team' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  team?: string;

  @ApiPropertyOptional({ example: '2026-11', description: 'Trainees of one cohort' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  cohort?: string;
}

/** The progress page's query: the table filter and the count of a just-made assignment. */
export class ProgressPageQueryDto extends ProgressQueryDto {
  @IsOptional()
  @Matches(/^\d{1,5}$/)
  assigned?: string;
}
