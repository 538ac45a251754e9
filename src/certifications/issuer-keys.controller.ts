import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../identity/access.decorators';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { IssuerKeyView } from './certificate-views';
import { IssuerKeyParams, RevokeIssuerKeyDto } from './dto/certification.dto';
import { IssuerKeysService } from './issuer-keys.service';

/** The keys Open Badges 3.0 credentials are signed with: list, rotate, revoke (admin). */
@ApiTags('certifications')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/issuer-keys')
export class IssuerKeysController {
  constructor(private readonly keys: IssuerKeysService) {}

  @Get()
  @ApiOperation({ summary: 'Every signing key, newest first, with its state' })
  @ApiOkResponse({ type: IssuerKeyView, isArray: true })
  list(): Promise<IssuerKeyView[]> {
    return this.keys.list();
  }

  @Post('rotate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Make a new signing key; the others stop signing but keep verifying (audited)',
  })
  @ApiOkResponse({ type: IssuerKeyView, isArray: true })
  rotate(@CurrentViewer() viewer: Viewer): Promise<IssuerKeyView[]> {
    return this.keys.rotate(viewer);
  }

  @Post(':keyId/revoke')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw a key that may have leaked: what it signed no longer verifies (audited)',
    description:
      'Holders download a freshly signed copy of their credential. When the key was signing, a ' +
      'new one is made at once.',
  })
  @ApiOkResponse({ type: IssuerKeyView, isArray: true })
  @ApiNotFoundResponse({ description: 'ISSUER_KEY_NOT_FOUND' })
  @ApiConflictResponse({ description: 'ALREADY_REVOKED' })
  revoke(
    @CurrentViewer() viewer: Viewer,
    @Param() params: IssuerKeyParams,
    @Body() dto: RevokeIssuerKeyDto,
  ): Promise<IssuerKeyView[]> {
    return this.keys.revoke(viewer, params.keyId, dto.reason);
  }
}
