import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto';

export class LearningRecordsQueryDto extends PageQueryDto {
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
