import { Controller, Get, Param, Post, Query, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { DomainError } from '../common/domain-error';
import { CurrentViewer, hasRole, Viewer } from '../identity/viewer';
import { cataloguePage, coursePage } from './course-pages.mapper';
import { CourseViewsService } from './course-views.service';
import { EnrolmentsService } from './enrolments.service';

const canManage = (viewer: Viewer): boolean =>
  hasRole(viewer, 'trainer', 'supervisor', 'hr', 'admin');

@ApiExcludeController()
@Controller('courses')
export class CoursePagesController {
  constructor(
    private readonly views: CourseViewsService,
    private readonly enrolments: EnrolmentsService,
  ) {}

  @Get()
  @Render('courses/catalogue')
  async catalogue(@CurrentViewer() viewer: Viewer): Promise<object> {
    return cataloguePage(await this.views.catalogueFor(viewer.id), canManage(viewer));
  }

  @Get(':courseId')
  @Render('courses/course')
  async course(
    @CurrentViewer() viewer: Viewer,
    @Param('courseId') courseId: string,
    @Query('enrolled') enrolled?: string,
    @Query('completed') completed?: string,
  ): Promise<object> {
    const course = await this.views.courseFor(viewer.id, courseId);
    const notice = completed
      ? 'Course completed: well done.'
      : enrolled
        ? 'You are enrolled. Start with the first lesson.'
        : undefined;
    return coursePage(course, { canManage: canManage(viewer), notice });
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
