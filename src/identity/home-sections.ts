import { Role } from './role';

export interface HomeLink {
  label: string;
  href: string;
  description: string;
}
export type HomeSections = { role: Role; heading: string; links: HomeLink[] }[];

// What each role sees first after signing in; features add their links here.
const SECTIONS: Record<Role, { heading: string; links: HomeLink[] }> = {
  trainee: { heading: 'Your onboarding', links: [] },
  trainer: {
    heading: 'Training',
    links: [
      {
        label: 'API documentation',
        href: '/api/docs',
        description: 'Every feature is also an API',
      },
    ],
  },
  supervisor: { heading: 'Your teams', links: [] },
  hr: {
    heading: 'People and records',
    links: [
      { label: 'People', href: '/admin/users', description: 'Accounts, roles and teams' },
      {
        label: 'Onboard new hires',
        href: '/admin/users/import',
        description: 'Create a cohort of accounts from a CSV file',
      },
      { label: 'Audit log', href: '/admin/audit', description: 'Every privileged action' },
    ],
  },
  admin: {
    heading: 'Administration',
    links: [
      {
        label: 'People',
        href: '/admin/users',
        description: 'Create accounts, change roles, deactivate',
      },
      { label: 'Audit log', href: '/admin/audit', description: 'Every privileged action' },
    ],
  },
};

export function homeSectionsFor(roles: readonly Role[]): HomeSections {
  return roles.map((role) => ({ role, ...SECTIONS[role] }));
}

/** Lets a feature module put its entry on a role's home page. */
export function addHomeLink(role: Role, link: HomeLink): void {
  if (!SECTIONS[role].links.some((existing) => existing.href === link.href))
    SECTIONS[role].links.push(link);
}
