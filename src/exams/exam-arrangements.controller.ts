import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../identity/access.decorators';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { ExamArrangementDto, ExamArrangementView } from './dto/exam-arrangement.dto';
import { ExamArrangementsService } from './exam-arrangements.service';

/** Individual arrangements: one person's extra time and extra attempts on one exam. */
@ApiTags('exams')
@ApiBearerAuth()
@Roles('trainer', 'admin')
@Controller('api/exams/:examId/arrangements')
export class ExamArrangementsController {
  constructor(private readonly arrangements: ExamArrangementsService) {}

  @Get()
  @ApiOperation({ summary: 'The exam’s individual arrangements, by person' })
  @ApiOkResponse({ type: [ExamArrangementView] })
  list(@Param('examId') examId: string): Promise<ExamArrangementView[]> {
    return this.arrangements.list(examId);
  }

  @Put(':userId')
  @ApiOperation({
    summary: 'Give one person extra minutes and/or extra attempts on the exam, with a reason',
    description:
      'Creates or replaces the arrangement; it applies to attempts started from now (an open attempt keeps its deadline). 400 when both are 0; 404 USER_NOT_FOUND, EXAM_NOT_FOUND. Audited as exam.arrangement.set.',
  })
  @ApiOkResponse({ type: ExamArrangementView })
  set(
    @CurrentViewer() viewer: Viewer,
    @Param('examId') examId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() dto: ExamArrangementDto,
  ): Promise<ExamArrangementView> {
    return this.arrangements.set(viewer, examId, userId, dto);
  }

  @Delete(':userId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove the person’s arrangement (404 ARRANGEMENT_NOT_FOUND when there is none)',
  })
  async remove(
    @CurrentViewer() viewer: Viewer,
    @Param('examId') examId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<void> {
    await this.arrangements.remove(viewer, examId, userId);
  }
}
