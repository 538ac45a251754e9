import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Stage } from '../engine';

export const STAGES: readonly Stage[] = ['opening', 'middle', 'closing'];

export class ScoreRequestDto {
  @ApiProperty({
    description: 'The trainee reply to score (at most SCORING_MAX_CHARS characters)',
    example: "I'm sorry about the double charge; I'll refund it today.",
  })
  @IsString()
  text!: string;

  @ApiPropertyOptional({
    description: 'Id of a rubric from content/rubrics (default: "default")',
    example: 'billing-complaint',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'rubricId must be a kebab-case id' })
  rubricId?: string;

  @ApiPropertyOptional({
    description: 'An inline rubric, same shape as the YAML files (instead of rubricId)',
    type: Object,
  })
  @IsOptional()
  @IsObject()
  rubric?: Record<string, unknown>;

  @ApiPropertyOptional({ enum: STAGES })
  @IsOptional()
  @IsIn(STAGES)
  stage?: Stage;

  @ApiPropertyOptional({ description: "The customer's previous line" })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  customerLine?: string;
}
