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
import { ExamArrangementDto } from './dto/exam-arrangement.dto';
import { ExamArrangementsService } from './exam-arrangements.service';
import { AppError, DomainError } from '../common/domain-error';
import { errorsByPath, validateInto } from '../common/validation';
import { filledText } from '../common/form-values';

type Form = Record<string, unknown>;

/** Trainers' pages: attempt lists with individual arrangements, the manual review queue, statistics. */
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
    private readonly arrangements: ExamArrangementsService,
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
    @Query('arranged') arranged?: string,
  ): Promise<object> {
    return this.attemptsModel(examId, {
      notice: regraded
        ? `Regrade done: ${regraded} question mark(s) changed.`
        : arranged === 'set'
          ? 'Arrangement saved: it applies to the attempts this person starts from now.'
          : arranged === 'removed'
            ? 'Arrangement removed.'
            : undefined,
    });
  }

  /** The arrangement form: a person found by email, extra minutes and attempts, a reason. */
  @Post(':examId/arrangements')
  async setArrangement(
    @CurrentViewer() viewer: Viewer,
    @Param('examId') examId: string,
    @Body() form: Form,
    @Res() response: Response,
  ): Promise<void> {
    const values = {
      email: filledText(form.email)?.trim() ?? '',
      extraMinutes: filledText(form.extraMinutes)?.trim() ?? '0',
      extraAttempts: filledText(form.extraAttempts)?.trim() ?? '0',
      reason: filledText(form.reason)?.trim() ?? '',
    };
    try {
      const person = values.email ? await this.users.findByEmail(values.email) : null;
      if (!person)
        throw AppError.validation([
          { path: 'email', messages: ['no account has this email address'] },
        ]);
      const checked = validateInto(ExamArrangementDto, {
        extraMinutes: Number(values.extraMinutes),
        extraAttempts: Number(values.extraAttempts),
        reason: values.reason,
      });
      if (!checked.ok) throw AppError.validation(checked.errors);
      await this.arrangements.set(viewer, examId, person.id, checked.value);
      response.redirect(303, `/exams/${encodeURIComponent(examId)}/attempts?arranged=set`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const model = await this.attemptsModel(examId, {
        arrangementForm: values,
        arrangementError: error.message,
        errors: errorsByPath(error.errors),
      });
      response.status(error.status).render('exams/attempts', model);
    }
  }

  @Post(':examId/arrangements/:userId/remove')
  async removeArrangement(
    @CurrentViewer() viewer: Viewer,
    @Param('examId') examId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.arrangements.remove(viewer, examId, userId);
    response.redirect(303, `/exams/${encodeURIComponent(examId)}/attempts?arranged=removed`);
  }

  private async attemptsModel(examId: string, extra: object): Promise<object> {
    const exam = this.banks.exam(examId);
    const attempts = this.presenter.summaries(await this.attempts.listForExam(examId));
    const names = new Map(
      (await this.users.listByIds(attempts.map((attempt) => attempt.userId))).map((user) => [
        user.id,
        user.displayName,
      ]),
    );
    return {
      title: `${exam.title}: attempts`,
      exam,
      attempts: attempts.map((attempt) => ({
        ...attempt,
        userName: names.get(attempt.userId) ?? attempt.userId,
      })),
      arrangements: await this.arrangements.list(examId),
      arrangementForm: { extraMinutes: '0', extraAttempts: '0' },
      ...extra,
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
