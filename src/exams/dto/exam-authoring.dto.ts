import { Editing } from '../../content/editing.dto';
import { WithdrawalInfoView } from '../../activities/withdrawal.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class ExamSourceDto {
  @ApiProperty({
    description:
      'The exam as YAML, in the format of content/exams/<id>.yaml (README: Exams, Content format)',
  })
  @IsString()
  @MaxLength(200_000)
  source!: string;
}

export class ExamDraftDto extends ExamSourceDto {
  @Editing('exam')
  editing?: string | null;
}

export class ExamSourceIssueView {
  @ApiPropertyOptional() line?: number;
  @ApiPropertyOptional({ description: 'Field path, e.g. sections[1].draw' }) path?: string;
  @ApiProperty() message!: string;
}

export class ExamSectionCheckView {
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Questions each attempt draws for the section' }) draw!: number;
  @ApiProperty({ description: 'Questions in the banks that match the section' })
  matching!: number;
}

export class ExamValidationView {
  @ApiProperty({ description: 'No problem: it can be published and every attempt drawn' })
  valid!: boolean;
  @ApiProperty({ nullable: true, type: String }) examId!: string | null;
  @ApiProperty({ type: [ExamSourceIssueView] }) issues!: ExamSourceIssueView[];
  @ApiProperty({
    type: [ExamSectionCheckView],
    description: 'Per section, once the exam parses: how many questions match its filter',
  })
  sections!: ExamSectionCheckView[];
}

export class AuthoredExamView {
  @ApiProperty() examId!: string;
  @ApiProperty({ enum: ['content', 'authored'] }) origin!: 'content' | 'authored';
  @ApiProperty({
    description: 'Content exams (content/exams) cannot be edited here; copy one under a new id',
  })
  readOnly!: boolean;
  @ApiProperty() title!: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Published version (content exams: null); null until first published',
  })
  publishedVersion!: number | null;
  @ApiProperty() hasDraft!: boolean;
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
  @ApiProperty({
    type: WithdrawalInfoView,
    nullable: true,
    description: 'Set while trainers have withdrawn the exam: no new attempt starts',
  })
  withdrawn!: WithdrawalInfoView | null;
}

export class ExamDraftInfoView {
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ nullable: true, type: String }) authorId!: string | null;
  @ApiProperty({ description: 'The version publishing the draft makes' }) nextVersion!: number;
}

export class AuthoredExamDetailView extends AuthoredExamView {
  @ApiProperty({ description: 'The draft’s YAML, or else the published YAML' }) source!: string;
  @ApiProperty({ type: ExamDraftInfoView, nullable: true }) draft!: ExamDraftInfoView | null;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty({ type: ExamValidationView, description: 'Validation of `source`' })
  validation!: ExamValidationView;
}

export class DrawnQuestionView {
  @ApiProperty() slot!: number;
  @ApiProperty({ description: 'The section’s title' }) section!: string;
  @ApiProperty() questionId!: string;
  @ApiProperty() bankId!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ description: 'The prompt as written (Markdown, plain or HTML)' }) prompt!: string;
  @ApiProperty() mark!: number;
}

export class DrawPreviewView {
  @ApiProperty({
    description: 'The seed of this draw; the same text, banks and seed draw the same',
  })
  seed!: string;
  @ApiProperty({ type: [DrawnQuestionView], description: 'In the order a trainee would see them' })
  questions!: DrawnQuestionView[];
  @ApiProperty() maxMarks!: number;
}

export class DrawPreviewDto extends ExamSourceDto {
  @ApiPropertyOptional({ description: 'Repeat a draw: the seed of an earlier preview' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  seed?: string;
}
