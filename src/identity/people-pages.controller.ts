import { Body, Controller, Get, Post, Query, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { AppError, DomainError } from '../common/domain-error';
import { errorsByPath, validateInto } from '../common/validation';
import { Roles } from './access.decorators';
import { CreateUserDto, ListUsersQueryDto, UserStatus } from './dto/user.dto';
import { accountFields, ticked } from './people-form';
import { ROLES } from './role';
import { UsersService } from './users.service';
import { CurrentViewer, Viewer } from './viewer';

type Form = Record<string, unknown>;

/** People for admin and hr: the list with filters; admin adds a person. */
@ApiExcludeController()
@Controller('admin/users')
export class PeoplePagesController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin', 'hr')
  @Render('identity/users')
  async usersPage(
    @CurrentViewer() viewer: Viewer,
    @Query() query: ListUsersQueryDto,
  ): Promise<object> {
    return this.renderUsers(viewer, query);
  }

  @Post()
  @Roles('admin')
  async createUser(
    @CurrentViewer() viewer: Viewer,
    @Body() form: Form,
    @Res() response: Response,
  ): Promise<void> {
    const parsed = validateInto(CreateUserDto, {
      ...accountFields(form, undefined),
      password: form.password,
      mustChangePassword: ticked(form.mustChangePassword),
    });
    try {
      if (!parsed.ok) throw AppError.validation(parsed.errors, 'Check the fields marked below');
      const user = await this.users.create(viewer, parsed.value);
      response.redirect(303, `/admin/users?created=${encodeURIComponent(user.email)}`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const model = await this.renderUsers(
        viewer,
        {},
        { form, error: error.message, errors: errorsByPath(error.errors) },
      );
      response.status(error.status).render('identity/users', model);
    }
  }

  private async renderUsers(
    viewer: Viewer,
    query: ListUsersQueryDto,
    extra: object = {},
  ): Promise<object> {
    const result = await this.users.list({ ...query, limit: query.limit ?? 200 });
    return {
      title: 'People',
      query,
      roles: ROLES,
      statuses: [
        { value: 'active', label: 'active' },
        { value: 'inactive', label: 'deactivated' },
        { value: 'temporary-password', label: 'still on a temporary password' },
        { value: 'never-signed-in', label: 'never signed in' },
        { value: 'password-help', label: 'asked for a new password' },
        { value: 'erased', label: 'personal data erased' },
      ] satisfies { value: UserStatus; label: string }[],
      canEdit: viewer.roles.includes('admin'),
      ...result,
      ...extra,
    };
  }
}
