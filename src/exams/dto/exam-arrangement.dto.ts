import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export class ExamArrangementDto {
  @ApiProperty({
    description: 'Minutes added to every attempt’s time limit',
    minimum: 0,
    maximum: 600,
  })
  @IsInt()
  @Min(0)
  @Max(600)
  extraMinutes!: number;

  @ApiProperty({
    description: 'Attempts added to the exam’s limit (no effect when attempts are unlimited)',
    minimum: 0,
    maximum: 20,
  })
  @IsInt()
  @Min(0)
  @Max(20)
  extraAttempts!: number;

  @ApiProperty({ description: 'Why: kept in the audit log and shown to staff', maxLength: 500 })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;
}

export class ExamArrangementView {
  @ApiProperty() examId!: string;
  @ApiProperty() userId!: string;
  @ApiProperty() userName!: string;
  @ApiProperty() email!: string;
  @ApiProperty() extraMinutes!: number;
  @ApiProperty() extraAttempts!: number;
  @ApiProperty() reason!: string;
  @ApiProperty() setById!: string;
  @ApiProperty() setAt!: string;
}
