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
import { AppError, DomainError, FieldError } from '../common/domain-error';
import { errorsByPath, validateInto } from '../common/validation';
import { Roles } from '../identity/access.decorators';
import { CurrentViewer, hasRole, Viewer } from '../identity/viewer';
import { UsersService } from '../identity/users.service';
import { CourseFeedbackService, FEEDBACK_MODERATORS } from './course-feedback.service';
import { feedbackPage } from './course-pages.mapper';
import { progressPage } from './course-staff-pages.mapper';
import { CourseViewsService } from './course-views.service';
import { AssignCourseDto, ProgressPageQueryDto, ProgressQueryDto } from './dto/course-requests.dto';
import { CourseFeedbackPageQueryDto, HideCommentDto } from './dto/course-feedback.dto';
import { EnrolmentsService } from './enrolments.service';

type Form = Record<string, unknown>;

@ApiExcludeController()
@Controller('courses/:courseId')
export class CourseStaffPagesController {
  constructor(
    private readonly views: CourseViewsService,
    private readonly enrolments: EnrolmentsService,
    private readonly feedback: CourseFeedbackService,
    private readonly users: UsersService,
  ) {}

  /** What people thought of the course: totals, spread and unsigned comments. */
  @Get('feedback')
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

  @Post('feedback/comments/:feedbackId/hide')
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

  @Post('feedback/comments/:feedbackId/show')
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

  @Get('progress')
  @Roles('trainer', 'supervisor', 'hr', 'admin')
  @Render('courses/progress')
  async progress(
    @CurrentViewer() viewer: Viewer,
    @Param('courseId') courseId: string,
    @Query() { assigned, ...query }: ProgressPageQueryDto,
  ): Promise<object> {
    return this.model(viewer, courseId, query, {
      notice: assigned
        ? `Assigned to ${assigned} ${assigned === '1' ? 'person' : 'people'}.`
        : undefined,
    });
  }

  @Post('assignments')
  @Roles('trainer', 'hr', 'admin')
  async assign(
    @CurrentViewer() viewer: Viewer,
    @Param('courseId') courseId: string,
    @Body() form: Form,
    @Res() response: Response,
  ): Promise<void> {
    const plain = {
      userIds: form.userIds ? [form.userIds].flat() : undefined,
      team: form.team || undefined,
      cohort: form.cohort || undefined,
      dueDate: form.dueDate,
    };
    const parsed = validateInto(AssignCourseDto, plain);
    try {
      if (!parsed.ok) throw AppError.validation(parsed.errors, 'Check the fields marked below');
      const result = await this.enrolments.assign(viewer, courseId, parsed.value);
      const back = new URLSearchParams({ assigned: String(result.assignees.length) });
      if (parsed.value.team) back.set('team', parsed.value.team);
      if (parsed.value.cohort) back.set('cohort', parsed.value.cohort);
      response.redirect(
        303,
        `/courses/${encodeURIComponent(courseId)}/progress?${back.toString()}`,
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 404) throw error;
      const model = await this.model(
        viewer,
        courseId,
        {},
        { form, error: error.message, errors: error.errors },
      );
      response.status(error.status).render('courses/progress', model);
    }
  }

  private async model(
    viewer: Viewer,
    courseId: string,
    query: ProgressQueryDto,
    extra: { notice?: string; form?: Form; error?: string; errors?: FieldError[] },
  ): Promise<object> {
    const progress = await this.views.courseProgress(courseId, query);
    const options = await this.views.assignmentOptions();
    return progressPage(progress, {
      ...options,
      canAssign: hasRole(viewer, 'trainer', 'hr', 'admin'),
      query,
      notice: extra.notice,
      form: extra.form ?? {},
      error: extra.error,
      errors: errorsByPath(extra.errors),
    });
  }
}
