import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../identity/access.decorators';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { CourseError } from './course-error';
import { CourseFeedbackService, FEEDBACK_MODERATORS } from './course-feedback.service';
import { FEEDBACK_MIN_RESPONSES } from './engine/satisfaction';
import {
  CourseFeedbackQueryDto,
  CourseFeedbackSummaryView,
  CourseSatisfactionView,
  GiveCourseFeedbackDto,
  HideCommentDto,
  MyCourseFeedbackView,
} from './dto/course-feedback.dto';

const STAFF = ['trainer', 'supervisor', 'hr', 'admin'] as const;
const ANONYMOUS = `Staff see no names, and below ${FEEDBACK_MIN_RESPONSES} answers only the count.`;

/** Training satisfaction: your rating of a course you completed; totals for staff. */
@ApiTags('courses')
@ApiBearerAuth()
@Controller('api')
export class CourseFeedbackController {
  constructor(private readonly feedback: CourseFeedbackService) {}

  @Put('courses/:courseId/feedback')
  @ApiOperation({
    summary: 'Rate a course you completed (1–5, optional comment); saving again replaces it',
    description: ANONYMOUS,
  })
  @ApiOkResponse({ type: MyCourseFeedbackView })
  @ApiNotFoundResponse({ description: 'COURSE_NOT_FOUND' })
  @ApiConflictResponse({ description: 'COURSE_NOT_COMPLETED' })
  give(
    @CurrentViewer() viewer: Viewer,
    @Param('courseId') courseId: string,
    @Body() dto: GiveCourseFeedbackDto,
  ): Promise<MyCourseFeedbackView> {
    return this.feedback.give(viewer, courseId, dto);
  }

  @Get('courses/:courseId/feedback')
  @ApiOperation({ summary: 'Your feedback on a course' })
  @ApiOkResponse({ type: MyCourseFeedbackView })
  @ApiNotFoundResponse({ description: 'COURSE_NOT_FOUND or FEEDBACK_NOT_FOUND' })
  async mine(
    @CurrentViewer() viewer: Viewer,
    @Param('courseId') courseId: string,
  ): Promise<MyCourseFeedbackView> {
    const found = await this.feedback.mine(viewer, courseId);
    if (!found) throw CourseError.feedbackNotFound();
    return found;
  }

  @Delete('courses/:courseId/feedback')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw your feedback on a course' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'COURSE_NOT_FOUND or FEEDBACK_NOT_FOUND' })
  withdraw(@CurrentViewer() viewer: Viewer, @Param('courseId') courseId: string): Promise<void> {
    return this.feedback.withdraw(viewer, courseId);
  }

  @Get('courses/:courseId/feedback/summary')
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'Satisfaction with one course: count, mean, spread and unsigned comments',
    description: `Over the people of your teams (hr, admin: everyone), or one team. ${ANONYMOUS}`,
  })
  @ApiOkResponse({ type: CourseFeedbackSummaryView })
  @ApiNotFoundResponse({ description: 'COURSE_NOT_FOUND' })
  summary(
    @CurrentViewer() viewer: Viewer,
    @Param('courseId') courseId: string,
    @Query() query: CourseFeedbackQueryDto,
  ): Promise<CourseFeedbackSummaryView> {
    return this.feedback.summary(viewer, courseId, query.team);
  }

  @Get('course-feedback')
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'Satisfaction with every course: count, mean and spread',
    description: `Over the people of your teams (hr, admin: everyone), or one team. ${ANONYMOUS}`,
  })
  @ApiOkResponse({ type: [CourseSatisfactionView] })
  overview(
    @CurrentViewer() viewer: Viewer,
    @Query() query: CourseFeedbackQueryDto,
  ): Promise<CourseSatisfactionView[]> {
    return this.feedback.overview(viewer, query.team);
  }

  @Put('course-feedback/:feedbackId/hidden')
  @Roles(...FEEDBACK_MODERATORS)
  @HttpCode(204)
  @ApiOperation({
    summary: 'Hide a comment from the feedback staff read, with a reason its writer reads',
    description:
      'The rating still counts. Hiding again replaces the reason; the writer changing the text shows it again. Only answers of people you may see; audited (course-feedback.comment-hidden).',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({
    description: 'FEEDBACK_NOT_FOUND: no comment with this id among the people you may see',
  })
  async hide(
    @CurrentViewer() viewer: Viewer,
    @Param('feedbackId', ParseUUIDPipe) feedbackId: string,
    @Body() dto: HideCommentDto,
  ): Promise<void> {
    await this.feedback.hideComment(viewer, feedbackId, dto.reason);
  }

  @Delete('course-feedback/:feedbackId/hidden')
  @Roles(...FEEDBACK_MODERATORS)
  @HttpCode(204)
  @ApiOperation({ summary: 'Show a hidden comment again (audited: course-feedback.comment-shown)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({
    description: 'FEEDBACK_NOT_FOUND: no hidden comment with this id for you',
  })
  async show(
    @CurrentViewer() viewer: Viewer,
    @Param('feedbackId', ParseUUIDPipe) feedbackId: string,
  ): Promise<void> {
    await this.feedback.showComment(viewer, feedbackId);
  }
}
