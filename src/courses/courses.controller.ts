import { Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { CourseViewsService } from './course-views.service';
import {
  CourseDetailView,
  CourseSummaryView,
  EnrolmentView,
  LessonView,
} from './dto/course-views.dto';
import { EnrolmentsService } from './enrolments.service';

@ApiTags('courses')
@ApiBearerAuth()
@Controller('api/courses')
export class CoursesController {
  constructor(
    private readonly views: CourseViewsService,
    private readonly enrolments: EnrolmentsService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The catalogue, with your enrolment and prerequisite status per course',
  })
  @ApiOkResponse({ type: [CourseSummaryView] })
  catalogue(@CurrentViewer() viewer: Viewer): Promise<CourseSummaryView[]> {
    return this.views.catalogueFor(viewer.id);
  }

  @Get(':courseId')
  @ApiOperation({ summary: 'A course: objectives, introduction, lessons and your progress' })
  @ApiOkResponse({ type: CourseDetailView })
  @ApiNotFoundResponse({ description: 'COURSE_NOT_FOUND' })
  course(
    @CurrentViewer() viewer: Viewer,
    @Param('courseId') courseId: string,
  ): Promise<CourseDetailView> {
    return this.views.courseFor(viewer.id, courseId);
  }

  @Get(':courseId/lessons/:lessonId')
  @ApiOperation({
    summary: 'A lesson to read',
    description:
      'Sanitized HTML, the knowledge-check questions without correct flags or feedback, previous/next lessons and your progress. Reading does not record anything: POST …/open does.',
  })
  @ApiOkResponse({ type: LessonView })
  @ApiNotFoundResponse({ description: 'COURSE_NOT_FOUND or LESSON_NOT_FOUND' })
  lesson(
    @CurrentViewer() viewer: Viewer,
    @Param('courseId') courseId: string,
    @Param('lessonId') lessonId: string,
  ): Promise<LessonView> {
    return this.views.lessonFor(viewer.id, courseId, lessonId);
  }

  @Post(':courseId/enrol')
  @ApiOperation({
    summary: 'Enrol yourself',
    description: 'Enrolling again answers the existing enrolment.',
  })
  @ApiCreatedResponse({ type: EnrolmentView })
  @ApiConflictResponse({
    description: 'PREREQUISITES_NOT_MET, with the missing course ids under errors',
  })
  enrol(
    @CurrentViewer() viewer: Viewer,
    @Param('courseId') courseId: string,
  ): Promise<EnrolmentView> {
    return this.enrolments.enrol(viewer, courseId);
  }
}
