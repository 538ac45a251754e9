import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Render,
  Res,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { AppError, DomainError } from '../common/domain-error';
import { errorsByPath, validateInto } from '../common/validation';
import { Roles } from './access.decorators';
import { AuditService } from './audit.service';
import { CredentialsService } from './credentials.service';
import { ErasureService } from './erasure.service';
import { UpdateUserDto } from './dto/user.dto';
import { accountFields, ticked } from './people-form';
import { ROLES } from './role';
import { toUserView, UsersService } from './users.service';
import { CurrentViewer, Viewer } from './viewer';

type Form = Record<string, unknown>;

/** One person's account with its audit history (admin and hr); admin edits it and signs them out. */
@ApiExcludeController()
@Controller('admin/users/:userId')
export class PersonPagesController {
  constructor(
    private readonly users: UsersService,
    private readonly credentials: CredentialsService,
    private readonly audit: AuditService,
    private readonly erasure: ErasureService,
  ) {}

  @Get()
  @Roles('admin', 'hr')
  @Render('identity/person')
  personPage(
    @CurrentViewer() viewer: Viewer,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Query('saved') saved?: string,
    @Query('signedOut') signedOut?: string,
    @Query('erased') erased?: string,
  ): Promise<object> {
    return this.personModel(viewer, userId, {
      saved: saved === '1',
      signedOut: signedOut === '1',
      erased: erased && /^\d+$/.test(erased) ? `${erased} record(s) changed.` : undefined,
    });
  }

  @Post()
  @Roles('admin')
  async updateUser(
    @CurrentViewer() viewer: Viewer,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() form: Form,
    @Res() response: Response,
  ): Promise<void> {
    const parsed = validateInto(UpdateUserDto, {
      ...accountFields(form, null),
      active: ticked(form.active),
      // A blank password field keeps the password.
      ...(form.password
        ? { password: form.password, mustChangePassword: ticked(form.mustChangePassword) }
        : {}),
    });
    try {
      if (!parsed.ok) throw AppError.validation(parsed.errors, 'Check the fields marked below');
      await this.users.update(viewer, userId, parsed.value);
      response.redirect(303, `/admin/users/${userId}?saved=1`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const model = await this.personModel(viewer, userId, {
        form,
        error: error.message,
        errors: errorsByPath(error.errors),
      });
      response.status(error.status).render('identity/person', model);
    }
  }

  @Post('sign-out')
  @Roles('admin')
  async signOutPerson(
    @CurrentViewer() viewer: Viewer,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.credentials.signOutEverywhere(viewer, userId);
    response.redirect(303, `/admin/users/${userId}?signedOut=1`);
  }

  @Post('erase')
  @Roles('admin')
  async erasePerson(
    @CurrentViewer() viewer: Viewer,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() form: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    try {
      if (form.confirm !== 'yes')
        throw AppError.validation(
          [{ path: 'confirm', messages: ['tick the box to confirm'] }],
          'Tick the box to confirm: erasing cannot be undone',
        );
      const result = await this.erasure.erase(viewer, userId);
      const total = Object.values(result.records).reduce((sum, count) => sum + count, 0);
      response.redirect(303, `/admin/users/${userId}?erased=${total}`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const model = await this.personModel(viewer, userId, { eraseError: error.message });
      response.status(error.status).render('identity/person', model);
    }
  }

  private async personModel(viewer: Viewer, userId: string, extra: object): Promise<object> {
    const person = toUserView(await this.users.get(userId));
    const history = await this.audit.list({ targetType: 'user', targetId: userId, limit: 20 });
    return {
      title: person.displayName,
      person,
      // The form shows what was posted when it comes back with errors, else the saved values.
      form: { ...person, managedTeams: person.managedTeams.join(', ') },
      roles: ROLES,
      canEdit: viewer.roles.includes('admin'),
      history,
      historyMore: history.total > history.items.length,
      ...extra,
    };
  }
}
