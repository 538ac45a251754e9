import { Injectable } from '@nestjs/common';
import { Role } from './role';
import { Viewer } from './viewer';

export interface HomeLink {
  label: string;
  href: string;
  description: string;
}
export type HomeSections = { role: Role; heading: string; links: HomeLink[] }[];

// What each role sees first after signing in; features add their links here.
const SECTIONS: Record<Role, { heading: string; links: HomeLink[] }> = {
  trainee: { heading: 'Your onboarding', links: [] },
  trainer: { heading: 'Training', links: [] },
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
      {
        label: 'API documentation',
        href: '/api/docs',
        description: 'For integrations: every feature is also an HTTP API (OpenAPI)',
      },
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

/** Something new for the viewer, shown above the sections of their home page. */
export interface HomeNotice {
  /** Tells what is new on its own, e.g. "2 new reviews of your replies"; links to `href`. */
  text: string;
  href: string;
  /** The places to look, when there are several. */
  links: { label: string; href: string }[];
  /** Names the notice for tests and styles. */
  kind: string;
}

type NoticeSource = (viewer: Viewer) => Promise<HomeNotice | null>;

/**
 * Notices features put on the home page of some roles. Each source is asked only when a viewer
 * with one of those roles opens the home page, never on other pages.
 */
@Injectable()
export class HomeNotices {
  private readonly sources: { roles: readonly Role[]; source: NoticeSource }[] = [];

  register(roles: readonly Role[], source: NoticeSource): void {
    this.sources.push({ roles, source });
  }

  async for(viewer: Viewer): Promise<HomeNotice[]> {
    const asked = this.sources.filter(({ roles }) =>
      roles.some((role) => viewer.roles.includes(role)),
    );
    const notices = await Promise.all(asked.map(({ source }) => source(viewer)));
    return notices.filter((notice): notice is HomeNotice => notice !== null);
  }
}

/** "1 answer" / "3 answers": a count with its noun, `plural` when not the regular -s. */
export function counted(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`;
}

/** A notice for `count` things waiting somewhere, or null when there are none. */
export function countNotice(
  kind: string,
  count: number,
  text: (count: number) => string,
  href: string,
  links: HomeNotice['links'] = [],
): HomeNotice | null {
  return count > 0 ? { kind, text: text(count), href, links } : null;
}
