import { Body, Controller, Get, Param, Post, Query, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { AppError, DomainError } from '../common/domain-error';
import { validateInto } from '../common/validation';
import { CurrentViewer, hasRole, Viewer } from '../identity/viewer';
import { CourseFeedbackService } from './course-feedback.service';
import { cataloguePage, coursePage, FeedbackCard } from './course-pages.mapper';
import { CourseViewsService } from './course-views.service';
import { GiveCourseFeedbackDto } from './dto/course-feedback.dto';
import { CourseDetailView } from './dto/course-views.dto';
import { EnrolmentsService } from './enrolments.service';

const canManage = (viewer: Viewer): boolean =>
  hasRole(viewer, 'trainer', 'supervisor', 'hr', 'admin');

@ApiExcludeController()
@Controller('courses')
export class CoursePagesController {
  constructor(
    private readonly views: CourseViewsService,
    private readonly enrolments: EnrolmentsService,
    private readonly feedback: CourseFeedbackService,
  ) {}

  @Get()
  @Render('courses/catalogue')
  async catalogue(@CurrentViewer() viewer: Viewer): Promise<object> {
    const manage = canManage(viewer);
    return cataloguePage(
      await this.views.catalogueFor(viewer.id),
      manage,
      manage ? await this.feedback.overview(viewer) : [],
    );
  }

  @Get(':courseId')
  @Render('courses/course')
  async course(
    @CurrentViewer() viewer: Viewer,
    @Param('courseId') courseId: string,
    @Query('enrolled') enrolled?: string,
    @Query('completed') completed?: string,
    @Query('feedback') feedback?: string,
  ): Promise<object> {
    const course = await this.views.courseFor(viewer.id, courseId);
    const notice = completed
      ? 'Course completed: well done. Tell us below what you thought of it.'
      : feedback === 'saved'
        ? 'Thank you: your feedback is saved.'
        : feedback === 'withdrawn'
          ? 'Your feedback is withdrawn.'
          : enrolled
            ? 'You are enrolled. Start with the first lesson.'
            : undefined;
    return coursePage(course, {
      canManage: canManage(viewer),
      notice,
      feedback: await this.feedbackCard(viewer, course),
    });
  }

  /** Rates the course from its page (a plain form post). */
  @Post(':courseId/feedback')
  async giveFeedback(
    @CurrentViewer() viewer: Viewer,
    @Param('courseId') courseId: string,
    @Body() form: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const parsed = validateInto(GiveCourseFeedbackDto, form);
    try {
      if (!parsed.ok) throw AppError.validation(parsed.errors, 'Check the fields marked below');
      await this.feedback.give(viewer, courseId, parsed.value);
      response.redirect(303, `/courses/${encodeURIComponent(courseId)}?feedback=saved#feedback`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 404) throw error;
      const course = await this.views.courseFor(viewer.id, courseId);
      const card = await this.feedbackCard(viewer, course);
      response.status(error.status).render(
        'courses/course',
        coursePage(course, {
          canManage: canManage(viewer),
          feedback: {
            mine: card?.mine ?? null,
            form,
            errors: error.errors,
            error: error.message,
          },
          error: card ? undefined : error.message,
        }),
      );
    }
  }

  @Post(':courseId/feedback/withdraw')
  async withdrawFeedback(
    @CurrentViewer() viewer: Viewer,
    @Param('courseId') courseId: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.feedback.withdraw(viewer, courseId);
    response.redirect(303, `/courses/${encodeURIComponent(courseId)}?feedback=withdrawn#feedback`);
  }

  /** Only for someone who completed the course. */
  private async feedbackCard(
    viewer: Viewer,
    course: CourseDetailView,
  ): Promise<FeedbackCard | null> {
    if (course.enrolment?.status !== 'completed') return null;
    return { mine: await this.feedback.mine(viewer, course.id) };
  }

  @Post(':courseId/enrol')
  async enrol(
    @CurrentViewer() viewer: Viewer,
    @Param('courseId') courseId: string,
    @Res() response: Response,
  ): Promise<void> {
    try {
      await this.enrolments.enrol(viewer, courseId);
      response.redirect(303, `/courses/${encodeURIComponent(courseId)}?enrolled=1`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 404) throw error;
      const course = await this.views.courseFor(viewer.id, courseId);
      response
        .status(error.status)
        .render(
          'courses/course',
          coursePage(course, { canManage: canManage(viewer), error: error.message }),
        );
    }
  }
}
