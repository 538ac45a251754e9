import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Response } from 'express';
import { DomainError, FieldError } from '../common/domain-error';
import { errorsByPath, validateInto } from '../common/validation';
import { Roles } from '../identity/access.decorators';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { IssuerKeyParams, RevokeIssuerKeyDto } from './dto/certification.dto';
import { IssuerKeysService } from './issuer-keys.service';

const DONE = {
  rotated: 'A new key signs from now on. The old keys keep verifying what they signed.',
  revoked:
    'The key was revoked: what it signed no longer verifies, and holders download a fresh copy.',
};

class KeysPageQueryDto {
  @IsOptional()
  @IsIn(Object.keys(DONE))
  done?: keyof typeof DONE;
}

/** `/admin/issuer-keys`: the Open Badges signing keys, with rotate and revoke (admin). */
@ApiExcludeController()
@Roles('admin')
@Controller('admin/issuer-keys')
export class IssuerKeyPagesController {
  constructor(private readonly keys: IssuerKeysService) {}

  @Get()
  async page(@Query() query: KeysPageQueryDto, @Res() response: Response): Promise<void> {
    response.render('certifications/issuer-keys', {
      title: 'Signing keys',
      keys: await this.keys.list(),
      notice: query.done ? DONE[query.done] : undefined,
    });
  }

  @Post('rotate')
  async rotate(@CurrentViewer() viewer: Viewer, @Res() response: Response): Promise<void> {
    await this.keys.rotate(viewer);
    response.redirect(303, '/admin/issuer-keys?done=rotated');
  }

  @Post(':keyId/revoke')
  async revoke(
    @CurrentViewer() viewer: Viewer,
    @Param() params: IssuerKeyParams,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const form = validateInto(RevokeIssuerKeyDto, body);
    let errors: FieldError[] | undefined = form.ok ? undefined : form.errors;
    let error = form.ok ? undefined : 'Say why the key is revoked.';
    let status = 400;
    if (form.ok) {
      try {
        await this.keys.revoke(viewer, params.keyId, form.value.reason);
        return response.redirect(303, '/admin/issuer-keys?done=revoked');
      } catch (caught) {
        if (!(caught instanceof DomainError) || caught.status === 404) throw caught;
        ({ message: error, errors, status } = caught);
      }
    }
    response.status(status).render('certifications/issuer-keys', {
      title: 'Signing keys',
      keys: await this.keys.list(),
      error,
      errors: errorsByPath(errors),
      failedId: params.keyId,
      form: body,
    });
  }
}
