import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DEFAULT_MIN_SESSIONS,
  DEFAULT_THRESHOLD,
  RetrainingPersonView,
} from './dto/retraining.dto';

export class PersonProfileView {
  @ApiProperty() id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() email!: string;
  @ApiPropertyOptional({ nullable: true }) employeeNumber!: string | null;
  @ApiPropertyOptional({ nullable: true }) team!: string | null;
  @ApiPropertyOptional({ nullable: true }) cohort!: string | null;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty() active!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true }) currentPosition!: {
    positionId: string;
    title: string;
    since: string;
  } | null;
}

export class PersonCourseView {
  @ApiProperty() enrolmentId!: string;
  @ApiProperty() courseId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['not_started', 'in_progress', 'completed'] }) status!: string;
  @ApiProperty() enrolledAt!: string;
  @ApiProperty({ description: 'Assigned by a trainer (not self-enrolled)' }) assigned!: boolean;
  @ApiPropertyOptional({ nullable: true }) dueDate!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() lessonsCompleted!: number;
  @ApiProperty() lessons!: number;
  @ApiProperty({ description: 'Lessons completed, percent' }) progress!: number;
  @ApiPropertyOptional({ nullable: true }) startedAt!: string | null;
  @ApiPropertyOptional({ nullable: true }) completedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Percent' }) score!: number | null;
  @ApiProperty() link!: string;
}

export class PersonExamAttemptView {
  @ApiProperty() attemptId!: string;
  @ApiProperty() examId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() attemptNumber!: number;
  @ApiProperty() status!: string;
  @ApiProperty() startedAt!: string;
  @ApiPropertyOptional({ nullable: true }) finishedAt!: string | null;
  @ApiPropertyOptional({ nullable: true }) percent!: number | null;
  @ApiPropertyOptional({ nullable: true }) passed!: boolean | null;
  @ApiProperty({ description: 'Answers still waiting for a trainer' }) pending!: number;
  @ApiProperty({ description: 'The result page' }) link!: string;
}

export class PersonSimulationView {
  @ApiProperty() sessionId!: string;
  @ApiProperty() scenarioId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() attemptNumber!: number;
  @ApiProperty({ enum: ['active', 'finished', 'expired'] }) status!: string;
  @ApiProperty() startedAt!: string;
  @ApiPropertyOptional({ nullable: true }) finishedAt!: string | null;
  @ApiProperty() turns!: number;
  @ApiPropertyOptional({ nullable: true }) outcome!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'The outcome as the debrief reads it' })
  outcomeLabel!: string | null;
  @ApiPropertyOptional({ nullable: true }) passed!: boolean | null;
  @ApiPropertyOptional({ nullable: true }) meanScore!: number | null;
  @ApiPropertyOptional({ nullable: true, description: 'The debrief page, once finished' })
  link!: string | null;
}

export class PersonCertificateView {
  @ApiProperty() certificateId!: string;
  @ApiProperty() programmeId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() cycle!: number;
  @ApiProperty({ enum: ['active', 'expiring', 'expired', 'revoked', 'superseded'] })
  status!: string;
  @ApiProperty() issuedAt!: string;
  @ApiProperty() expiresAt!: string;
  @ApiPropertyOptional({ nullable: true }) revokedAt!: string | null;
  @ApiPropertyOptional({ nullable: true }) revokedReason!: string | null;
}

export class PersonPositionView {
  @ApiProperty() historyId!: string;
  @ApiProperty() positionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() startedOn!: string;
  @ApiPropertyOptional({ nullable: true }) endedOn!: string | null;
  @ApiProperty() reason!: string;
}

export class PersonMoveView {
  @ApiProperty() moveId!: string;
  @ApiPropertyOptional({ nullable: true }) fromPositionId!: string | null;
  @ApiProperty() positionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() effectiveOn!: string;
  @ApiProperty() status!: string;
  @ApiPropertyOptional({ nullable: true }) overrideReason!: string | null;
  @ApiPropertyOptional({ nullable: true }) reviewDueOn!: string | null;
}

export class PersonReviewView {
  @ApiProperty() reviewId!: string;
  @ApiProperty() moveId!: string;
  @ApiProperty() positionTitle!: string;
  @ApiProperty() reviewerName!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) rating!: number;
  @ApiProperty() comments!: string;
  @ApiProperty() reviewedAt!: string;
}

export class PersonRecordView {
  @ApiProperty() generatedAt!: string;
  @ApiProperty({ type: PersonProfileView }) profile!: PersonProfileView;
  @ApiProperty({ type: [PersonCourseView] }) courses!: PersonCourseView[];
  @ApiProperty({ type: [PersonExamAttemptView], description: 'Newest first' })
  exams!: PersonExamAttemptView[];
  @ApiProperty({ type: [PersonSimulationView], description: 'Newest first' })
  simulations!: PersonSimulationView[];
  @ApiProperty({ type: [PersonCertificateView], description: 'Every cycle, newest first' })
  certificates!: PersonCertificateView[];
  @ApiProperty({ type: [PersonPositionView], description: 'Newest first' })
  positions!: PersonPositionView[];
  @ApiProperty({ type: [PersonMoveView] }) moves!: PersonMoveView[];
  @ApiProperty({ type: [PersonReviewView] }) reviews!: PersonReviewView[];
  @ApiProperty({
    type: RetrainingPersonView,
    nullable: true,
    description: `Role-play dimensions averaging below ${DEFAULT_THRESHOLD} over all finished sessions (at least ${DEFAULT_MIN_SESSIONS}), with the courses that train them; null when none`,
  })
  retraining!: RetrainingPersonView | null;
}
