import { IdentityError, IdentityErrorCode } from './identity-error';
import { hasRole, Viewer } from './viewer';

/**
 * The one rule for reading other people's records: hr and admin see everyone; trainers and
 * supervisors see the people of the teams they manage; everyone sees themselves.
 */

/** The teams whose people the viewer may see, or `null` for everyone. */
export function visibleTeams(viewer: Pick<Viewer, 'roles' | 'managedTeams'>): string[] | null {
  return hasRole(viewer, 'hr', 'admin') ? null : viewer.managedTeams;
}

export function canSeeTeam(viewer: Pick<Viewer, 'roles' | 'managedTeams'>, team: string): boolean {
  const teams = visibleTeams(viewer);
  return teams === null || teams.includes(team);
}

export function canSeePerson(
  viewer: Pick<Viewer, 'id' | 'roles' | 'managedTeams'>,
  person: { id: string; team: string | null },
): boolean {
  if (person.id === viewer.id) return true;
  const teams = visibleTeams(viewer);
  return teams === null || (person.team !== null && teams.includes(person.team));
}

/** Refuses (403 TEAM_NOT_MANAGED, at field `team`) a team filter outside the viewer's teams. */
export function assertTeamVisible(
  viewer: Pick<Viewer, 'roles' | 'managedTeams'>,
  team: string | undefined | null,
): void {
  if (team && !canSeeTeam(viewer, team))
    throw new IdentityError(
      IdentityErrorCode.TeamNotManaged,
      `You do not look after the team "${team}"`,
      [{ path: 'team', messages: ['not one of your teams'] }],
    );
}

/**
 * The teams a staff list is limited to: the one asked for (refused with 403 when outside the
 * viewer's), else the viewer's own. `null` means everyone (hr, admin); `[]` means no one (a
 * trainer or supervisor who looks after no team yet), never everyone.
 */
export function scopeTeams(
  viewer: Pick<Viewer, 'roles' | 'managedTeams'>,
  team: string | undefined | null,
): string[] | null {
  assertTeamVisible(viewer, team);
  if (team) return [team];
  return visibleTeams(viewer);
}
