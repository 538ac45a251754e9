import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CALENDAR_DAY } from '../../common/time';

// A blank form field (`?team=`) means "any".
export function blankAsMissing({ value }: { value: unknown }): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

/** The filters every report and export takes; empty strings (a blank form field) mean "any". */
export class ReportFiltersDto {
  @ApiPropertyOptional({ description: 'Only people of this team' })
  @Transform(blankAsMissing)
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  team?: string;

  @ApiPropertyOptional({ description: 'Only people of this cohort' })
  @Transform(blankAsMissing)
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  cohort?: string;

  @ApiPropertyOptional({
    description:
      'A certification programme id: its certificates, and the courses, exams and scenarios it requires',
  })
  @Transform(blankAsMissing)
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  programme?: string;

  @ApiPropertyOptional({ description: 'First day (YYYY-MM-DD, UTC) of activity to include' })
  @Transform(blankAsMissing)
  @IsOptional()
  @Matches(CALENDAR_DAY, { message: 'from must be a calendar day YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'Last day (YYYY-MM-DD, UTC) of activity to include' })
  @Transform(blankAsMissing)
  @IsOptional()
  @Matches(CALENDAR_DAY, { message: 'to must be a calendar day YYYY-MM-DD' })
  to?: string;
}
