import { Body, Controller, Get, Header, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Public } from '../identity/access.decorators';
import { CertificateProofService } from './certificate-proof.service';
import { CredentialCheckView, VerificationView } from './certificate-views';
import { VerifyCredentialDto } from './dto/certification.dto';
import { listNumber } from './status-list';
import { StatusListsService } from './status-lists.service';

const JSON_LD = 'application/ld+json; charset=utf-8';

/** What anyone may check without signing in: verification and the Open Badges documents. */
@ApiTags('verification (public)')
@Public()
@Controller()
export class VerificationController {
  constructor(
    private readonly proof: CertificateProofService,
    private readonly statusLists: StatusListsService,
  ) {}

  @Get('api/verify/:token')
  @ApiOperation({
    summary:
      'Verify a certificate: holder’s name, programme, issued, expires, status — nothing else',
  })
  @ApiOkResponse({ type: VerificationView })
  verify(@Param('token') token: string): Promise<VerificationView> {
    return this.proof.verify(token);
  }

  @Get('badges/issuer')
  @ApiOperation({ summary: 'Open Badges 2.0 issuer profile' })
  @Header('content-type', JSON_LD)
  issuer(): object {
    return this.proof.issuer();
  }

  @Get('badges/profile')
  @ApiOperation({
    summary:
      'Open Badges 3.0 issuer Profile: the controller document listing every key credentials were signed with',
  })
  @Header('content-type', JSON_LD)
  profile(): Promise<object> {
    return this.proof.profile();
  }

  @Post('api/badges/verify')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Check an Open Badges 3.0 credential: issuer, signature (eddsa-rdfc-2022), dates and the record (revoked, expired, superseded)',
  })
  @ApiOkResponse({ type: CredentialCheckView })
  checkCredential(@Body() body: VerifyCredentialDto): Promise<CredentialCheckView> {
    return this.proof.checkCredential(body.verifiableCredential);
  }

  @Get('badges/status/:list')
  @ApiOperation({
    summary:
      'Revocation status list N (W3C Bitstring Status List v1.0): a BitstringStatusListCredential, signed, dated now; bit i set = the credential at index i is revoked',
  })
  @Header('content-type', JSON_LD)
  @Header('cache-control', 'public, max-age=300')
  statusList(@Param('list') list: string): Promise<object> {
    return this.statusLists.listCredential(listNumber(list) ?? 0);
  }

  @Get('badges/programmes/:programmeId')
  @ApiOperation({ summary: 'Open Badges 2.0 BadgeClass of a programme' })
  @Header('content-type', JSON_LD)
  badgeClass(@Param('programmeId') programmeId: string): object {
    return this.proof.badgeClass(programmeId);
  }

  @Get('badges/programmes/:programmeId/image.svg')
  @ApiOperation({ summary: 'The badge image (SVG)' })
  @ApiProduces('image/svg+xml')
  @Header('content-type', 'image/svg+xml; charset=utf-8')
  @Header('cache-control', 'public, max-age=3600')
  image(@Param('programmeId') programmeId: string): string {
    return this.proof.badgeImage(programmeId);
  }

  @Get('badges/assertions/:token')
  @ApiOperation({
    summary: 'Open Badges 2.0 Assertion, hosted verification (410 with revoked: true once revoked)',
  })
  async assertion(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const { revoked, body } = await this.proof.assertion(token);
    response
      .status(revoked ? 410 : 200)
      .type(JSON_LD)
      .send(JSON.stringify(body));
  }

  @Get('badges/credentials/:token')
  @ApiOperation({
    summary:
      'Open Badges 3.0 OpenBadgeCredential with a Data Integrity proof (eddsa-rdfc-2022); 410 once revoked',
  })
  async credential(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const { revoked, body } = await this.proof.credential(token);
    response
      .status(revoked ? 410 : 200)
      .type(JSON_LD)
      .send(JSON.stringify(body));
  }
}
