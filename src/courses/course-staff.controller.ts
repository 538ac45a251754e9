import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../identity/access.decorators';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { CourseViewsService } from './course-views.service';
import { AssignCourseDto, ProgressQueryDto } from './dto/course-requests.dto';
import { AssignmentResultView, CourseProgressView } from './dto/course-views.dto';
import { EnrolmentsService } from './enrolments.service';

@ApiTags('courses')
@ApiBearerAuth()
@Controller('api/courses/:courseId')
export class CourseStaffController {
  constructor(
    private readonly enrolments: EnrolmentsService,
    private readonly views: CourseViewsService,
  ) {}

  @Post('assignments')
  @Roles('trainer', 'hr', 'admin')
  @ApiOperation({
    summary: 'Assign the course to people, a team or a cohort, due by a day',
    description:
      'Teams and cohorts mean their active trainees. All or nothing, in one transaction with the audit entry. A completed enrolment is left as it is; prerequisites are enforced when the person starts.',
  })
  @ApiCreatedResponse({ type: AssignmentResultView })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED or INVALID_ASSIGNMENT with field paths',
  })
  assign(
    @CurrentViewer() viewer: Viewer,
    @Param('courseId') courseId: string,
    @Body() body: AssignCourseDto,
  ): Promise<AssignmentResultView> {
    return this.enrolments.assign(viewer, courseId, body);
  }

  @Get('progress')
  @Roles('trainer', 'supervisor', 'hr', 'admin')
  @ApiOperation({
    summary: 'Progress table: person × lesson',
    description:
      'With team or cohort: its active trainees, enrolled or not. Without: everyone enrolled.',
  })
  @ApiOkResponse({ type: CourseProgressView })
  progress(
    @Param('courseId') courseId: string,
    @Query() query: ProgressQueryDto,
  ): Promise<CourseProgressView> {
    return this.views.courseProgress(courseId, query);
  }
}
