import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MOVE_STATUSES, MoveStatus } from '../rotation-move.entity';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class ProposeMoveDto {
  @ApiProperty({ description: 'The person to move', format: 'uuid' })
  @IsUUID()
  userId!: string;

  @ApiProperty({ description: 'The position id (content/positions)', example: 'complaints-desk' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  positionId!: string;

  @ApiProperty({
    description: 'First day in the new position (UTC calendar day)',
    example: '2027-01-04',
  })
  @Matches(DAY, { message: 'effectiveOn must be a day written YYYY-MM-DD' })
  effectiveOn!: string;

  @ApiPropertyOptional({ description: 'Why the move is proposed', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class OverrideDto {
  @ApiProperty({ description: 'Why the move is approved although the person is not eligible' })
  @IsString()
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxLength(1000)
  reason!: string;
}

export class ApproveMoveDto {
  @ApiPropertyOptional({
    type: OverrideDto,
    description: 'Needed when the person is not eligible; written to the audit log',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => OverrideDto)
  override?: OverrideDto;
}

export class DecideMoveDto {
  @ApiProperty({ description: 'Why the move is rejected or cancelled' })
  @IsString()
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxLength(1000)
  reason!: string;
}

export class ReviewMoveDto {
  @ApiProperty({ minimum: 1, maximum: 5, example: 4 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @ApiProperty({ description: 'A short review', maxLength: 2000 })
  @IsString()
  @IsNotEmpty({ message: 'comments must not be empty' })
  @MaxLength(2000)
  comments!: string;
}

export class MoveListQueryDto {
  @ApiPropertyOptional({ enum: MOVE_STATUSES })
  @IsOptional()
  @IsIn(MOVE_STATUSES)
  status?: MoveStatus;

  @ApiPropertyOptional({ example: 'North' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  team?: string;
}

export class EligibilityQueryDto {
  @ApiPropertyOptional({ example: 'North' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  team?: string;

  @ApiPropertyOptional({ description: 'Only this position', example: 'vip-line' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  position?: string;
}

/** The matrix page: the API's filters and which page of people to show. */
export class MatrixPageQueryDto extends EligibilityQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;
}

export const REVIEW_FILTERS = ['overdue', 'upcoming', 'all'] as const;

export class ReviewListQueryDto {
  @ApiPropertyOptional({
    enum: REVIEW_FILTERS,
    description: 'overdue: review day passed and no review yet; upcoming: not reviewed yet; all',
  })
  @IsOptional()
  @IsIn(REVIEW_FILTERS)
  due?: (typeof REVIEW_FILTERS)[number];
}

/** The plan page's query: the list filters and which action just succeeded. */
export class PlanPageQueryDto extends MoveListQueryDto {
  @IsOptional()
  @IsIn(['proposed', 'approved', 'overridden', 'rejected', 'cancelled'])
  done?: string;
}

/** The person page's query: set after a review was saved. */
export class PersonPageQueryDto {
  @IsOptional()
  @IsIn(['reviewed'])
  done?: string;
}
