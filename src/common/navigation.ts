import { Role } from '../identity/role';

export interface NavItem {
  label: string;
  href: string;
  roles: readonly Role[] | 'all';
}

// The site's menu; each feature adds its entries here. Items show only to the roles listed.
export const NAVIGATION: NavItem[] = [
  { label: 'Home', href: '/', roles: 'all' },
  { label: 'Courses', href: '/courses', roles: 'all' },
  { label: 'Exams', href: '/exams', roles: 'all' },
  { label: 'Role-play', href: '/simulations', roles: 'all' },
  { label: 'My certificates', href: '/certificates', roles: ['trainee'] },
  {
    label: 'Certificates',
    href: '/certificates/staff',
    roles: ['trainer', 'supervisor', 'hr', 'admin'],
  },
  { label: 'Sign-offs', href: '/certificates/sign-offs', roles: ['supervisor'] },
  { label: 'Reports', href: '/reports', roles: ['trainer', 'supervisor', 'hr', 'admin'] },
  { label: 'My record', href: '/reports/me', roles: ['trainee'] },
  { label: 'Scoring', href: '/scoring', roles: ['trainer', 'admin'] },
  { label: 'My position', href: '/rotations/mine', roles: ['trainee'] },
  {
    label: 'Eligibility',
    href: '/rotations/matrix',
    roles: ['trainer', 'supervisor', 'hr', 'admin'],
  },
  { label: 'Rotation plan', href: '/rotations/plan', roles: ['hr', 'admin'] },
  { label: 'Rotation reviews', href: '/rotations/reviews', roles: ['supervisor'] },
  { label: 'People', href: '/admin/users', roles: ['admin', 'hr'] },
  { label: 'Onboard new hires', href: '/admin/users/import', roles: ['admin', 'hr'] },
  { label: 'Audit log', href: '/admin/audit', roles: ['admin', 'hr'] },
  // For integrations, which an admin sets up; the pages cover everything people do.
  { label: 'API', href: '/api/docs', roles: ['admin'] },
];

export function navigationFor(
  roles: readonly Role[],
  currentPath: string,
): (NavItem & { active: boolean })[] {
  return NAVIGATION.filter(
    (item) => item.roles === 'all' || item.roles.some((role) => roles.includes(role)),
  ).map((item) => ({
    ...item,
    active: item.href === '/' ? currentPath === '/' : currentPath.startsWith(item.href),
  }));
}
