import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { CheckAnswersDto, HeartbeatDto } from './dto/course-requests.dto';
import {
  CheckResultView,
  LessonCompletedView,
  LessonOpenedView,
  LessonProgressView,
} from './dto/course-views.dto';
import { ProgressService } from './progress.service';

@ApiTags('courses')
@ApiBearerAuth()
@ApiConflictResponse({ description: 'NOT_ENROLLED, PREREQUISITES_NOT_MET or LESSON_NOT_OPENED' })
@Controller('api/courses/:courseId/lessons/:lessonId')
export class LessonProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Post('open')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Open a lesson',
    description:
      'The first open starts the course (prerequisites must be complete); every open is where "resume" leads next.',
  })
  @ApiOkResponse({ type: LessonOpenedView })
  open(
    @CurrentViewer() viewer: Viewer,
    @Param('courseId') courseId: string,
    @Param('lessonId') lessonId: string,
  ): Promise<LessonOpenedView> {
    return this.progress.open(viewer, courseId, lessonId);
  }

  @Post('heartbeat')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Report reading time',
    description:
      'Credits the seconds claimed, but never more than has passed since the last open, answer or heartbeat (nor 300).',
  })
  @ApiOkResponse({ type: LessonProgressView })
  heartbeat(
    @CurrentViewer() viewer: Viewer,
    @Param('courseId') courseId: string,
    @Param('lessonId') lessonId: string,
    @Body() body: HeartbeatDto,
  ): Promise<LessonProgressView> {
    return this.progress.heartbeat(viewer, courseId, lessonId, body.seconds);
  }

  @Post('check')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Answer the knowledge check',
    description:
      'Grades each answered question at once, with the feedback of every picked choice. Wrong answers may be tried again; the lesson score counts first tries.',
  })
  @ApiOkResponse({ type: CheckResultView })
  @ApiBadRequestResponse({ description: 'INVALID_ANSWER with errors under answers.<questionId>' })
  check(
    @CurrentViewer() viewer: Viewer,
    @Param('courseId') courseId: string,
    @Param('lessonId') lessonId: string,
    @Body() body: CheckAnswersDto,
  ): Promise<CheckResultView> {
    return this.progress.answer(viewer, courseId, lessonId, body.answers);
  }

  @Post('complete')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Complete the lesson',
    description:
      'Needs every knowledge-check question answered right (409 CHECK_INCOMPLETE otherwise). Completing the last lesson completes the course and records the course version.',
  })
  @ApiOkResponse({ type: LessonCompletedView })
  complete(
    @CurrentViewer() viewer: Viewer,
    @Param('courseId') courseId: string,
    @Param('lessonId') lessonId: string,
  ): Promise<LessonCompletedView> {
    return this.progress.complete(viewer, courseId, lessonId);
  }
}
