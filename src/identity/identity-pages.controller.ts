import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Render,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { AppError, DomainError } from '../common/domain-error';
import { errorsByPath, validateInto } from '../common/validation';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { OpenWithTemporaryPassword, Public, Roles } from './access.decorators';
import { SESSION_COOKIE } from './access.guard';
import { AuditService } from './audit.service';
import { AuthService } from './auth.service';
import { AuditQueryDto } from './dto/audit-query.dto';
import { ChangePasswordDto, CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './dto/user.dto';
import { HomeNotice, HomeNotices, HomeSections, homeSectionsFor } from './home-sections';
import { ROLES } from './role';
import { IMPORT_MAX_BYTES } from './users.controller';
import { toUserView, UsersService } from './users.service';
import { CurrentViewer, Viewer } from './viewer';

type Form = Record<string, unknown>;

@ApiExcludeController()
@Controller()
export class IdentityPagesController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly notices: HomeNotices,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('login')
  @Render('identity/login')
  loginPage(@Query('next') next?: string): object {
    return { title: 'Sign in', next: safeNext(next), demo: this.config.demoAccounts };
  }

  @Public()
  @Post('login')
  async login(
    @Body() form: Form,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const email = String(form.email ?? '');
    const next = safeNext(typeof form.next === 'string' ? form.next : undefined);
    try {
      const session = await this.auth.login(
        email,
        String(form.password ?? ''),
        request.ip ?? 'unknown',
      );
      this.setSession(response, session);
      response.redirect(303, next);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      response.status(error.status).render('identity/login', {
        title: 'Sign in',
        email,
        next,
        error: error.message,
        demo: this.config.demoAccounts,
      });
    }
  }

  @Public()
  @Post('logout')
  logout(@Res() response: Response): void {
    response.clearCookie(SESSION_COOKIE, { path: '/' });
    response.redirect(303, '/login');
  }

  @Get('account')
  @OpenWithTemporaryPassword()
  @Render('identity/account')
  accountPage(
    @CurrentViewer() viewer: Viewer,
    @Query('changed') changed?: string,
    @Query('signedOut') signedOut?: string,
  ): object {
    return this.accountModel(viewer, { changed: changed === '1', signedOut: signedOut === '1' });
  }

  @Get('account/password')
  @OpenWithTemporaryPassword()
  @Render('identity/account')
  passwordPage(@CurrentViewer() viewer: Viewer, @Query('next') next?: string): object {
    return this.accountModel(viewer, { next: safeNext(next) });
  }

  @Post('account/password')
  @OpenWithTemporaryPassword()
  async changePassword(
    @CurrentViewer() viewer: Viewer,
    @Body() form: Form,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const next = typeof form.next === 'string' && form.next ? safeNext(form.next) : null;
    const parsed = validateInto(ChangePasswordDto, {
      currentPassword: form.currentPassword,
      newPassword: form.newPassword,
    });
    try {
      if (!parsed.ok) throw AppError.validation(parsed.errors, 'Check the fields marked below');
      if (parsed.value.newPassword !== form.repeatPassword)
        throw AppError.validation(
          [{ path: 'repeatPassword', messages: ['the two new passwords differ'] }],
          'Check the fields marked below',
        );
      this.setSession(
        response,
        await this.auth.changePassword(viewer, parsed.value, request.ip ?? 'unknown'),
      );
      response.redirect(303, next ?? '/account?changed=1');
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      response.status(error.status).render(
        'identity/account',
        this.accountModel(viewer, {
          next,
          error: error.message,
          errors: errorsByPath(error.errors),
        }),
      );
    }
  }

  @Post('account/sign-out-everywhere')
  async signOutEverywhere(
    @CurrentViewer() viewer: Viewer,
    @Res() response: Response,
  ): Promise<void> {
    this.setSession(response, await this.auth.signOutEverywhere(viewer));
    response.redirect(303, '/account?signedOut=1');
  }

  @Get()
  @Render('home')
  async home(
    @CurrentViewer() viewer: Viewer,
  ): Promise<{ title: string; notices: HomeNotice[]; sections: HomeSections }> {
    return {
      title: 'Home',
      notices: await this.notices.for(viewer),
      sections: homeSectionsFor(viewer.roles),
    };
  }

  @Get('admin/users')
  @Roles('admin', 'hr')
  @Render('identity/users')
  async usersPage(
    @CurrentViewer() viewer: Viewer,
    @Query() query: ListUsersQueryDto,
  ): Promise<object> {
    return this.renderUsers(viewer, query);
  }

  @Post('admin/users')
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

  @Get('admin/users/import')
  @Roles('admin', 'hr')
  @Render('identity/import')
  importPage(): object {
    return { title: 'Onboard new hires' };
  }

  @Post('admin/users/import')
  @Roles('admin', 'hr')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES } }))
  async import(
    @CurrentViewer() viewer: Viewer,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() form: Form,
    @Res() response: Response,
  ): Promise<void> {
    const csv = file?.buffer.toString('utf8') || String(form.csv ?? '');
    try {
      const created = await this.users.importCsv(viewer, csv);
      response.status(200).render('identity/import', { title: 'Onboard new hires', created });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      response.status(error.status).render('identity/import', {
        title: 'Onboard new hires',
        csv,
        error: error.message,
        rowErrors: error.errors ?? [],
      });
    }
  }

  @Get('admin/users/:userId')
  @Roles('admin', 'hr')
  @Render('identity/person')
  personPage(
    @CurrentViewer() viewer: Viewer,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Query('saved') saved?: string,
    @Query('signedOut') signedOut?: string,
  ): Promise<object> {
    return this.personModel(viewer, userId, {
      saved: saved === '1',
      signedOut: signedOut === '1',
    });
  }

  @Post('admin/users/:userId')
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

  @Post('admin/users/:userId/sign-out')
  @Roles('admin')
  async signOutPerson(
    @CurrentViewer() viewer: Viewer,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.users.signOutEverywhere(viewer, userId);
    response.redirect(303, `/admin/users/${userId}?signedOut=1`);
  }

  @Get('admin/audit')
  @Roles('admin', 'hr')
  @Render('identity/audit')
  async auditPage(@Query() query: AuditQueryDto): Promise<object> {
    const result = await this.audit.list({ ...query, limit: query.limit ?? 100 });
    return { title: 'Audit log', query, ...result, retentionDays: this.config.auditRetentionDays };
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

  private accountModel(viewer: Viewer, extra: object): object {
    return {
      title: viewer.mustChangePassword ? 'Choose your password' : 'Your account',
      temporary: viewer.mustChangePassword === true,
      minLength: this.config.passwordMinLength,
      ...extra,
    };
  }

  private setSession(response: Response, session: { accessToken: string; expiresIn: number }) {
    response.cookie(SESSION_COOKIE, session.accessToken, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.secureCookies,
      maxAge: session.expiresIn * 1000,
      path: '/',
    });
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
      canEdit: viewer.roles.includes('admin'),
      ...result,
      ...extra,
    };
  }
}

// Only same-site paths, so the login form cannot be used as an open redirect.
/** The person fields of the add and edit forms, as the DTOs take them; blank ones become `blank`. */
function accountFields(form: Form, blank: undefined | null): Record<string, unknown> {
  return {
    email: form.email,
    displayName: form.displayName,
    roles: [form.roles ?? []].flat(),
    managedTeams: String(form.managedTeams ?? '')
      .split(',')
      .map((team) => team.trim())
      .filter(Boolean),
    employeeNumber: form.employeeNumber || blank,
    team: form.team || blank,
    cohort: form.cohort || blank,
  };
}

/** A checkbox sends a value when ticked and nothing when not. */
function ticked(value: unknown): boolean {
  return value !== undefined;
}

function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
