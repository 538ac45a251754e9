import { Controller, Get, Param, ParseUUIDPipe, Post, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { myCertificatesPage } from './certification-pages.mapper';
import { CertificationsService } from './certifications.service';
import { NoticesService } from './notices.service';

/** The trainee's pages: My certificates (with progress) and notices. */
@ApiExcludeController()
@Controller('certificates')
export class CertificationPagesController {
  constructor(
    private readonly certifications: CertificationsService,
    private readonly notices: NoticesService,
  ) {}

  @Get()
  @Render('certifications/mine')
  async mine(@CurrentViewer() viewer: Viewer): Promise<object> {
    const [overview, unread] = await Promise.all([
      this.certifications.overviewOf(viewer.id),
      this.notices.unreadCount(viewer),
    ]);
    return myCertificatesPage(overview, unread);
  }

  @Get('notices')
  @Render('certifications/notices')
  async noticeList(@CurrentViewer() viewer: Viewer): Promise<object> {
    return { title: 'Notices', notices: await this.notices.list(viewer) };
  }

  @Post('notices/read-all')
  async readAll(@CurrentViewer() viewer: Viewer, @Res() response: Response): Promise<void> {
    await this.notices.markAllRead(viewer);
    response.redirect(303, '/certificates/notices');
  }

  @Post('notices/:noticeId/read')
  async read(
    @CurrentViewer() viewer: Viewer,
    @Param('noticeId', ParseUUIDPipe) noticeId: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.notices.markRead(viewer, noticeId);
    response.redirect(303, '/certificates/notices');
  }
}
