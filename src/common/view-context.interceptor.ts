import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { Response } from 'express';
import { Observable } from 'rxjs';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CSRF_COOKIE, csrfTokenFor, newCsrfNonce } from '../identity/csrf';
import { RequestWithViewer } from '../identity/viewer';
import { navigationFor } from './navigation';
import { isApiRequest } from './request-kind';

/** Gives every page the viewer, the role-aware menu and a CSRF token (via res.locals). */
@Injectable()
export class ViewContextInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<RequestWithViewer>();
    if (isApiRequest(request)) return next.handle();
    const response = context.switchToHttp().getResponse<Response>();
    const cookies = (request.cookies ?? {}) as Record<string, string | undefined>;
    let nonce = cookies[CSRF_COOKIE];
    if (!nonce) {
      nonce = newCsrfNonce();
      response.cookie(CSRF_COOKIE, nonce, {
        httpOnly: true,
        sameSite: 'lax',
        secure: this.config.secureCookies,
        path: '/',
      });
      // Visible to the rest of this request, so a re-rendered form gets the same token.
      cookies[CSRF_COOKIE] = nonce;
    }
    const viewer = request.viewer;
    response.locals.csrfToken = csrfTokenFor(this.config.authSecret, nonce);
    response.locals.viewer = viewer ?? null;
    // Someone with a temporary password may only choose a new one: no menu to lead elsewhere.
    response.locals.nav =
      viewer && !viewer.mustChangePassword ? navigationFor(viewer.roles, request.path) : [];
    return next.handle();
  }
}
