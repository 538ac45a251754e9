import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CourseViewsService } from './course-views.service';
import { CourseDetailView, UserCoursesView } from './dto/course-views.dto';

// No @Roles: the guard's ownership rule opens `:userId` routes to that person and to staff.
@ApiTags('courses')
@ApiBearerAuth()
@Controller('api/users/:userId/courses')
export class UserCoursesController {
  constructor(private readonly views: CourseViewsService) {}

  @Get()
  @ApiOperation({ summary: 'A person’s enrolments with progress, due dates and overdue flags' })
  @ApiOkResponse({ type: UserCoursesView })
  list(@Param('userId', ParseUUIDPipe) userId: string): Promise<UserCoursesView> {
    return this.views.userCourses(userId);
  }

  @Get(':courseId')
  @ApiOperation({ summary: 'One course as that person sees it, lesson by lesson' })
  @ApiOkResponse({ type: CourseDetailView })
  course(
    @Param('userId', ParseUUIDPipe) userId: string,
    @Param('courseId') courseId: string,
  ): Promise<CourseDetailView> {
    return this.views.userCourse(userId, courseId);
  }
}
