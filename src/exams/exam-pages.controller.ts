import { Controller, Get, Param, ParseUUIDPipe, Post, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { DomainError } from '../common/domain-error';
import { isStaff } from '../identity/role';
import { CurrentViewer, hasRole, Viewer } from '../identity/viewer';
import { AttemptPresenter } from './attempt-presenter';
import { AttemptsService } from './attempts.service';
import { resultPageModel, reviewPageModel, takePageModel } from './exam-pages.mapper';

/** The pages for taking exams: list, exam, take (timer, navigation, autosave), result, review. */
@ApiExcludeController()
@Controller('exams')
export class ExamPagesController {
  constructor(
    private readonly attempts: AttemptsService,
    private readonly presenter: AttemptPresenter,
  ) {}

  @Get()
  @Render('exams/list')
  async list(@CurrentViewer() viewer: Viewer): Promise<object> {
    return {
      title: 'Exams',
      exams: await this.attempts.overviews(viewer),
      canManage: hasRole(viewer, 'trainer', 'admin'),
    };
  }

  @Get('attempts/:attemptId')
  async take(
    @CurrentViewer() viewer: Viewer,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
    @Res() response: Response,
  ): Promise<void> {
    const loaded = await this.attempts.get(viewer, attemptId);
    if (loaded.attempt.status !== 'in-progress' || loaded.attempt.userId !== viewer.id)
      return response.redirect(303, `/exams/attempts/${attemptId}/result`);
    response.render('exams/take', takePageModel(this.presenter.present(viewer, loaded)));
  }

  @Get('attempts/:attemptId/result')
  @Render('exams/result')
  async result(
    @CurrentViewer() viewer: Viewer,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
  ): Promise<object> {
    const view = this.presenter.present(viewer, await this.attempts.get(viewer, attemptId));
    return resultPageModel(view, { own: view.userId === viewer.id, staff: isStaff(viewer.roles) });
  }

  @Get('attempts/:attemptId/review')
  @Render('exams/review')
  async review(
    @CurrentViewer() viewer: Viewer,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
  ): Promise<object> {
    const view = this.presenter.review(viewer, await this.attempts.get(viewer, attemptId));
    return reviewPageModel(view, {
      canGrade: hasRole(viewer, 'trainer', 'admin') && view.status === 'finished',
    });
  }

  @Get(':examId')
  @Render('exams/exam')
  async exam(@CurrentViewer() viewer: Viewer, @Param('examId') examId: string): Promise<object> {
    return this.examModel(viewer, examId);
  }

  @Post(':examId/start')
  async start(
    @CurrentViewer() viewer: Viewer,
    @Param('examId') examId: string,
    @Res() response: Response,
  ): Promise<void> {
    try {
      const { loaded } = await this.attempts.start(viewer, examId);
      response.redirect(303, `/exams/attempts/${loaded.attempt.id}`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 404) throw error;
      response
        .status(error.status)
        .render('exams/exam', { ...(await this.examModel(viewer, examId)), error: error.message });
    }
  }

  private async examModel(viewer: Viewer, examId: string): Promise<object> {
    const exam = await this.attempts.overview(viewer, examId);
    const mine = this.presenter.summaries(await this.attempts.listForUser(viewer.id, examId));
    return {
      title: exam.title,
      exam,
      attempts: mine,
      canManage: hasRole(viewer, 'trainer', 'admin'),
    };
  }
}
