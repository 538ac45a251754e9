export const ROLES = ['trainee', 'trainer', 'supervisor', 'hr', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may see other people's records (scoped further by each feature). */
export const STAFF_ROLES: readonly Role[] = ['trainer', 'supervisor', 'hr', 'admin'];

export function isStaff(roles: readonly Role[]): boolean {
  return roles.some((role) => STAFF_ROLES.includes(role));
}
