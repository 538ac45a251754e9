import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isUUID } from 'class-validator';
import { isApiRequest } from '../common/request-kind';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PUBLIC_KEY, ROLES_KEY, TEMPORARY_PASSWORD_KEY } from './access.decorators';
import { AuthService } from './auth.service';
import { CSRF_COOKIE, CSRF_FIELD, CSRF_HEADER, csrfTokenMatches } from './csrf';
import { IdentityError, IdentityErrorCode } from './identity-error';
import { isStaff, Role } from './role';
import { visibleTeams } from './team-scope';
import { UsersService } from './users.service';
import { RequestWithViewer, Viewer } from './viewer';

export const SESSION_COOKIE = 'academy_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one gate every route passes, in this order:
 * 1. CSRF: an unsafe request not carrying a bearer token must carry the form/header token.
 * 2. Authentication: bearer token or session cookie, unless the route is @Public(); someone
 *    signed in with a temporary password reaches only @OpenWithTemporaryPassword() routes.
 * 3. Roles: @Roles(...) lists who may call the route.
 * 4. Ownership by default: a route with a `:userId` parameter is open to its owner and to the
 *    staff who may see that person (hr and admin: everyone; trainers and supervisors: the
 *    people of the teams they manage); anyone else gets the same 404 as for a user that does
 *    not exist.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<RequestWithViewer>();
    const bearer = bearerToken(request.headers.authorization);
    const cookies = (request.cookies ?? {}) as Record<string, string | undefined>;
    // Only ambient credentials need CSRF protection: a session cookie, or a browser form
    // (login included). An API call with no cookie carries nothing a forger could borrow.
    const ambient = cookies[SESSION_COOKIE] !== undefined || !isApiRequest(request);
    if (!bearer && ambient && !SAFE_METHODS.has(request.method))
      this.checkCsrf(request, cookies[CSRF_COOKIE]);

    const token = bearer ?? cookies[SESSION_COOKIE];
    if (token)
      request.viewer =
        (await this.auth.authenticate(token, bearer ? 'bearer' : 'cookie')) ?? undefined;

    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const viewer = request.viewer;
    if (!viewer) throw new IdentityError(IdentityErrorCode.Unauthenticated, 'Sign in first');
    if (
      viewer.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(TEMPORARY_PASSWORD_KEY, targets)
    )
      throw IdentityError.passwordChangeRequired();

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !viewer.roles.some((role) => roles.includes(role))) {
      throw new IdentityError(IdentityErrorCode.Forbidden, 'Your role may not do this');
    }
    const ownerId = (request.params as Record<string, string | undefined>).userId;
    if (ownerId !== undefined && ownerId !== viewer.id && !(await this.maySee(viewer, ownerId)))
      throw new IdentityError(IdentityErrorCode.UserNotFound, 'User not found');
    return true;
  }

  private async maySee(viewer: Viewer, personId: string): Promise<boolean> {
    if (!isStaff(viewer.roles)) return false;
    if (visibleTeams(viewer) === null) return true;
    // A malformed id is left to the route's own pipe, which answers it with a 400.
    if (!isUUID(personId)) return true;
    return this.users.maySee(viewer, personId);
  }

  private checkCsrf(request: RequestWithViewer, nonce: string | undefined): void {
    const body = request.body as Record<string, unknown> | undefined;
    const query = request.query as Record<string, unknown>;
    const token = request.headers[CSRF_HEADER] ?? body?.[CSRF_FIELD] ?? query[CSRF_FIELD];
    if (!csrfTokenMatches(this.config.authSecret, nonce, token)) {
      throw new IdentityError(
        IdentityErrorCode.CsrfFailed,
        'The form expired or did not come from this site; reload the page and try again',
      );
    }
    if (body && typeof body === 'object') delete body[CSRF_FIELD];
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}
