import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export class LearningRecordsQueryDto {
  @ApiPropertyOptional({
    description: 'Whose statements; yourself when left out (staff only for others)',
  })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ example: 'http://adlnet.gov/expapi/verbs/completed' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9+.-]*:\S+$/, { message: 'verb must be an IRI' })
  @MaxLength(200)
  verb?: string;

  @ApiPropertyOptional({ description: 'Enrolment or attempt id (xAPI context.registration)' })
  @IsOptional()
  @IsUUID()
  registration?: string;

  @ApiPropertyOptional({ description: 'ISO date-time, inclusive' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  since?: Date;

  @ApiPropertyOptional({ description: 'ISO date-time, inclusive' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  until?: Date;

  @ApiPropertyOptional({ default: 100 })
  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  offset?: number;
}

export class StatementResultView {
  @ApiProperty({
    description:
      'xAPI 1.0.3 statements, oldest first: actor (Agent with account), verb, object (Activity), result, context, timestamp',
    type: 'array',
    items: { type: 'object' },
  })
  statements!: object[];

  @ApiProperty({ description: 'How many statements match in all' })
  total!: number;

  @ApiProperty({ description: 'Relative URL of the next page, or "" when this is the last one' })
  more!: string;
}
