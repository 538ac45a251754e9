import { Body, Controller, Get, Inject, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { AppError, DomainError } from '../common/domain-error';
import { validateInto } from '../common/validation';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Public, Roles } from './access.decorators';
import { SESSION_COOKIE } from './access.guard';
import { AuditService } from './audit.service';
import { AuthService } from './auth.service';
import { AuditQueryDto } from './dto/audit-query.dto';
import { PASSWORD_HELP_ANSWER, PasswordHelpDto } from './dto/user.dto';
import { HomeNotice, HomeNotices, HomeSections, homeSectionsFor } from './home-sections';
import { safeNext, setSessionCookie } from './session-cookie';
import { CurrentViewer, Viewer } from './viewer';

type Form = Record<string, unknown>;

/** Signing in and out, the home page and the audit log. */
@ApiExcludeController()
@Controller()
export class IdentityPagesController {
  constructor(
    private readonly auth: AuthService,
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
      setSessionCookie(response, session, this.config.secureCookies);
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
  @Get('login/help')
  @Render('identity/password-help')
  passwordHelpPage(): object {
    return { title: 'Forgot your password?' };
  }

  @Public()
  @Post('login/help')
  async passwordHelp(
    @Body() form: Form,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const email = String(form.email ?? '');
    const parsed = validateInto(PasswordHelpDto, { email });
    try {
      if (!parsed.ok) throw AppError.validation(parsed.errors, 'Give the address you sign in with');
      await this.auth.requestPasswordHelp(parsed.value.email, request.ip ?? 'unknown');
      response.status(200).render('identity/password-help', {
        title: 'Forgot your password?',
        done: PASSWORD_HELP_ANSWER,
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      response.status(error.status).render('identity/password-help', {
        title: 'Forgot your password?',
        email,
        error: error.message,
      });
    }
  }

  @Public()
  @Post('logout')
  logout(@Res() response: Response): void {
    response.clearCookie(SESSION_COOKIE, { path: '/' });
    response.redirect(303, '/login');
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

  @Get('admin/audit')
  @Roles('admin', 'hr')
  @Render('identity/audit')
  async auditPage(@Query() query: AuditQueryDto): Promise<object> {
    const result = await this.audit.list({ ...query, limit: query.limit ?? 100 });
    return { title: 'Audit log', query, ...result, retentionDays: this.config.auditRetentionDays };
  }
}
