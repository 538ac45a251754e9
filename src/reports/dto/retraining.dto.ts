import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { WEAK_BELOW } from '../../courses/courses-training';
import { DIMENSIONS, Dimension } from '../../scoring/engine';
import { ReportFiltersView } from '../dashboard-views';
import { blankAsMissing, ReportFiltersDto } from './report-filters.dto';

/** Below this mean a dimension is weak, and this many finished sessions are needed to say so. */
export const DEFAULT_THRESHOLD = WEAK_BELOW;
export const DEFAULT_MIN_SESSIONS = 2;

/** The report filters, plus where "weak" starts and how much practice it takes to say so. */
export class RetrainingQueryDto extends ReportFiltersDto {
  @ApiPropertyOptional({
    default: DEFAULT_THRESHOLD,
    description: 'A dimension whose mean is below this (0–100) is weak',
  })
  @Transform(blankAsMissing)
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  threshold?: number;

  @ApiPropertyOptional({
    default: DEFAULT_MIN_SESSIONS,
    description: 'Only people with at least this many finished role-play sessions in the window',
  })
  @Transform(blankAsMissing)
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  minSessions?: number;
}

export class WeakDimensionView {
  @ApiProperty({ enum: DIMENSIONS }) dimension!: Dimension;
  @ApiProperty({ description: 'Mean over the scored replies of the finished sessions' })
  mean!: number;
}

export class CourseSuggestionView {
  @ApiProperty() courseId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: DIMENSIONS, isArray: true, description: 'The weak dimensions it trains' })
  trains!: Dimension[];
  @ApiProperty({
    enum: ['none', 'not-started', 'in-progress', 'completed'],
    description: 'Where the person is with it: none (never enrolled), or the enrolment status',
  })
  status!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Due date of an assignment' })
  dueDate!: string | null;
}

export class RetrainingPersonView {
  @ApiProperty() userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ nullable: true, type: String }) team!: string | null;
  @ApiProperty({ description: 'Finished role-play sessions in the window' }) sessions!: number;
  @ApiProperty({ type: [WeakDimensionView], description: 'Weakest first' })
  weak!: WeakDimensionView[];
  @ApiProperty({
    type: [CourseSuggestionView],
    description: 'Courses that train a weak dimension (content/courses `trains`)',
  })
  suggestions!: CourseSuggestionView[];
}

export class RetrainingCourseView {
  @ApiProperty() courseId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: DIMENSIONS, isArray: true }) trains!: Dimension[];
  @ApiProperty({
    type: [String],
    description:
      'People it is suggested for who have not completed it and carry no assignment yet: whom assigning it would reach',
  })
  toAssign!: string[];
  @ApiProperty({ description: 'People it is suggested for in all' }) suggestedFor!: number;
}

export class RetrainingView {
  @ApiProperty({ type: ReportFiltersView }) filters!: ReportFiltersView;
  @ApiProperty() threshold!: number;
  @ApiProperty() minSessions!: number;
  @ApiProperty({ description: 'Active trainees in scope with enough finished sessions' })
  assessed!: number;
  @ApiProperty({ type: [RetrainingPersonView], description: 'Weakest mean first' })
  people!: RetrainingPersonView[];
  @ApiProperty({ type: [RetrainingCourseView], description: 'Most people to assign first' })
  courses!: RetrainingCourseView[];
}
