import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Render,
  Res,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { AppError, DomainError } from '../common/domain-error';
import { validateInto } from '../common/validation';
import { Roles } from '../identity/access.decorators';
import { UsersService } from '../identity/users.service';
import { CurrentViewer, hasRole, Viewer } from '../identity/viewer';
import { CourseFeedbackService, FEEDBACK_MODERATORS } from './course-feedback.service';
import { feedbackPage } from './course-pages.mapper';
import { CourseFeedbackPageQueryDto, HideCommentDto } from './dto/course-feedback.dto';

type Form = Record<string, unknown>;

/** Staff reading a course's feedback, and trainers hiding or showing comments. */
@ApiExcludeController()
@Controller('courses/:courseId/feedback')
export class CourseFeedbackPagesController {
  constructor(
    private readonly feedback: CourseFeedbackService,
    private readonly users: UsersService,
  ) {}

  /** What people thought of the course: totals, spread and unsigned comments. */
  @Get()
  @Roles('trainer', 'supervisor', 'hr', 'admin')
  @Render('courses/feedback')
  async feedbackPage(
    @CurrentViewer() viewer: Viewer,
    @Param('courseId') courseId: string,
    @Query() query: CourseFeedbackPageQueryDto,
  ): Promise<object> {
    return this.feedbackModel(viewer, courseId, query.team, {
      notice:
        query.moderated === 'hidden'
          ? 'The comment is hidden.'
          : query.moderated === 'shown'
            ? 'The comment shows again.'
            : undefined,
    });
  }

  private async feedbackModel(
    viewer: Viewer,
    courseId: string,
    team: string | undefined,
    extra: { notice?: string; error?: string },
  ): Promise<object> {
    return feedbackPage(await this.feedback.summary(viewer, courseId, team), {
      teams: await this.users.teamsVisibleTo(viewer),
      team,
      canModerate: hasRole(viewer, ...FEEDBACK_MODERATORS),
      ...extra,
    });
  }

  /** Runs a hide or show, then back to the feedback page (or the page with the error). */
  private async moderate(
    viewer: Viewer,
    courseId: string,
    form: Form,
    response: Response,
    done: 'hidden' | 'shown',
    change: () => Promise<void>,
  ): Promise<void> {
    const team = typeof form.team === 'string' && form.team ? form.team : undefined;
    try {
      await change();
      const back = new URLSearchParams({ moderated: done });
      if (team) back.set('team', team);
      response.redirect(303, `/courses/${encodeURIComponent(courseId)}/feedback?${back}`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const model = await this.feedbackModel(viewer, courseId, team, { error: error.message });
      response.status(error.status).render('courses/feedback', model);
    }
  }

  @Post('comments/:feedbackId/hide')
  @Roles(...FEEDBACK_MODERATORS)
  async hideComment(
    @CurrentViewer() viewer: Viewer,
    @Param('courseId') courseId: string,
    @Param('feedbackId', ParseUUIDPipe) feedbackId: string,
    @Body() form: Form,
    @Res() response: Response,
  ): Promise<void> {
    await this.moderate(viewer, courseId, form, response, 'hidden', async () => {
      const parsed = validateInto(HideCommentDto, { reason: form.reason });
      if (!parsed.ok) throw AppError.validation(parsed.errors, 'Give a reason to hide it');
      await this.feedback.hideComment(viewer, feedbackId, parsed.value.reason);
    });
  }

  @Post('comments/:feedbackId/show')
  @Roles(...FEEDBACK_MODERATORS)
  async showComment(
    @CurrentViewer() viewer: Viewer,
    @Param('courseId') courseId: string,
    @Param('feedbackId', ParseUUIDPipe) feedbackId: string,
    @Body() form: Form,
    @Res() response: Response,
  ): Promise<void> {
    await this.moderate(viewer, courseId, form, response, 'shown', () =>
      this.feedback.showComment(viewer, feedbackId),
    );
  }
}
