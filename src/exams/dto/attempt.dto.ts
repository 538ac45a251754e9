import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ATTEMPT_STATUSES, AttemptStatus } from '../exam-attempt.entity';

const RESPONSE_DESCRIPTION =
  'By type: single {"choice": 0|null}, multiple {"choices": [0, 2]}, truefalse {"answer": true|false|null}, ' +
  'short, numerical and freetext {"text": "…"}, matching {"matches": ["option for left 1", null, …]}. ' +
  'Choices are the `index` values of the question view.';

export class SaveAnswerDto {
  @ApiProperty({ description: RESPONSE_DESCRIPTION, example: { choice: 1 } })
  @IsObject()
  response!: Record<string, unknown>;
}

export class AnswerDto extends SaveAnswerDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  slot!: number;
}

export class SubmitAttemptDto {
  @ApiPropertyOptional({
    type: [AnswerDto],
    description: 'Answers to save before submitting (ignored after the deadline)',
  })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers?: AnswerDto[];
}

export class ManualGradeDto {
  @ApiPropertyOptional({ description: 'The fraction of the maximum mark, 0–1', example: 0.75 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  fraction?: number;

  @ApiPropertyOptional({ description: 'Or the mark itself, 0–the maximum mark', example: 3 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  mark?: number;

  @ApiPropertyOptional({ description: 'Or accept the provisional (scored) mark as it is' })
  @IsOptional()
  @IsBoolean()
  confirm?: boolean;

  @ApiPropertyOptional({
    example: 'Apologised and explained the cause; the credit wording was vague.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class RegradeDto {
  @ApiPropertyOptional({ description: 'Report what would change without writing anything' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

export class AttemptListQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ enum: ATTEMPT_STATUSES })
  @IsOptional()
  @IsIn(ATTEMPT_STATUSES)
  status?: AttemptStatus;
}

export class StatisticsQueryDto {
  @ApiPropertyOptional({
    enum: ['all', 'first'],
    description: 'Every finished attempt, or each person’s first',
  })
  @IsOptional()
  @IsIn(['all', 'first'])
  attempts?: 'all' | 'first';
}

export class ImportBankQueryDto {
  @ApiPropertyOptional({ example: 'billing-basics', description: 'Defaults to the file name' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(80)
  bankId?: string;

  @ApiPropertyOptional({ example: 'Billing basics (from Moodle)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;
}
