import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { blankAsNull, wholeNumberOrNull } from '../../common/form-values';

export const FEEDBACK_COMMENT_MAX = 2000;
const RATING_MESSAGE = 'rating must be a whole number from 1 to 5';

export class GiveCourseFeedbackDto {
  @ApiProperty({
    minimum: 1,
    maximum: 5,
    description: 'How useful the course was: 1 poor … 5 excellent',
  })
  @Transform(wholeNumberOrNull)
  @IsInt({ message: RATING_MESSAGE })
  @Min(1, { message: RATING_MESSAGE })
  @Max(5, { message: RATING_MESSAGE })
  rating!: number;

  @ApiPropertyOptional({
    nullable: true,
    description: 'What helped, what did not; staff read it without your name',
  })
  @Transform(blankAsNull)
  @IsOptional()
  @IsString()
  @MaxLength(FEEDBACK_COMMENT_MAX, {
    message: `comment must be at most ${FEEDBACK_COMMENT_MAX} characters`,
  })
  comment?: string | null;
}

export class CourseFeedbackQueryDto {
  @ApiPropertyOptional({ example: 'North', description: 'Only people now in this team' })
  @Transform(blankAsNull)
  @IsOptional()
  @IsString()
  @Length(1, 80)
  team?: string;
}

/** The staff feedback page: the API's filter, and what a hide or show just did. */
export class CourseFeedbackPageQueryDto extends CourseFeedbackQueryDto {
  @IsOptional()
  @IsIn(['hidden', 'shown'])
  moderated?: 'hidden' | 'shown';
}

export const HIDE_REASON_MAX = 500;

export class HideCommentDto {
  @ApiProperty({
    description: 'Why the comment is hidden; the writer reads it (not who hid it)',
    maxLength: HIDE_REASON_MAX,
    example: 'Names a colleague',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, HIDE_REASON_MAX, { message: `reason must be 1 to ${HIDE_REASON_MAX} characters` })
  reason!: string;
}

export class CommentHiddenView {
  @ApiProperty({ description: 'The calendar day it was hidden' }) day!: string;
  @ApiProperty() reason!: string;
}

export class MyCourseFeedbackView {
  @ApiProperty() courseId!: string;
  @ApiProperty({ description: 'The course version you completed when you answered' })
  courseVersion!: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) rating!: number;
  @ApiPropertyOptional({ nullable: true }) comment!: string | null;
  @ApiProperty({
    type: CommentHiddenView,
    nullable: true,
    description:
      'Staff hid your comment from the feedback they read (your rating still counts); changing the text shows it again',
  })
  commentHidden!: CommentHiddenView | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class FeedbackCommentView {
  @ApiProperty({ description: 'The answer id, to hide or show the comment; not the person' })
  id!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) rating!: number;
  @ApiProperty() comment!: string;
  @ApiProperty() courseVersion!: number;
  @ApiProperty({ description: 'The calendar day it was last saved (no time, no name)' })
  day!: string;
}

export class CourseSatisfactionView {
  @ApiProperty() courseId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Current version of the course' }) version!: number;
  @ApiProperty({ description: 'How many people answered' }) responses!: number;
  @ApiProperty({
    description:
      'false when fewer people answered than the anonymity threshold: then only the count is given',
  })
  shown!: boolean;
  @ApiPropertyOptional({ nullable: true, description: 'Mean rating, 1–5, to one decimal' })
  mean!: number | null;
  @ApiPropertyOptional({
    nullable: true,
    type: [Number],
    description: 'How many gave 1, 2, 3, 4 and 5',
  })
  distribution!: number[] | null;
}

export class CourseFeedbackSummaryView extends CourseSatisfactionView {
  @ApiProperty({ description: 'The smallest number of answers shown in any detail' })
  threshold!: number;
  @ApiProperty({
    type: [FeedbackCommentView],
    description: 'Newest first, at most 100; empty when not shown',
  })
  comments!: FeedbackCommentView[];
  @ApiProperty({
    type: [FeedbackCommentView],
    description: 'Comments staff hid, with the day and reason (their ratings still count)',
  })
  hiddenComments!: (FeedbackCommentView & { hidden: CommentHiddenView })[];
}
