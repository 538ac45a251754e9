import { SetMetadata } from '@nestjs/common';
import { Role } from './role';

export const PUBLIC_KEY = 'access:public';
export const ROLES_KEY = 'access:roles';

/** Reachable without signing in. Everything else needs a session or a bearer token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/** Only these roles may call the route (a user holding any of them passes). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, roles);

export const TEMPORARY_PASSWORD_KEY = 'access:temporary-password';

/**
 * Open to someone signed in with a temporary password (who may do nothing else until they
 * choose their own): reading who they are and changing the password.
 */
export const OpenWithTemporaryPassword = (): MethodDecorator & ClassDecorator =>
  SetMetadata(TEMPORARY_PASSWORD_KEY, true);
