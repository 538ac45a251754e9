import { Body, Controller, Get, Inject, Param, Post, Query, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { Clock, CLOCK } from '../common/clock';
import { AppError, DomainError, FieldError } from '../common/domain-error';
import { errorsByPath, validateInto } from '../common/validation';
import { Roles } from '../identity/access.decorators';
import { CurrentViewer, hasRole, Viewer } from '../identity/viewer';
import { progressPage } from './course-staff-pages.mapper';
import { CourseViewsService } from './course-views.service';
import { AssignCourseDto, ProgressPageQueryDto, ProgressQueryDto } from './dto/course-requests.dto';
import { EnrolmentsService } from './enrolments.service';

type Form = Record<string, unknown>;

@ApiExcludeController()
@Controller('courses/:courseId')
export class CourseStaffPagesController {
  constructor(
    private readonly views: CourseViewsService,
    private readonly enrolments: EnrolmentsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

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
    const next = returnTo(form.next);
    try {
      if (!parsed.ok) throw AppError.validation(parsed.errors, 'Check the fields marked below');
      const result = await this.enrolments.assign(viewer, courseId, parsed.value);
      const assigned = String(result.assignees.length);
      if (next) return response.redirect(303, withQuery(next, { assigned, course: courseId }));
      const back = new URLSearchParams({ assigned });
      if (parsed.value.team) back.set('team', parsed.value.team);
      if (parsed.value.cohort) back.set('cohort', parsed.value.cohort);
      response.redirect(
        303,
        `/courses/${encodeURIComponent(courseId)}/progress?${back.toString()}`,
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 404) throw error;
      // Back to the page the form is on (its filters are in `next`), which says why.
      if (next)
        return response.redirect(
          303,
          withQuery(next, { refused: reasonOf(error), course: courseId }),
        );
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
      // The earliest due date the assignment accepts, for the date picker.
      today: this.clock.now().toISOString().slice(0, 10),
      query,
      notice: extra.notice,
      form: extra.form ?? {},
      error: extra.error,
      errors: errorsByPath(extra.errors),
    });
  }
}

// Pages that assign through this form and want the trainer back (the retraining report).
const RETURN_PAGES = ['/reports/retraining'];

/** `next` when it is one of those pages (a local path, never another site), else null. */
function returnTo(next: unknown): string | null {
  if (typeof next !== 'string') return null;
  return RETURN_PAGES.some((page) => next === page || next.startsWith(`${page}?`)) ? next : null;
}

/** `path` with `params` added to its query string. */
function withQuery(path: string, params: Record<string, string>): string {
  return `${path}${path.includes('?') ? '&' : '?'}${new URLSearchParams(params).toString()}`;
}

/** Why an assignment was refused, in one line: the fields' messages, else the error's own. */
function reasonOf(error: DomainError): string {
  const messages = (error.errors ?? []).flatMap((field) => field.messages);
  // It travels in the return page's query string: kept short.
  return (messages.length > 0 ? messages.join('; ') : error.message).slice(0, 300);
}
