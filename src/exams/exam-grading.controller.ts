import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../identity/access.decorators';
import { AttemptPresenter } from './attempt-presenter';
import { AttemptSummaryView } from './attempt-views';
import { AttemptsService } from './attempts.service';
import { ExamReportsService, ReviewQueueItem } from './exam-reports.service';

@ApiTags('exams')
@ApiBearerAuth()
@Controller('api')
export class ExamGradingController {
  constructor(
    private readonly reports: ExamReportsService,
    private readonly attempts: AttemptsService,
    private readonly presenter: AttemptPresenter,
  ) {}

  @Get('exams/grading/queue')
  @Roles('trainer', 'admin')
  @ApiQuery({ name: 'examId', required: false })
  @ApiOkResponse({
    description:
      'Free-text answers waiting for a trainer, oldest submission first, with the provisional mark and the scoring report',
  })
  queue(@Query('examId') examId?: string): Promise<ReviewQueueItem[]> {
    return this.reports.reviewQueue({ examId: examId || undefined });
  }

  // No @Roles: the guard's ownership rule lets people read their own and staff read anyone's.
  @Get('users/:userId/exam-attempts')
  @ApiOkResponse({ description: 'A person’s exam attempts, newest first' })
  async ofUser(@Param('userId', ParseUUIDPipe) userId: string): Promise<AttemptSummaryView[]> {
    return this.presenter.summaries(await this.attempts.listForUser(userId));
  }
}
