import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ReportFiltersView {
  @ApiPropertyOptional({ nullable: true }) team!: string | null;
  @ApiPropertyOptional({ nullable: true }) cohort!: string | null;
  @ApiPropertyOptional({ nullable: true }) programme!: string | null;
  @ApiPropertyOptional({ nullable: true }) from!: string | null;
  @ApiPropertyOptional({ nullable: true }) to!: string | null;
}

export class CertificationCountsView {
  @ApiProperty({ description: 'Latest cycle valid for more than 30 days' }) certified!: number;
  @ApiProperty({ description: 'Latest cycle expires within 30 days' }) expiringSoon!: number;
  @ApiProperty({ description: 'Latest cycle expired' }) expired!: number;
  @ApiProperty({ description: 'Latest cycle revoked' }) revoked!: number;
  @ApiProperty({
    description: 'Never held it, but started one of its courses, exams or scenarios',
  })
  inProgress!: number;
}

export class TeamCertificationView extends CertificationCountsView {
  @ApiPropertyOptional({ nullable: true, description: 'null: people without a team' })
  team!: string | null;
}

export class ProgrammeCertificationView extends CertificationCountsView {
  @ApiProperty() programmeId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [TeamCertificationView] }) byTeam!: TeamCertificationView[];
}

export class RateView {
  @ApiProperty() attempts!: number;
  @ApiProperty() passed!: number;
  @ApiPropertyOptional({ nullable: true, description: 'Percent, 1 decimal' })
  passRate!: number | null;
  @ApiPropertyOptional({ nullable: true, description: 'Mean grade in percent, 1 decimal' })
  meanGrade!: number | null;
}

export class ExamRateView extends RateView {
  @ApiProperty() examId!: string;
  @ApiProperty() title!: string;
}

export class TeamExamRateView extends RateView {
  @ApiPropertyOptional({ nullable: true }) team!: string | null;
}

export class DimensionMeanView {
  @ApiProperty() dimension!: string;
  @ApiProperty({ description: 'Mean over the turns, 1 decimal' }) mean!: number;
}

export class TeamSimulationView {
  @ApiPropertyOptional({ nullable: true }) team!: string | null;
  @ApiProperty({ description: 'Finished sessions' }) sessions!: number;
  @ApiProperty() passed!: number;
  @ApiPropertyOptional({ nullable: true }) passRate!: number | null;
  @ApiPropertyOptional({ nullable: true }) meanScore!: number | null;
  @ApiProperty({
    type: [DimensionMeanView],
    description: 'The two lowest dimensions, lowest first',
  })
  weakest!: DimensionMeanView[];
}

export class AssignmentCountsView {
  @ApiProperty({ description: 'Enrolments with a due date' }) assigned!: number;
  @ApiProperty() completed!: number;
  @ApiProperty({ description: 'Past the due date and not completed' }) overdue!: number;
}

export class TeamAssignmentsView extends AssignmentCountsView {
  @ApiPropertyOptional({ nullable: true }) team!: string | null;
}

export class CourseAssignmentsView extends AssignmentCountsView {
  @ApiProperty() courseId!: string;
  @ApiProperty() title!: string;
}

export class CourseSatisfactionRowView {
  @ApiProperty() courseId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Trainees in scope who rated the course' }) responses!: number;
  @ApiProperty({ description: 'false below three answers: then only the count is given' })
  shown!: boolean;
  @ApiPropertyOptional({ nullable: true, description: 'Mean rating 1–5, to one decimal' })
  mean!: number | null;
  @ApiPropertyOptional({ nullable: true, type: [Number], description: 'Answers per rating 1–5' })
  distribution!: number[] | null;
}

export class TeamMovesView {
  @ApiPropertyOptional({ nullable: true }) team!: string | null;
  @ApiProperty({ description: 'Applied: the person changed position' }) applied!: number;
  @ApiProperty({ description: 'Proposed or approved, not yet in effect' }) pending!: number;
  @ApiProperty({ description: 'Rejected or cancelled' }) withdrawn!: number;
}

export class QuarterView {
  @ApiProperty({ example: '2026-Q4' }) label!: string;
  @ApiProperty() first!: string;
  @ApiProperty() last!: string;
}

export class DashboardView {
  @ApiProperty() generatedAt!: string;
  @ApiProperty({ description: 'The day overdue and expiry are judged on (UTC)' }) today!: string;
  @ApiProperty({ type: ReportFiltersView }) filters!: ReportFiltersView;
  @ApiPropertyOptional({
    nullable: true,
    type: [String],
    description: 'Teams the report covers; null = everyone',
  })
  scopeTeams!: string[] | null;
  @ApiProperty({ description: 'Active trainees covered' }) people!: number;
  @ApiProperty({ type: [ProgrammeCertificationView] })
  certification!: ProgrammeCertificationView[];
  @ApiProperty() exams!: { byExam: ExamRateView[]; byTeam: TeamExamRateView[] };
  @ApiProperty({ type: [TeamSimulationView] }) simulations!: TeamSimulationView[];
  @ApiProperty() assignments!: AssignmentCountsView & {
    byTeam: TeamAssignmentsView[];
    byCourse: CourseAssignmentsView[];
  };
  @ApiProperty() rotations!: {
    quarter: QuarterView;
    total: TeamMovesView;
    byTeam: TeamMovesView[];
  };
  @ApiProperty({
    type: [CourseSatisfactionRowView],
    description: 'Courses trainees in scope rated (answers last saved within from–to)',
  })
  satisfaction!: CourseSatisfactionRowView[];
}
