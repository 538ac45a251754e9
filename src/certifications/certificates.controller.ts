import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Response } from 'express';
import { Roles } from '../identity/access.decorators';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { CertificateProofService } from './certificate-proof.service';
import { CertificateView, MyCertificatesView } from './certificate-views';
import { CertificationsService } from './certifications.service';
import { CertificateListQueryDto, RevokeCertificateDto } from './dto/certification.dto';

@ApiTags('certifications')
@ApiBearerAuth()
@Controller('api')
export class CertificatesController {
  constructor(
    private readonly certifications: CertificationsService,
    private readonly proof: CertificateProofService,
  ) {}

  @Get('me/certificates')
  @ApiOperation({
    summary: 'Your certificates (every cycle) and progress towards each programme',
    description:
      'Progress lists, per requirement, what is done (with the records) and what is left, with a link.',
  })
  @ApiOkResponse({ type: MyCertificatesView })
  mine(@CurrentViewer() viewer: Viewer): Promise<MyCertificatesView> {
    return this.certifications.overviewOf(viewer.id);
  }

  @Get('users/:userId/certificates')
  @ApiOperation({
    summary: 'A person’s certificates and progress',
    description:
      'The person, hr and admin; trainers and supervisors for their teams. Others get 404.',
  })
  @ApiOkResponse({ type: MyCertificatesView })
  ofUser(
    @CurrentViewer() viewer: Viewer,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<MyCertificatesView> {
    return this.certifications.overviewFor(viewer, userId);
  }

  @Get('certificates')
  @Roles('hr', 'admin', 'supervisor', 'trainer')
  @ApiOperation({
    summary: 'The certificate ledger',
    description: 'hr and admin: everyone; trainers and supervisors: the people in their teams.',
  })
  @ApiOkResponse({ description: '{ total, items: CertificateView[] }, newest first' })
  list(
    @CurrentViewer() viewer: Viewer,
    @Query() query: CertificateListQueryDto,
  ): Promise<{ total: number; items: CertificateView[] }> {
    return this.certifications.list(viewer, query);
  }

  @Get('certificates/:certificateId')
  @ApiOperation({ summary: 'One certificate cycle with its evidence (holder and staff)' })
  @ApiOkResponse({ type: CertificateView })
  @ApiNotFoundResponse({ description: 'CERTIFICATE_NOT_FOUND (also for one you may not see)' })
  get(
    @CurrentViewer() viewer: Viewer,
    @Param('certificateId', ParseUUIDPipe) certificateId: string,
  ): Promise<CertificateView> {
    return this.certifications.get(viewer, certificateId);
  }

  @Get('certificates/:certificateId/pdf')
  @ApiOperation({ summary: 'The printable certificate, with a QR code of the verification URL' })
  @ApiProduces('application/pdf')
  async pdf(
    @CurrentViewer() viewer: Viewer,
    @Param('certificateId', ParseUUIDPipe) certificateId: string,
    @Res() response: Response,
  ): Promise<void> {
    const { fileName, content } = await this.proof.pdf(viewer, certificateId);
    response
      .status(200)
      .set({
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="${fileName}"`,
        'cache-control': 'private, no-store',
      })
      .send(content);
  }

  @Post('certificates/:certificateId/revoke')
  @Roles('hr', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revoke a certificate with a reason (audited; verification fails at once)',
  })
  @ApiOkResponse({ type: CertificateView })
  revoke(
    @CurrentViewer() viewer: Viewer,
    @Param('certificateId', ParseUUIDPipe) certificateId: string,
    @Body() dto: RevokeCertificateDto,
  ): Promise<CertificateView> {
    return this.certifications.revoke(viewer, certificateId, dto.reason);
  }
}
