import { WithdrawalInfoView } from '../../activities/withdrawal.dto';
import { WEAK_BELOW } from '../../courses/courses-training';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHANNELS,
  Debrief,
  DIFFICULTIES,
  Flow,
  MOOD_LABELS,
  MoodLabel,
  OUTCOMES,
  OutcomeKind,
  ScenarioResults,
} from '../engine';
import { DIMENSIONS, Dimension } from '../../scoring/engine';
import type { ScoreReport } from '../../scoring/engine';
import { SESSION_STATUSES, SessionStatus } from '../simulation-session.entity';

export class AttemptSummaryView {
  @ApiProperty() sessionId!: string;
  @ApiProperty() attemptNumber!: number;
  @ApiProperty({ enum: SESSION_STATUSES }) status!: SessionStatus;
  @ApiProperty({ enum: OUTCOMES, nullable: true }) outcome!: OutcomeKind | null;
  @ApiProperty({ nullable: true, type: Boolean }) passed!: boolean | null;
  @ApiProperty({ nullable: true, type: Number }) meanScore!: number | null;
  @ApiProperty() turns!: number;
  @ApiProperty() scenarioVersion!: number;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt!: string | null;
}

export class MyScenarioStatusView {
  @ApiProperty({ enum: ['not-started', 'in-progress', 'passed', 'failed'] })
  status!: 'not-started' | 'in-progress' | 'passed' | 'failed';
  @ApiProperty({ nullable: true, type: String }) activeSessionId!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: AttemptSummaryView, nullable: true }) best!: AttemptSummaryView | null;
  @ApiProperty({ type: AttemptSummaryView, nullable: true }) latest!: AttemptSummaryView | null;
}

export class ScenarioSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty() version!: number;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ enum: CHANNELS }) channel!: string;
  @ApiProperty({ enum: DIFFICULTIES }) difficulty!: string;
  @ApiProperty() passMark!: number;
  @ApiProperty({ enum: ['content', 'authored'] }) origin!: string;
  @ApiProperty() customer!: string;
  @ApiProperty({ enum: MOOD_LABELS }) startingMood!: MoodLabel;
  @ApiProperty({ type: MyScenarioStatusView }) mine!: MyScenarioStatusView;
  @ApiProperty({
    description: 'Withdrawn by the trainers: listed only for those who played it, not startable',
  })
  withdrawn!: boolean;
}

export class AccountFactView {
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'Sensitive values are masked but for their last 4 characters' })
  value!: string;
  @ApiProperty() masked!: boolean;
}

export class TranscriptLineView {
  @ApiProperty({ enum: ['customer', 'agent'] }) speaker!: 'customer' | 'agent';
  @ApiProperty() text!: string;
  @ApiPropertyOptional() turnIndex?: number;
}

export class MoodView {
  @ApiProperty({ enum: MOOD_LABELS }) label!: MoodLabel;
  @ApiProperty({ description: '0 (content) – 100 (furious)' }) anger!: number;
}

export class SessionView {
  @ApiProperty() id!: string;
  @ApiProperty() userId!: string;
  @ApiProperty() scenarioId!: string;
  @ApiProperty({ description: 'The version the session is pinned to' }) scenarioVersion!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: string;
  @ApiProperty() customer!: string;
  @ApiProperty({ type: [AccountFactView] }) account!: AccountFactView[];
  @ApiProperty() attemptNumber!: number;
  @ApiProperty({ enum: SESSION_STATUSES }) status!: SessionStatus;
  @ApiProperty({ description: 'The index the next reply must carry' }) nextTurnIndex!: number;
  @ApiProperty({ type: MoodView }) mood!: MoodView;
  @ApiProperty({ type: [TranscriptLineView] }) transcript!: TranscriptLineView[];
  @ApiProperty({ enum: OUTCOMES, nullable: true }) outcome!: OutcomeKind | null;
  @ApiProperty({ nullable: true, type: Boolean }) passed!: boolean | null;
  @ApiProperty({ nullable: true, type: Number }) meanScore!: number | null;
  @ApiProperty() startedAt!: string;
  @ApiProperty() lastActivityAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'When an idle active session expires' })
  expiresAt!: string | null;
}

export class TurnView {
  @ApiProperty() sessionId!: string;
  @ApiProperty() turnIndex!: number;
  @ApiProperty({ description: 'True when this turn was already stored (a repeated submit)' })
  replayed!: boolean;
  @ApiProperty({ nullable: true, type: String }) reaction!: string | null;
  @ApiProperty({ description: 'What the customer says next (or their last words)' })
  customerLine!: string;
  @ApiProperty({ nullable: true, enum: ['escalate', 'hang-up', 'max-turns'] })
  trigger!: string | null;
  @ApiProperty({ type: MoodView }) mood!: MoodView;
  @ApiProperty() finished!: boolean;
  @ApiProperty({ enum: OUTCOMES, nullable: true }) outcome!: OutcomeKind | null;
  @ApiProperty({ nullable: true, type: Boolean }) passed!: boolean | null;
  @ApiProperty() nextTurnIndex!: number;
}

export class TrainingCourseView {
  @ApiProperty() courseId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: DIMENSIONS, isArray: true, description: 'The weak dimensions it trains' })
  trains!: Dimension[];
}

export class DebriefView {
  @ApiProperty() sessionId!: string;
  @ApiProperty() userId!: string;
  @ApiProperty() scenarioId!: string;
  @ApiProperty() scenarioVersion!: number;
  @ApiProperty() title!: string;
  @ApiProperty() attemptNumber!: number;
  @ApiProperty({ description: 'Who the customer was and what they wanted' })
  persona!: { name: string; situation: string; wants: string };
  @ApiProperty({
    description:
      'outcome, passed, meanScore, passMark; turns with highlighted segments, per-dimension scores, violations, concepts, model answer and the branch taken; dimension means (weakest first), missed concepts, tips',
  })
  debrief!: Debrief;
  @ApiProperty({
    type: [TrainingCourseView],
    description: `Courses that train the dimensions this session averaged below ${WEAK_BELOW} on`,
  })
  courses!: TrainingCourseView[];
}

export class StaffSessionView extends AttemptSummaryView {
  @ApiProperty() userId!: string;
  @ApiProperty() userName!: string;
  @ApiProperty({ nullable: true, type: String }) team!: string | null;
  @ApiProperty() scenarioId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() lastActivityAt!: string;
  @ApiProperty({ description: 'Reviews of its replies by trainers and supervisors' })
  reviews!: number;
}

export class StaffSessionListView {
  @ApiProperty() total!: number;
  @ApiProperty({ type: [StaffSessionView] }) items!: StaffSessionView[];
  @ApiProperty({
    type: [String],
    nullable: true,
    description: "The teams the list was limited to; null: everyone's (hr, admin)",
  })
  teams!: string[] | null;
}

export class ScenarioResultsView {
  @ApiProperty() scenarioId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) team!: string | null;
  @ApiProperty({
    description:
      'sessions, finished, passed, passRate (0–1), meanScore, outcomes, weakestDimensions, mostMissedConcepts',
  })
  results!: ScenarioResults;
}

export class SourceIssueView {
  @ApiPropertyOptional() line?: number;
  @ApiPropertyOptional() path?: string;
  @ApiProperty() message!: string;
}

export class CalibrationCheckView {
  @ApiProperty() stepId!: string;
  @ApiProperty() index!: number;
  @ApiProperty() text!: string;
  @ApiProperty() expected!: string;
  @ApiProperty() branchIndex!: number;
  @ApiProperty() next!: string;
  @ApiProperty() overall!: number;
  @ApiProperty() ok!: boolean;
}

export class ValidationView {
  @ApiProperty({ description: 'No problem, calibration included' }) valid!: boolean;
  @ApiProperty({ nullable: true, type: String }) scenarioId!: string | null;
  @ApiProperty({ type: [SourceIssueView] }) issues!: SourceIssueView[];
  @ApiProperty({ type: [CalibrationCheckView] }) calibration!: CalibrationCheckView[];
  @ApiProperty({ nullable: true, description: 'Steps and branches, when the scenario parses' })
  flow!: Flow | null;
}

export class MoodReasonView {
  @ApiProperty({
    enum: [
      'empathy',
      'politeness',
      'rudeness',
      'violation',
      'ignored-concern',
      'repeated-question',
      'branch',
    ],
  })
  rule!: string;
  @ApiProperty({ description: 'Signed anger points' }) delta!: number;
  @ApiProperty() note!: string;
}

export class TryReplyView {
  @ApiProperty() stepId!: string;
  @ApiProperty({ description: 'The customer line the reply answered' }) customerLine!: string;
  @ApiProperty({ description: 'The scoring engine’s report' }) report!: ScoreReport;
  @ApiProperty({ description: 'The branch whose conditions held first (0-based)' })
  branchIndex!: number;
  @ApiProperty({ description: 'That branch’s conditions in words' }) condition!: string;
  @ApiProperty({ description: 'Where the branch leads' }) branchNext!: string;
  @ApiProperty({ description: 'Where the reply leads (after any anger jump)' }) next!: string;
  @ApiProperty({ nullable: true, type: String }) reaction!: string | null;
  @ApiProperty({ nullable: true, enum: ['escalate', 'hang-up', 'max-turns'] })
  trigger!: string | null;
  @ApiProperty({ description: 'What the customer says next' }) nextLine!: string;
  @ApiProperty() angerBefore!: number;
  @ApiProperty() angerAfter!: number;
  @ApiProperty({ enum: MOOD_LABELS }) moodAfter!: MoodLabel;
  @ApiProperty({ type: [MoodReasonView], description: 'Why anger moved' })
  reasons!: MoodReasonView[];
}

export class ScenarioVersionView {
  @ApiProperty() version!: number;
  @ApiProperty() versionId!: string;
  @ApiProperty() publishedAt!: string;
  @ApiProperty({ nullable: true, type: String }) authorId!: string | null;
}

export class DraftInfoView {
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Who saved it last' })
  authorId!: string | null;
  @ApiProperty({ description: 'The version number publishing it would get' })
  nextVersion!: number;
}

export class AuthoredScenarioView {
  @ApiProperty() scenarioId!: string;
  @ApiProperty({ enum: ['content', 'authored'] }) origin!: 'content' | 'authored';
  @ApiProperty({
    description:
      'Content scenarios (content/scenarios) cannot be edited here; copy the source under a new id',
  })
  readOnly!: boolean;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: Number }) publishedVersion!: number | null;
  @ApiProperty() hasDraft!: boolean;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({
    type: WithdrawalInfoView,
    nullable: true,
    description: 'Set while trainers have withdrawn the scenario: no new session starts',
  })
  withdrawn!: WithdrawalInfoView | null;
}

export class AuthoredScenarioDetailView extends AuthoredScenarioView {
  @ApiProperty({ description: 'The draft’s YAML, or else the latest published YAML' })
  source!: string;
  @ApiProperty({ type: DraftInfoView, nullable: true }) draft!: DraftInfoView | null;
  @ApiProperty({ type: ValidationView, description: 'Validation of `source`, with its flow' })
  validation!: ValidationView;
  @ApiProperty({ type: [ScenarioVersionView], description: 'Published versions, newest first' })
  versions!: ScenarioVersionView[];
}
