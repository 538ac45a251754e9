import { Body, Controller, Get, Param, Post, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { DomainError } from '../common/domain-error';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { lessonPage } from './course-pages.mapper';
import { CourseViewsService } from './course-views.service';
import { ProgressService } from './progress.service';

@ApiExcludeController()
@Controller('courses/:courseId/lessons/:lessonId')
export class LessonPagesController {
  constructor(
    private readonly views: CourseViewsService,
    private readonly progress: ProgressService,
  ) {}

  @Get()
  @Render('courses/lesson')
  async read(
    @CurrentViewer() viewer: Viewer,
    @Param('courseId') courseId: string,
    @Param('lessonId') lessonId: string,
  ): Promise<object> {
    return lessonPage(await this.views.readLesson(viewer, courseId, lessonId));
  }

  // The knowledge check without JavaScript: the page comes back with the feedback.
  @Post('check')
  async check(
    @CurrentViewer() viewer: Viewer,
    @Param('courseId') courseId: string,
    @Param('lessonId') lessonId: string,
    @Body() form: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const answers = Object.fromEntries(
      Object.entries(form).map(([questionId, value]) => [
        questionId,
        [value].flat().map((choice) => Number(choice)),
      ]),
    );
    try {
      const answered = await this.progress.answer(viewer, courseId, lessonId, answers);
      const lesson = await this.views.lessonFor(viewer.id, courseId, lessonId);
      response.status(200).render('courses/lesson', lessonPage(lesson, { answered }));
    } catch (error) {
      await this.renderError(error, { viewer, courseId, lessonId, response });
    }
  }

  @Post('complete')
  async complete(
    @CurrentViewer() viewer: Viewer,
    @Param('courseId') courseId: string,
    @Param('lessonId') lessonId: string,
    @Res() response: Response,
  ): Promise<void> {
    try {
      const done = await this.progress.complete(viewer, courseId, lessonId);
      const course = `/courses/${encodeURIComponent(courseId)}`;
      const target = done.courseCompleted
        ? `${course}?completed=1`
        : done.next
          ? `${course}/lessons/${encodeURIComponent(done.next.id)}`
          : course;
      response.redirect(303, target);
    } catch (error) {
      await this.renderError(error, { viewer, courseId, lessonId, response });
    }
  }

  private async renderError(
    error: unknown,
    where: { viewer: Viewer; courseId: string; lessonId: string; response: Response },
  ): Promise<void> {
    if (!(error instanceof DomainError) || error.status === 404) throw error;
    const lesson = await this.views.lessonFor(where.viewer.id, where.courseId, where.lessonId);
    where.response
      .status(error.status)
      .render('courses/lesson', lessonPage(lesson, { error: error.message, errors: error.errors }));
  }
}
