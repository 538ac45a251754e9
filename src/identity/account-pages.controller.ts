import { Body, Controller, Get, Inject, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { AppError, DomainError } from '../common/domain-error';
import { errorsByPath, validateInto } from '../common/validation';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { OpenWithTemporaryPassword } from './access.decorators';
import { AuthService } from './auth.service';
import { ChangePasswordDto } from './dto/user.dto';
import { safeNext, setSessionCookie } from './session-cookie';
import { CurrentViewer, Viewer } from './viewer';

type Form = Record<string, unknown>;

/** Your own account: change your password (also out of a temporary one), sign out elsewhere. */
@ApiExcludeController()
@Controller('account')
export class AccountPagesController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @OpenWithTemporaryPassword()
  @Render('identity/account')
  accountPage(
    @CurrentViewer() viewer: Viewer,
    @Query('changed') changed?: string,
    @Query('signedOut') signedOut?: string,
  ): object {
    return this.accountModel(viewer, { changed: changed === '1', signedOut: signedOut === '1' });
  }

  @Get('password')
  @OpenWithTemporaryPassword()
  @Render('identity/account')
  passwordPage(@CurrentViewer() viewer: Viewer, @Query('next') next?: string): object {
    return this.accountModel(viewer, { next: safeNext(next) });
  }

  @Post('password')
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
      setSessionCookie(
        response,
        await this.auth.changePassword(viewer, parsed.value, request.ip ?? 'unknown'),
        this.config.secureCookies,
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

  @Post('sign-out-everywhere')
  async signOutEverywhere(
    @CurrentViewer() viewer: Viewer,
    @Res() response: Response,
  ): Promise<void> {
    setSessionCookie(
      response,
      await this.auth.signOutEverywhere(viewer),
      this.config.secureCookies,
    );
    response.redirect(303, '/account?signedOut=1');
  }

  private accountModel(viewer: Viewer, extra: object): object {
    return {
      title: viewer.mustChangePassword ? 'Choose your password' : 'Your account',
      temporary: viewer.mustChangePassword === true,
      minLength: this.config.passwordMinLength,
      ...extra,
    };
  }
}
