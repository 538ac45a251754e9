import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { blankAsNull, wholeNumberOrNull } from '../../common/form-values';
import { CALENDAR_DAY } from '../../common/time';
import { REVIEW_VERDICTS, ReviewVerdict } from '../turn-review.entity';

export const REVIEW_NOTE_MAX = 2000;

// The debrief page's form sends every field as text: a blank rating or note means "none".

/** An optional 1–5 rating; null or absent means not rated. */
function Rating(name: string, description: string): PropertyDecorator {
  const message = `${name} must be a whole number from 1 to 5`;
  return applyDecorators(
    ApiPropertyOptional({
      description: `${description}; null or absent: not rated`,
      minimum: 1,
      maximum: 5,
      nullable: true,
      type: Number,
    }),
    Transform(wholeNumberOrNull),
    IsOptional(),
    IsInt({ message }),
    Min(1, { message }),
    Max(5, { message }),
  );
}

export class ReviewTurnDto {
  @ApiProperty({
    enum: REVIEW_VERDICTS,
    description: 'Would this reply pass on a real contact?',
  })
  @IsIn(REVIEW_VERDICTS, { message: 'verdict must be pass or fail' })
  verdict!: ReviewVerdict;

  @Rating('politeness', 'How polite the reply was, 1 (rude) to 5 (exemplary)')
  politeness?: number | null;

  @Rating('empathy', 'How empathetic the reply was, 1 (none) to 5 (exemplary)')
  empathy?: number | null;

  @ApiPropertyOptional({ description: 'Coaching for the trainee, shown in their debrief' })
  @Transform(blankAsNull)
  @IsOptional()
  @IsString()
  @MaxLength(REVIEW_NOTE_MAX, { message: `note must be at most ${REVIEW_NOTE_MAX} characters` })
  note?: string | null;
}

export class TurnReviewsQueryDto {
  @ApiPropertyOptional({ description: 'Only replies in this scenario' })
  @Transform(blankAsNull)
  @IsOptional()
  @IsString()
  @MaxLength(80)
  scenarioId?: string | null;

  @ApiPropertyOptional({
    description: 'Only trainees of this team; by default a trainer or supervisor sees their teams',
  })
  @Transform(blankAsNull)
  @IsOptional()
  @IsString()
  @MaxLength(80)
  team?: string | null;
  @ApiPropertyOptional({ description: 'First day (YYYY-MM-DD, UTC) of reviews to count' })
  @Transform(blankAsNull)
  @IsOptional()
  @Matches(CALENDAR_DAY, { message: 'from must be a calendar day YYYY-MM-DD' })
  from?: string | null;

  @ApiPropertyOptional({ description: 'Last day (YYYY-MM-DD, UTC) of reviews to count' })
  @Transform(blankAsNull)
  @IsOptional()
  @Matches(CALENDAR_DAY, { message: 'to must be a calendar day YYYY-MM-DD' })
  to?: string | null;
}

export class TurnReviewView {
  @ApiProperty() id!: string;
  @ApiProperty() sessionId!: string;
  @ApiProperty() turnIndex!: number;
  @ApiProperty() reviewerId!: string;
  @ApiProperty() reviewerName!: string;
  @ApiProperty({ enum: REVIEW_VERDICTS }) verdict!: ReviewVerdict;
  @ApiProperty({ nullable: true, type: Number }) politeness!: number | null;
  @ApiProperty({ nullable: true, type: Number }) empathy!: number | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({
    description:
      'Whether the trainee has opened the debrief since the review was given or last changed. When the trainee reads their own session’s reviews, the value from before that reading, which marks them all seen.',
  })
  seen!: boolean;
}

export class ReceivedReviewView extends TurnReviewView {
  @ApiProperty() scenarioId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() attemptNumber!: number;
  @ApiProperty({ description: 'The reply reviewed' }) reply!: string;
}

export class UnseenSessionView {
  @ApiProperty() sessionId!: string;
  @ApiProperty() scenarioId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() attemptNumber!: number;
  @ApiProperty({ description: 'Reviews of this session’s replies not seen yet' })
  unseen!: number;
}

export class UnseenReviewsView {
  @ApiProperty({ description: 'Reviews of the person’s replies they have not seen yet' })
  unseen!: number;
  @ApiProperty({
    type: [UnseenSessionView],
    description: 'The sessions whose debriefs hold them, most recently reviewed first',
  })
  sessions!: UnseenSessionView[];
}

export class VerdictAgreementView {
  @ApiProperty() n!: number;
  @ApiProperty({ description: 'Both judges said pass' }) bothPass!: number;
  @ApiProperty({ description: 'Both said fail' }) bothFail!: number;
  @ApiProperty({ description: 'Only the first said pass' }) firstOnly!: number;
  @ApiProperty({ description: 'Only the second said pass' }) secondOnly!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Share that agree, 0–1' })
  agreement!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: "Cohen's kappa" })
  kappa!: number | null;
}

export class RatingAgreementView {
  @ApiProperty() n!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Score in the rating’s band, 0–1' })
  exact!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Within one band, 0–1' })
  withinOne!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Spearman ρ, score vs rating' })
  spearman!: number | null;
}

export class ScenarioAgreementView {
  @ApiProperty() scenarioId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: VerdictAgreementView }) verdict!: VerdictAgreementView;
}

export class DisagreementView {
  @ApiProperty() reviewId!: string;
  @ApiProperty() sessionId!: string;
  @ApiProperty() turnIndex!: number;
  @ApiProperty() scenarioId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() reply!: string;
  @ApiProperty() engineOverall!: number;
  @ApiProperty() enginePassed!: boolean;
  @ApiProperty({ enum: REVIEW_VERDICTS }) verdict!: ReviewVerdict;
  @ApiProperty() reviewerName!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty() reviewedAt!: string;
}

export class TurnReviewAgreementView {
  @ApiProperty({ nullable: true, type: String }) scenarioId!: string | null;
  @ApiProperty({ nullable: true, type: String }) from!: string | null;
  @ApiProperty({ nullable: true, type: String }) to!: string | null;
  @ApiProperty({
    type: [String],
    nullable: true,
    description: 'The teams counted; null: everyone (hr, admin)',
  })
  teams!: string[] | null;
  @ApiProperty() reviews!: number;
  @ApiProperty({ description: 'Distinct replies reviewed' }) replies!: number;
  @ApiProperty() reviewers!: number;
  @ApiProperty({
    type: VerdictAgreementView,
    description: 'The engine’s pass (first) against the reviewer’s verdict (second)',
  })
  verdict!: VerdictAgreementView;
  @ApiProperty({ type: RatingAgreementView }) politeness!: RatingAgreementView;
  @ApiProperty({ type: RatingAgreementView }) empathy!: RatingAgreementView;
  @ApiProperty({
    type: VerdictAgreementView,
    description: 'Reviewers against each other, on replies two or more of them reviewed',
  })
  betweenReviewers!: VerdictAgreementView;
  @ApiProperty({ type: [ScenarioAgreementView] }) byScenario!: ScenarioAgreementView[];
  @ApiProperty({
    type: [DisagreementView],
    description: 'The 20 latest reviews whose verdict differs from the engine’s',
  })
  disagreements!: DisagreementView[];
}
