import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Response } from 'express';
import { DomainError, FieldError } from '../common/domain-error';
import { errorsByPath, validateInto } from '../common/validation';
import { Roles } from '../identity/access.decorators';
import { CurrentViewer, hasRole, Viewer } from '../identity/viewer';
import { certificateRow } from './certification-pages.mapper';
import { CertificationsService } from './certifications.service';
import { CertificateListQueryDto, RevokeCertificateDto, SignOffDto } from './dto/certification.dto';
import { ProgrammesService } from './programmes.service';
import { SignOffsService } from './sign-offs.service';

const STATUSES = ['active', 'expiring', 'expired', 'revoked', 'superseded'];

/** The list filters plus the flag the revoke form redirects with. */
class StaffPageQueryDto extends CertificateListQueryDto {
  @IsOptional()
  @IsIn(['1'])
  revoked?: string;
}

/** Staff pages: the certificate list with revocation (hr, admin), supervisors' sign-offs. */
@ApiExcludeController()
@Controller('certificates')
export class CertificationStaffPagesController {
  constructor(
    private readonly certifications: CertificationsService,
    private readonly programmes: ProgrammesService,
    private readonly signOffs: SignOffsService,
  ) {}

  @Get('staff')
  @Roles('hr', 'admin', 'supervisor', 'trainer')
  async staff(
    @CurrentViewer() viewer: Viewer,
    @Query() query: StaffPageQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const { revoked, ...filters } = query;
    response.render(
      'certifications/staff',
      await this.staffModel(viewer, filters, {
        notice: revoked ? 'The certificate was revoked.' : undefined,
      }),
    );
  }

  @Post(':certificateId/revoke')
  @Roles('hr', 'admin')
  async revoke(
    @CurrentViewer() viewer: Viewer,
    @Param('certificateId', ParseUUIDPipe) certificateId: string,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const form = validateInto(RevokeCertificateDto, body);
    let errors: FieldError[] | undefined = form.ok ? undefined : form.errors;
    let error = form.ok ? undefined : 'Say why the certificate is revoked.';
    if (form.ok) {
      try {
        await this.certifications.revoke(viewer, certificateId, form.value.reason);
        return response.redirect(303, '/certificates/staff?revoked=1');
      } catch (caught) {
        if (!(caught instanceof DomainError) || caught.status === 404) throw caught;
        error = caught.message;
        errors = caught.errors;
      }
    }
    response.status(400).render(
      'certifications/staff',
      await this.staffModel(
        viewer,
        {},
        {
          error,
          errors: errorsByPath(errors),
          failedId: certificateId,
          form: body,
        },
      ),
    );
  }

  @Get('sign-offs')
  @Roles('supervisor', 'trainer')
  async signOffPage(
    @CurrentViewer() viewer: Viewer,
    @Query('signed') signed: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    response.render('certifications/sign-offs', {
      title: 'Sign-offs',
      tasks: await this.signOffs.tasks(viewer),
      notice:
        signed === 'certified'
          ? 'Signed. The programme is complete and the certificate was issued.'
          : signed
            ? 'Signed.'
            : undefined,
    });
  }

  @Post('sign-offs/:userId')
  @Roles('supervisor', 'trainer')
  async sign(
    @CurrentViewer() viewer: Viewer,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const form = validateInto(SignOffDto, body);
    try {
      if (!form.ok) throw new Error(form.errors.map((e) => e.messages.join('; ')).join('; '));
      const result = await this.signOffs.sign(viewer, userId, form.value);
      response.redirect(
        303,
        `/certificates/sign-offs?signed=${result.certificateId ? 'certified' : 'yes'}`,
      );
    } catch (caught) {
      if (caught instanceof DomainError && caught.status === 404) throw caught;
      response
        .status(caught instanceof DomainError ? caught.status : 400)
        .render('certifications/sign-offs', {
          title: 'Sign-offs',
          tasks: await this.signOffs.tasks(viewer),
          error: caught instanceof Error ? caught.message : 'The sign-off could not be saved',
        });
    }
  }

  private async staffModel(
    viewer: Viewer,
    query: CertificateListQueryDto,
    extra: object,
  ): Promise<object> {
    const { total, items } = await this.certifications.list(viewer, query);
    return {
      title: 'Certificates',
      total,
      items: items.map(certificateRow),
      query,
      statuses: STATUSES,
      programmes: this.programmes.all().map((p) => ({ id: p.id, title: p.title })),
      canRevoke: hasRole(viewer, 'hr', 'admin'),
      ...extra,
    };
  }
}
