import { DIMENSIONS, Dimension } from '../../scoring/engine';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ENROLMENT_STATUSES, EnrolmentStatus } from '../enrolment.entity';

// What the courses API answers. Entities never leave the services; mappers build these.

export class EnrolmentView {
  @ApiProperty({ description: 'Also the xAPI registration of its learning records' }) id!: string;
  @ApiProperty() userId!: string;
  @ApiProperty() courseId!: string;
  @ApiProperty({ enum: ENROLMENT_STATUSES }) status!: EnrolmentStatus;
  @ApiProperty({ enum: ['self', 'assigned'] }) source!: 'self' | 'assigned';
  @ApiProperty({ nullable: true, type: String }) assignedById!: string | null;
  @ApiProperty({ nullable: true, type: String }) assignedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-30' }) dueDate!: string | null;
  @ApiProperty({ description: 'Due date passed and not completed' }) overdue!: boolean;
  @ApiProperty() enrolledAt!: string;
  @ApiProperty({ nullable: true, type: String }) startedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) completedAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Course version the completion was earned on',
  })
  completedVersion!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Mean first-try knowledge-check score, 0..1',
  })
  score!: number | null;
  @ApiProperty({ nullable: true, type: String }) lastLessonId!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Where "resume" leads; null when all done',
  })
  resumeLessonId!: string | null;
  @ApiProperty({ description: 'Lessons of the current version completed' })
  lessonsCompleted!: number;
  @ApiProperty() lessonCount!: number;
  @ApiProperty() percent!: number;
  @ApiProperty() secondsSpent!: number;
}

export class PrerequisiteView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Completed by the person the view is for' }) completed!: boolean;
}

export class CourseSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() version!: number;
  @ApiProperty() order!: number;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: [String], description: 'Position ids this course is required for' })
  requiredFor!: string[];
  @ApiProperty({ type: [String], description: 'Titles of those positions, in the same order' })
  requiredForTitles!: string[];
  @ApiProperty({
    enum: DIMENSIONS,
    isArray: true,
    description: 'Scoring dimensions the course strengthens (what retraining suggestions match)',
  })
  trains!: Dimension[];
  @ApiProperty({ type: [PrerequisiteView] }) prerequisites!: PrerequisiteView[];
  @ApiProperty() prerequisitesMet!: boolean;
  @ApiProperty() lessonCount!: number;
  @ApiProperty({ description: 'Estimated minutes, all lessons' }) minutes!: number;
  @ApiProperty({ type: EnrolmentView, nullable: true }) enrolment!: EnrolmentView | null;
}

export class QuestionStateView {
  @ApiProperty() questionId!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty() correct!: boolean;
  @ApiProperty({ type: [Number] }) lastResponse!: number[];
}

export class LessonProgressView {
  @ApiProperty() lessonId!: string;
  @ApiProperty() openedAt!: string;
  @ApiProperty({ nullable: true, type: String }) completedAt!: string | null;
  @ApiProperty() secondsSpent!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'First-try share right, 0..1' })
  score!: number | null;
  @ApiProperty({ type: [QuestionStateView] }) questions!: QuestionStateView[];
  @ApiProperty({ type: [String], description: 'Questions of the current check not yet right' })
  openQuestions!: string[];
  @ApiProperty({ description: 'The lesson changed since it was completed' })
  updatedSinceCompleted!: boolean;
}

export class LessonSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty() number!: number;
  @ApiProperty() title!: string;
  @ApiProperty() minutes!: number;
  @ApiProperty({ type: [String] }) objectives!: string[];
  @ApiProperty() questionCount!: number;
  @ApiProperty({ type: LessonProgressView, nullable: true }) progress!: LessonProgressView | null;
}

export class CourseDetailView extends CourseSummaryView {
  @ApiProperty({ type: [String] }) objectives!: string[];
  @ApiProperty({ description: 'Sanitized HTML of the introduction' }) introHtml!: string;
  @ApiProperty({ type: [LessonSummaryView] }) lessons!: LessonSummaryView[];
  @ApiProperty({ description: 'Completed on an older version than the current one' })
  newerVersion!: boolean;
}

export class ChoiceView {
  @ApiProperty() index!: number;
  @ApiProperty() text!: string;
}

export class QuestionView {
  @ApiProperty() id!: string;
  @ApiProperty() prompt!: string;
  @ApiProperty({ enum: ['single', 'multiple', 'truefalse'] }) type!: string;
  @ApiProperty({ type: [ChoiceView], description: 'Without correct flags or feedback' })
  choices!: ChoiceView[];
}

export class LessonLinkView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
}

export class LessonView {
  @ApiProperty() courseId!: string;
  @ApiProperty() courseTitle!: string;
  @ApiProperty() courseVersion!: number;
  @ApiProperty() id!: string;
  @ApiProperty() number!: number;
  @ApiProperty() lessonCount!: number;
  @ApiProperty() title!: string;
  @ApiProperty() minutes!: number;
  @ApiProperty({ type: [String] }) objectives!: string[];
  @ApiProperty({ description: 'Sanitized HTML' }) html!: string;
  @ApiProperty({ type: [QuestionView] }) questions!: QuestionView[];
  @ApiProperty({ type: LessonLinkView, nullable: true }) previous!: LessonLinkView | null;
  @ApiProperty({ type: LessonLinkView, nullable: true }) next!: LessonLinkView | null;
  @ApiProperty({ type: EnrolmentView, nullable: true }) enrolment!: EnrolmentView | null;
  @ApiProperty({ type: LessonProgressView, nullable: true }) progress!: LessonProgressView | null;
  @ApiProperty({ type: [PrerequisiteView] }) missingPrerequisites!: PrerequisiteView[];
}

export class ChoiceFeedbackView {
  @ApiProperty() choice!: number;
  @ApiProperty() text!: string;
  @ApiProperty() feedback!: string;
}

export class QuestionResultView {
  @ApiProperty() questionId!: string;
  @ApiProperty() correct!: boolean;
  @ApiProperty({ type: [ChoiceFeedbackView] }) feedback!: ChoiceFeedbackView[];
  @ApiPropertyOptional() hint?: string;
}

export class CheckResultView {
  @ApiProperty({ type: [QuestionResultView] }) results!: QuestionResultView[];
  @ApiProperty({ description: 'Every question of the check is now right' }) allCorrect!: boolean;
  @ApiProperty({ type: LessonProgressView }) progress!: LessonProgressView;
}

export class LessonCompletedView {
  @ApiProperty({ type: LessonProgressView }) lesson!: LessonProgressView;
  @ApiProperty({ type: EnrolmentView }) enrolment!: EnrolmentView;
  @ApiProperty({ description: 'This completion finished the course' }) courseCompleted!: boolean;
  @ApiProperty({ type: LessonLinkView, nullable: true }) next!: LessonLinkView | null;
}

export class AssigneeView {
  @ApiProperty() userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() enrolmentId!: string;
  @ApiProperty({ enum: ['created', 'updated', 'already_completed'] })
  outcome!: 'created' | 'updated' | 'already_completed';
  @ApiProperty({ type: [String], description: 'Prerequisites still to complete before starting' })
  waitingFor!: string[];
}

export class AssignmentResultView {
  @ApiProperty() courseId!: string;
  @ApiProperty() dueDate!: string;
  @ApiProperty({ type: [AssigneeView] }) assignees!: AssigneeView[];
}

export class UserCourseView extends EnrolmentView {
  @ApiProperty() courseTitle!: string;
  @ApiProperty() courseVersion!: number;
}

export class UserCoursesView {
  @ApiProperty() userId!: string;
  @ApiProperty({ type: [UserCourseView] }) courses!: UserCourseView[];
}

export class LessonCellView {
  @ApiProperty() lessonId!: string;
  @ApiProperty({ enum: ['not_started', 'opened', 'completed'] }) state!: string;
  @ApiProperty({ nullable: true, type: Number }) score!: number | null;
  @ApiProperty() secondsSpent!: number;
}

export class ProgressRowView {
  @ApiProperty() userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true, type: String }) team!: string | null;
  @ApiProperty({ nullable: true, type: String }) cohort!: string | null;
  @ApiProperty({ type: EnrolmentView, nullable: true }) enrolment!: EnrolmentView | null;
  @ApiProperty({ type: [LessonCellView] }) lessons!: LessonCellView[];
}

export class ProgressTotalsView {
  @ApiProperty() people!: number;
  @ApiProperty() notEnrolled!: number;
  @ApiProperty() notStarted!: number;
  @ApiProperty() inProgress!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() overdue!: number;
}

export class CourseProgressView {
  @ApiProperty() courseId!: string;
  @ApiProperty() courseTitle!: string;
  @ApiProperty() courseVersion!: number;
  @ApiProperty({ nullable: true, type: String }) team!: string | null;
  @ApiProperty({ nullable: true, type: String }) cohort!: string | null;
  @ApiProperty({ type: [LessonLinkView] }) lessons!: LessonLinkView[];
  @ApiProperty({ type: [ProgressRowView] }) rows!: ProgressRowView[];
  @ApiProperty({ type: ProgressTotalsView }) totals!: ProgressTotalsView;
}

export class LessonOpenedView {
  @ApiProperty({ type: EnrolmentView }) enrolment!: EnrolmentView;
  @ApiProperty({ type: LessonProgressView }) progress!: LessonProgressView;
}
