import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { isStaff } from '../identity/role';
import { Roles } from '../identity/access.decorators';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { AttemptGradingService, RegradeReport } from './attempt-grading.service';
import { AttemptPresenter } from './attempt-presenter';
import { AttemptSummaryView, AttemptView } from './attempt-views';
import { AttemptsService } from './attempts.service';
import { AttemptListQueryDto, RegradeDto, StatisticsQueryDto } from './dto/attempt.dto';
import { ExamStatistics } from './engine';
import { ExamOverview } from './exam-overview';
import { ExamReportsService } from './exam-reports.service';

@ApiTags('exams')
@ApiBearerAuth()
@Controller('api/exams')
export class ExamsController {
  constructor(
    private readonly attempts: AttemptsService,
    private readonly grading: AttemptGradingService,
    private readonly reports: ExamReportsService,
    private readonly presenter: AttemptPresenter,
  ) {}

  @Get()
  @ApiOkResponse({
    description:
      'Every exam with its rules and what the caller may do (attempts used, can start, why not)',
  })
  list(@CurrentViewer() viewer: Viewer): Promise<ExamOverview[]> {
    return this.attempts.overviews(viewer);
  }

  @Get(':examId')
  @ApiOkResponse({
    description: 'One exam: rules, sections and the caller’s availability (never the questions)',
  })
  get(@CurrentViewer() viewer: Viewer, @Param('examId') examId: string): Promise<ExamOverview> {
    return this.attempts.overview(viewer, examId);
  }

  @Post(':examId/attempts')
  @ApiOperation({ summary: 'Start an attempt (201), or get the one already open (200)' })
  @ApiOkResponse({
    description: 'The attempt: questions in display order without keys, saved answers, deadline',
  })
  async start(
    @CurrentViewer() viewer: Viewer,
    @Param('examId') examId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AttemptView> {
    const { loaded, created } = await this.attempts.start(viewer, examId);
    response.status(created ? 201 : 200);
    return this.presenter.present(viewer, loaded);
  }

  @Get(':examId/attempts')
  @ApiOkResponse({
    description:
      'Attempts at the exam: everyone’s for staff (filter by userId, status), one’s own otherwise',
  })
  async attemptsOf(
    @CurrentViewer() viewer: Viewer,
    @Param('examId') examId: string,
    @Query() query: AttemptListQueryDto,
  ): Promise<AttemptSummaryView[]> {
    const filters = isStaff(viewer.roles) ? query : { ...query, userId: viewer.id };
    return this.presenter.summaries(await this.attempts.listForExam(examId, filters));
  }

  @Post(':examId/regrade')
  @Roles('trainer', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Replay every attempt against the current question banks (manual marks survive)',
  })
  regrade(
    @CurrentViewer() viewer: Viewer,
    @Param('examId') examId: string,
    @Body() dto: RegradeDto,
  ): Promise<RegradeReport[]> {
    return this.grading.regradeExam(viewer, examId, dto.dryRun ?? false);
  }

  @Get(':examId/statistics')
  @Roles('trainer', 'admin')
  @ApiOkResponse({
    description:
      'Facility, discrimination and distractor counts per question; mean, SD, pass rate and Cronbach’s alpha',
  })
  statistics(
    @Param('examId') examId: string,
    @Query() query: StatisticsQueryDto,
  ): Promise<ExamStatistics> {
    return this.reports.statistics(examId, { firstAttemptsOnly: query.attempts === 'first' });
  }

  @Get(':examId/statistics.csv')
  @Roles('trainer', 'admin')
  @ApiProduces('text/csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  statisticsCsv(
    @Param('examId') examId: string,
    @Query() query: StatisticsQueryDto,
  ): Promise<string> {
    return this.reports.statisticsCsv(examId, { firstAttemptsOnly: query.attempts === 'first' });
  }
}
