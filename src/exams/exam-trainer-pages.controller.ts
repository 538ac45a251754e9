import {
  Body,
  Controller,
  Get,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Query,
  Render,
  Res,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { Roles } from '../identity/access.decorators';
import { UsersService } from '../identity/users.service';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { AttemptGradingService } from './attempt-grading.service';
import { AttemptPresenter } from './attempt-presenter';
import { AttemptsService } from './attempts.service';
import { ExamReportsService } from './exam-reports.service';
import { renderQuestionText } from './exam-text';
import { QuestionBankService } from './question-bank.service';

type Form = Record<string, unknown>;

/** Trainers' pages: attempt lists, the manual review queue, statistics and GIFT imports. */
@ApiExcludeController()
@Roles('trainer', 'admin')
@Controller('exams')
export class ExamTrainerPagesController {
  constructor(
    private readonly attempts: AttemptsService,
    private readonly grading: AttemptGradingService,
    private readonly reports: ExamReportsService,
    private readonly banks: QuestionBankService,
    private readonly presenter: AttemptPresenter,
    private readonly users: UsersService,
  ) {}

  @Get('grading')
  @Render('exams/grading')
  async queue(@Query('done') done?: string): Promise<object> {
    const items = await this.reports.reviewQueue();
    return {
      title: 'Answers to review',
      done,
      items: items.map((item) => ({
        ...item,
        promptHtml: renderQuestionText(item.prompt, item.format),
      })),
    };
  }

  @Post('attempts/:attemptId/slots/:slot/grade')
  async grade(
    @CurrentViewer() viewer: Viewer,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
    @Param('slot', ParseIntPipe) slot: number,
    @Body() form: Form,
    @Res() response: Response,
  ): Promise<void> {
    const confirm = form.action === 'confirm';
    const mark =
      typeof form.mark === 'string' && form.mark.trim() !== '' ? Number(form.mark) : undefined;
    await this.grading.manualGrade(viewer, attemptId, slot, {
      ...(confirm ? { confirm: true } : { mark }),
      comment: typeof form.comment === 'string' ? form.comment : undefined,
    });
    const next =
      form.next === 'review'
        ? `/exams/attempts/${attemptId}/review#q${slot}`
        : `/exams/grading?done=${slot}`;
    response.redirect(303, next);
  }

  @Get(':examId/attempts')
  @Render('exams/attempts')
  async attemptList(
    @Param('examId') examId: string,
    @Query('regraded') regraded?: string,
  ): Promise<object> {
    const attempts = this.presenter.summaries(await this.attempts.listForExam(examId));
    const names = new Map(
      (await this.users.listByIds(attempts.map((attempt) => attempt.userId))).map((user) => [
        user.id,
        user.displayName,
      ]),
    );
    const exam = this.banks.exam(examId);
    return {
      title: `${exam.title}: attempts`,
      exam,
      regraded,
      attempts: attempts.map((attempt) => ({
        ...attempt,
        userName: names.get(attempt.userId) ?? attempt.userId,
      })),
    };
  }

  @Post(':examId/regrade')
  async regrade(
    @CurrentViewer() viewer: Viewer,
    @Param('examId') examId: string,
    @Res() response: Response,
  ): Promise<void> {
    const reports = await this.grading.regradeExam(viewer, examId);
    const changed = reports.reduce((sum, report) => sum + report.changes.length, 0);
    response.redirect(303, `/exams/${examId}/attempts?regraded=${changed}`);
  }

  @Get(':examId/statistics')
  @Render('exams/statistics')
  async statistics(
    @Param('examId') examId: string,
    @Query('attempts') attempts?: string,
  ): Promise<object> {
    const exam = this.banks.exam(examId);
    const firstAttemptsOnly = attempts === 'first';
    return {
      title: `${exam.title}: statistics`,
      exam,
      firstAttemptsOnly,
      statistics: await this.reports.statistics(examId, { firstAttemptsOnly }),
    };
  }
}
