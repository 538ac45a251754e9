import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Put,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../identity/access.decorators';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { AttemptGradingService, RegradeReport, slotOf } from './attempt-grading.service';
import { AttemptPresenter } from './attempt-presenter';
import { AttemptView } from './attempt-views';
import { AttemptsService, SaveResult } from './attempts.service';
import { ManualGradeDto, RegradeDto, SaveAnswerDto, SubmitAttemptDto } from './dto/attempt.dto';
import { AttemptStep } from './engine';

@ApiTags('exams')
@ApiBearerAuth()
@Controller('api/exams/attempts')
export class ExamAttemptsController {
  constructor(
    private readonly attempts: AttemptsService,
    private readonly grading: AttemptGradingService,
    private readonly presenter: AttemptPresenter,
  ) {}

  @Get(':attemptId')
  @ApiOkResponse({
    description:
      'The attempt; keys and feedback only once the exam’s review policy allows (staff: always)',
  })
  async get(
    @CurrentViewer() viewer: Viewer,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
  ): Promise<AttemptView> {
    return this.presenter.present(viewer, await this.attempts.get(viewer, attemptId));
  }

  @Get(':attemptId/review')
  @ApiOkResponse({
    description:
      'Marks, feedback and the right answers per question; 403 REVIEW_NOT_AVAILABLE before the policy allows',
  })
  async review(
    @CurrentViewer() viewer: Viewer,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
  ): Promise<AttemptView> {
    return this.presenter.review(viewer, await this.attempts.get(viewer, attemptId));
  }

  @Put(':attemptId/slots/:slot')
  @ApiOperation({
    summary: 'Autosave one answer; saving the same answer again makes no new step (saved: false)',
  })
  save(
    @CurrentViewer() viewer: Viewer,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
    @Param('slot', ParseIntPipe) slot: number,
    @Body() dto: SaveAnswerDto,
  ): Promise<SaveResult> {
    return this.attempts.save(viewer, attemptId, slot, dto.response);
  }

  @Post(':attemptId/submit')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Submit (once: submitting again changes nothing; after the deadline, what was saved by then is graded)',
  })
  async submit(
    @CurrentViewer() viewer: Viewer,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
    @Body() dto: SubmitAttemptDto,
  ): Promise<AttemptView> {
    return this.presenter.present(
      viewer,
      await this.attempts.submit(viewer, attemptId, dto.answers),
    );
  }

  @Post(':attemptId/slots/:slot/grade')
  @Roles('trainer', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm a provisional mark or override any mark (audited; survives regrades)',
  })
  async grade(
    @CurrentViewer() viewer: Viewer,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
    @Param('slot', ParseIntPipe) slot: number,
    @Body() dto: ManualGradeDto,
  ): Promise<AttemptView> {
    return this.presenter.present(
      viewer,
      await this.grading.manualGrade(viewer, attemptId, slot, dto),
    );
  }

  @Post(':attemptId/regrade')
  @Roles('trainer', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replay this attempt against the current question banks' })
  regrade(
    @CurrentViewer() viewer: Viewer,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
    @Body() dto: RegradeDto,
  ): Promise<RegradeReport> {
    return this.grading.regradeAttempt(viewer, attemptId, dto.dryRun ?? false);
  }

  @Get(':attemptId/slots/:slot/steps')
  @Roles('trainer', 'supervisor', 'hr', 'admin')
  @ApiOkResponse({
    description:
      'The question’s append-only step log: every save, submit, manual grade and regrade',
  })
  async steps(
    @CurrentViewer() viewer: Viewer,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
    @Param('slot', ParseIntPipe) slot: number,
  ): Promise<AttemptStep[]> {
    const loaded = await this.attempts.get(viewer, attemptId);
    return loaded.steps.get(slotOf(loaded, slot).slot) ?? [];
  }
}
