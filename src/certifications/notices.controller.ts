import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { NoticeQueryDto } from './dto/certification.dto';
import { NoticesService, NoticeView } from './notices.service';

@ApiTags('certifications')
@ApiBearerAuth()
@Controller('api/me/notices')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get()
  @ApiOperation({
    summary: 'Your certificate notices (issued, reminders, expired, revoked), newest first',
  })
  @ApiOkResponse({ description: 'NoticeView[]' })
  list(@CurrentViewer() viewer: Viewer, @Query() query: NoticeQueryDto): Promise<NoticeView[]> {
    return this.notices.list(viewer, query.unread ?? false);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark every notice read' })
  async readAll(@CurrentViewer() viewer: Viewer): Promise<{ marked: number }> {
    return { marked: await this.notices.markAllRead(viewer) };
  }

  @Post(':noticeId/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of your notices read' })
  read(
    @CurrentViewer() viewer: Viewer,
    @Param('noticeId', ParseUUIDPipe) noticeId: string,
  ): Promise<NoticeView> {
    return this.notices.markRead(viewer, noticeId);
  }
}
