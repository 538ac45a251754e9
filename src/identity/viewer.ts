import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Request } from 'express';
import { Role } from './role';

/** The signed-in person as every guard, controller and view sees them. */
export interface Viewer {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  team: string | null;
  managedTeams: string[];
  // How the request was authenticated: bearer tokens are exempt from CSRF checks.
  via: 'bearer' | 'cookie';
  /** Signed in with a temporary password: only choosing a new one is open to them. */
  mustChangePassword?: boolean;
}

/** The viewer a user account signs in as (`via` says how the request was authenticated). */
export function viewerOf(
  user: Pick<Viewer, 'id' | 'email' | 'displayName' | 'roles' | 'team' | 'managedTeams'> & {
    mustChangePassword?: boolean;
  },
  via: Viewer['via'],
): Viewer {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    team: user.team,
    managedTeams: user.managedTeams,
    via,
    ...(user.mustChangePassword ? { mustChangePassword: true } : {}),
  };
}

export type RequestWithViewer = Request & { viewer?: Viewer };

export const CurrentViewer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Viewer => {
    const viewer = context.switchToHttp().getRequest<RequestWithViewer>().viewer;
    if (!viewer) throw new Error('CurrentViewer used on a public route');
    return viewer;
  },
);

export function hasRole(viewer: Pick<Viewer, 'roles'>, ...roles: Role[]): boolean {
  return viewer.roles.some((role) => roles.includes(role));
}
