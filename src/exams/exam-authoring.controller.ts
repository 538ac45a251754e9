import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  RestoreVersionDto,
  revisionParam,
  SourceChangesView,
  SourceRevisionView,
} from '../content/source-history';
import { WithdrawDto } from '../activities/withdrawal.dto';
import { Roles } from '../identity/access.decorators';
import { CurrentViewer, Viewer } from '../identity/viewer';
import {
  AuthoredExamDetailView,
  AuthoredExamView,
  DrawPreviewDto,
  DrawPreviewView,
  ExamDraftDto,
  ExamSourceDto,
  ExamValidationView,
} from './dto/exam-authoring.dto';
import { ExamAuthoringService } from './exam-authoring.service';
import { ExamError } from './exam-error';
import { ExamVersionsService } from './exam-versions.service';

// Registered before ExamsController so 'authoring' is never read as an exam id.
@ApiTags('exams')
@ApiBearerAuth()
@Roles('trainer', 'admin')
@Controller('api/exams/authoring')
export class ExamAuthoringController {
  constructor(
    private readonly authoring: ExamAuthoringService,
    private readonly versions: ExamVersionsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Exams written in the editor, then the read-only content ones' })
  @ApiOkResponse({ type: [AuthoredExamView] })
  list(): Promise<AuthoredExamView[]> {
    return this.authoring.list();
  }

  @Post('validate')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Check an exam’s YAML: issues with line and field path, and whether the banks can fill every section',
    description: 'An exam with problems still answers 200: the issues are the answer.',
  })
  @ApiOkResponse({ type: ExamValidationView })
  validate(@Body() dto: ExamSourceDto): Promise<ExamValidationView> {
    return this.authoring.validate(dto.source);
  }

  @Put('drafts')
  @ApiOperation({
    summary: 'Save the draft filed under the YAML’s id (created or replaced)',
    description:
      'Saved even with problems (see `validation`); refused (422 EXAM_INVALID) without readable YAML and a kebab-case id, (409 EXAM_READ_ONLY) for the id of a content exam, and (409 EXAM_ID_TAKEN) when `editing` is given and the id is that of another exam written here.',
  })
  @ApiOkResponse({ type: AuthoredExamDetailView })
  saveDraft(
    @CurrentViewer() viewer: Viewer,
    @Body() dto: ExamDraftDto,
  ): Promise<AuthoredExamDetailView> {
    return this.authoring.saveDraft(viewer, dto.source, dto.editing);
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Draw the exam once, as a trainee would get it (keys not included)',
    description:
      'A random draw, or the same one again with the `seed` of an earlier preview. 422 EXAM_INVALID while the text has a problem.',
  })
  @ApiOkResponse({ type: DrawPreviewView })
  preview(@Body() dto: DrawPreviewDto): Promise<DrawPreviewView> {
    return this.authoring.previewDraw(dto.source, dto.seed);
  }

  @Delete(':examId/draft')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Throw the draft away',
    description:
      'The published version stays; an exam never published leaves the list. 404 NO_DRAFT, 409 EXAM_READ_ONLY for a content exam. Audited as exam.draft.discarded.',
  })
  async discard(@CurrentViewer() viewer: Viewer, @Param('examId') examId: string): Promise<void> {
    await this.authoring.discardDraft(viewer, examId);
  }

  @Get(':examId')
  @ApiOperation({ summary: 'The YAML (draft first), its checks and the published version' })
  @ApiOkResponse({ type: AuthoredExamDetailView })
  get(@Param('examId') examId: string): Promise<AuthoredExamDetailView> {
    return this.authoring.get(examId);
  }

  @Post(':examId/publish')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Publish the draft as the next version (422 EXAM_INVALID listing every problem by field path)',
    description:
      'New attempts draw from the new version; attempts already started keep their questions and pass mark. 404 NO_DRAFT without a draft, 409 DRAFT_CHANGED when it was saved again meanwhile. Audited as exam.published.',
  })
  @ApiOkResponse({ type: AuthoredExamDetailView })
  publish(
    @CurrentViewer() viewer: Viewer,
    @Param('examId') examId: string,
  ): Promise<AuthoredExamDetailView> {
    return this.authoring.publish(viewer, examId);
  }

  @Post(':examId/withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw a published exam from trainees, with a reason',
    description:
      'No new attempt starts (409 EXAM_WITHDRAWN); attempts already started may be finished and every result stays. The exam leaves trainees’ lists (but for those who took it), and certificate or position requirements show it as withdrawn: passes made before still count, no new one can be made until it is reinstated. 409 NOT_PUBLISHED before the first publication, EXAM_WITHDRAWN when it already is, EXAM_READ_ONLY for a content exam. Audited as exam.withdrawn.',
  })
  @ApiOkResponse({ type: AuthoredExamDetailView })
  withdraw(
    @CurrentViewer() viewer: Viewer,
    @Param('examId') examId: string,
    @Body() dto: WithdrawDto,
  ): Promise<AuthoredExamDetailView> {
    return this.authoring.withdraw(viewer, examId, dto.reason);
  }

  @Post(':examId/reinstate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Offer a withdrawn exam to trainees again (its latest published version)',
    description: '409 NOT_WITHDRAWN when it is not withdrawn. Audited as exam.reinstated.',
  })
  @ApiOkResponse({ type: AuthoredExamDetailView })
  reinstate(
    @CurrentViewer() viewer: Viewer,
    @Param('examId') examId: string,
  ): Promise<AuthoredExamDetailView> {
    return this.authoring.reinstate(viewer, examId);
  }

  @Get(':examId/versions')
  @ApiOperation({
    summary: 'The draft if there is one, then every published version, newest first',
    description: '409 EXAM_READ_ONLY for a content exam (its history is the repository’s).',
  })
  @ApiOkResponse({ type: [SourceRevisionView] })
  history(@Param('examId') examId: string): Promise<SourceRevisionView[]> {
    return this.versions.history(examId);
  }

  @Get(':examId/versions/:version')
  @ApiOperation({
    summary: 'One version (a number, or `draft`): its YAML and what changed since the one before',
    description:
      'Line by line with 3 lines of context; the draft is compared with the latest published version. 404 VERSION_NOT_FOUND for a version that does not exist.',
  })
  @ApiOkResponse({ type: SourceChangesView })
  changes(
    @Param('examId') examId: string,
    @Param('version') version: string,
  ): Promise<SourceChangesView> {
    return this.versions.changes(examId, revisionParam(version, true, ExamError.noVersion));
  }

  @Post(':examId/versions/:version/restore')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Make a published version’s text the draft again (publish it to make it current)',
    description:
      '409 DRAFT_EXISTS when a draft is in progress, unless `replaceDraft` is true; 409 EXAM_READ_ONLY for a content exam.',
  })
  @ApiOkResponse({ type: AuthoredExamDetailView })
  restore(
    @CurrentViewer() viewer: Viewer,
    @Param('examId') examId: string,
    @Param('version') version: string,
    @Body() dto: RestoreVersionDto,
  ): Promise<AuthoredExamDetailView> {
    const wanted = revisionParam(version, false, ExamError.noVersion) ?? 0;
    return this.versions.restore(viewer, examId, wanted, dto.replaceDraft === true);
  }
}
