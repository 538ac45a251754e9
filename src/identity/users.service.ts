import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import bcrypt from 'bcryptjs';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { runTransaction } from '../database/transactions';
import { AppError } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuditService } from './audit.service';
import {
  CreateUserDto,
  ListUsersQueryDto,
  UpdateUserDto,
  UserStatus,
  UserView,
} from './dto/user.dto';
import { IdentityError, IdentityErrorCode } from './identity-error';
import { assertPasswordAllowed } from './password-rules';
import { STATUS_FILTERS } from './user-status';
import { Role } from './role';
import { User } from './user.entity';
import { canSeePerson, visibleTeams } from './team-scope';
import { Viewer } from './viewer';

const BCRYPT_ROUNDS = 10;

/** The stored form of a password (bcrypt, cost 10). */
export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_ROUNDS);
}
// Fields an update may leave out but not set to null (the optional ones, null clears them).
const REQUIRED_FIELDS = [
  'email',
  'displayName',
  'roles',
  'managedTeams',
  'password',
  'active',
  'mustChangePassword',
] as const;

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    employeeNumber: user.employeeNumber,
    team: user.team,
    cohort: user.cohort,
    roles: user.roles,
    managedTeams: user.managedTeams,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
    passwordHelpRequestedAt: user.passwordHelpRequestedAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    erasedAt: user.erasedAt?.toISOString() ?? null,
  };
}

function isActiveAdmin(user: User): boolean {
  return user.active && user.roles.includes('admin');
}

/** Who someone is, in short: what lists of many people (matrices, reports) need. */
export interface UserSummary {
  id: string;
  displayName: string;
  email: string;
  team: string | null;
}

@Injectable()
export class UsersService {
  private readonly changeListeners: ((userId: string) => void)[] = [];

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** How many people have this status (e.g. still on a temporary password). */
  countByStatus(status: UserStatus): Promise<number> {
    return this.users
      .createQueryBuilder('u')
      .where(...STATUS_FILTERS[status])
      .getCount();
  }

  /** Tells the caches a user changed (credentials, roles, active flag). */
  notifyChanged(userId: string): void {
    this.changeListeners.forEach((listener) => listener(userId));
  }

  /** Lets caches drop a user when their roles or active flag change. */
  onChange(listener: (userId: string) => void): void {
    this.changeListeners.push(listener);
  }

  async list(query: ListUsersQueryDto): Promise<{ total: number; items: UserView[] }> {
    const builder = this.users
      .createQueryBuilder('u')
      .orderBy('u.display_name', 'ASC')
      .addOrderBy('u.id', 'ASC');
    if (query.role) builder.andWhere('u.roles LIKE :role', { role: `%,${query.role},%` });
    if (query.team) builder.andWhere('u.team = :team', { team: query.team });
    if (query.cohort) builder.andWhere('u.cohort = :cohort', { cohort: query.cohort });
    if (query.status) builder.andWhere(...STATUS_FILTERS[query.status]);
    if (query.q) {
      builder.andWhere('(LOWER(u.email) LIKE :q OR LOWER(u.display_name) LIKE :q)', {
        q: `%${query.q.toLowerCase()}%`,
      });
    }
    const [rows, total] = await builder
      .take(query.limit ?? 100)
      .skip(query.offset ?? 0)
      .getManyAndCount();
    return { total, items: rows.map(toUserView) };
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new IdentityError(IdentityErrorCode.UserNotFound, 'User not found');
    return user;
  }

  /** Display names by user id, for the ids that exist (nulls and unknown ids are left out). */
  async namesOf(ids: readonly (string | null)[]): Promise<Map<string, string>> {
    const people = await this.listByIds(ids.filter((id): id is string => id !== null));
    return new Map(people.map((person) => [person.id, person.displayName]));
  }

  /** The users with these ids that exist, in name order (unknown ids are left out). */
  async listByIds(ids: readonly string[]): Promise<UserView[]> {
    if (ids.length === 0) return [];
    const rows = await this.users.find({
      where: { id: In([...new Set(ids)]) },
      order: { displayName: 'ASC', id: 'ASC' },
    });
    return rows.map(toUserView);
  }

  /** Every member (active or not, any role) of these teams, in name order; no page limit. */
  async membersOf(teams: readonly string[]): Promise<UserView[]> {
    if (teams.length === 0) return [];
    const rows = await this.users.find({
      where: { team: In([...new Set(teams)]) },
      order: { displayName: 'ASC', id: 'ASC' },
    });
    return rows.map(toUserView);
  }

  /**
   * The people with any of `roles`, in some teams or all of them, in name order: active ones
   * only unless `inactiveToo`, those whose name or email holds `q` (in any case) if given, the
   * first `limit` if given. Read raw (no entities) so a whole workforce is one quick query.
   */
  async listPeople(filter: {
    roles: readonly Role[];
    teams?: readonly string[];
    inactiveToo?: boolean;
    q?: string;
    limit?: number;
  }): Promise<UserSummary[]> {
    if (filter.roles.length === 0 || filter.teams?.length === 0) return [];
    const builder = this.users
      .createQueryBuilder('u')
      .select(['u.id AS id', 'u.display_name AS name', 'u.email AS email', 'u.team AS team'])
      .orderBy('u.display_name', 'ASC')
      .addOrderBy('u.id', 'ASC');
    if (!filter.inactiveToo) builder.andWhere('u.active = :active', { active: true });
    if (filter.limit !== undefined) builder.limit(filter.limit);
    // The roles column reads ",trainee,hr,": a portable LIKE per role.
    const roles = filter.roles.map((_role, index) => `u.roles LIKE :role${index}`);
    builder.andWhere(
      `(${roles.join(' OR ')})`,
      Object.fromEntries(filter.roles.map((role, index) => [`role${index}`, `%,${role},%`])),
    );
    if (filter.teams) builder.andWhere('u.team IN (:...teams)', { teams: filter.teams });
    if (filter.q) {
      // Both sides go through the database's LOWER, so they fold alike on SQLite and
      // PostgreSQL; a % or _ typed in a search is a letter, not a wildcard.
      const like = `LIKE LOWER(:q) ESCAPE '\\'`;
      builder.andWhere(`(LOWER(u.display_name) ${like} OR LOWER(u.email) ${like})`, {
        q: `%${filter.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`,
      });
    }
    const rows = await builder.getRawMany<{
      id: string;
      name: string;
      email: string;
      team: string | null;
    }>();
    return rows.map((row) => ({
      id: row.id,
      displayName: row.name,
      email: row.email,
      team: row.team,
    }));
  }

  /**
   * Whether the viewer may see this person (themselves, or anyone `canSeePerson` allows); false
   * when there is no such person.
   */
  async maySee(
    viewer: Pick<Viewer, 'id' | 'roles' | 'managedTeams'>,
    personId: string,
  ): Promise<boolean> {
    if (personId === viewer.id) return true;
    const [person] = await this.listByIds([personId]);
    return person !== undefined && canSeePerson(viewer, person);
  }

  /** The teams a staff member may filter by: every team for hr and admin, else the managed ones. */
  async teamsVisibleTo(viewer: Pick<Viewer, 'roles' | 'managedTeams'>): Promise<string[]> {
    const visible = visibleTeams(viewer);
    const all = await this.teams();
    return visible === null ? all : all.filter((team) => visible.includes(team));
  }

  /** Every team anyone belongs to, sorted. */
  async teams(): Promise<string[]> {
    const rows = await this.users
      .createQueryBuilder('u')
      .select('DISTINCT u.team', 'team')
      .where('u.team IS NOT NULL')
      .getRawMany<{ team: string }>();
    return rows.map((row) => row.team).sort();
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email: email.trim().toLowerCase() });
  }

  async create(actor: Viewer | null, dto: CreateUserDto): Promise<User> {
    assertPasswordAllowed(dto.password, 'password', {
      minLength: this.config.passwordMinLength,
      ...dto,
    });
    return runTransaction(this.dataSource, async (manager) => {
      const user = await this.insert(manager, dto);
      await this.audit.record(
        actor,
        {
          action: 'user.created',
          targetType: 'user',
          targetId: user.id,
          summary: {
            email: user.email,
            roles: user.roles,
            mustChangePassword: user.mustChangePassword,
          },
        },
        manager,
      );
      return user;
    });
  }

  async update(actor: Viewer, id: string, dto: UpdateUserDto): Promise<User> {
    const unclearable = REQUIRED_FIELDS.filter((field) => dto[field] === null);
    if (unclearable.length)
      throw AppError.validation(
        unclearable.map((path) => ({ path, messages: [`${path} cannot be cleared`] })),
      );
    const user = await this.get(id);
    if (user.erasedAt)
      throw new IdentityError(
        IdentityErrorCode.AlreadyErased,
        'This person was erased: the account cannot be changed',
      );
    const wasActiveAdmin = isActiveAdmin(user);
    const changes: Record<string, unknown> = {};
    if (dto.password !== undefined) {
      assertPasswordAllowed(dto.password, 'password', {
        minLength: this.config.passwordMinLength,
        email: dto.email ?? user.email,
        displayName: dto.displayName ?? user.displayName,
      });
      user.passwordHash = await hashPassword(dto.password);
      // Whoever was signed in with the old password is signed out.
      user.sessionVersion += 1;
      user.passwordHelpRequestedAt = null;
      changes.password = 'changed';
    }
    if (
      dto.mustChangePassword !== undefined &&
      dto.mustChangePassword !== user.mustChangePassword
    ) {
      changes.mustChangePassword = { from: user.mustChangePassword, to: dto.mustChangePassword };
      user.mustChangePassword = dto.mustChangePassword;
    }
    if (dto.email !== undefined && dto.email !== user.email) {
      await this.assertFree(this.users.manager, { email: dto.email }, 'email');
      changes.email = { from: user.email, to: dto.email };
      user.email = dto.email;
    }
    if (dto.employeeNumber !== undefined && dto.employeeNumber !== user.employeeNumber) {
      // null clears it, as it does the team and cohort.
      if (dto.employeeNumber)
        await this.assertFree(
          this.users.manager,
          { employeeNumber: dto.employeeNumber },
          'employeeNumber',
        );
      changes.employeeNumber = { from: user.employeeNumber, to: dto.employeeNumber };
      user.employeeNumber = dto.employeeNumber ?? null;
    }
    for (const field of [
      'displayName',
      'team',
      'cohort',
      'roles',
      'managedTeams',
      'active',
    ] as const) {
      const value = dto[field];
      if (value !== undefined && JSON.stringify(value) !== JSON.stringify(user[field])) {
        changes[field] = { from: user[field], to: value };
        Object.assign(user, { [field]: value });
      }
    }
    await runTransaction(this.dataSource, async (manager) => {
      if (wasActiveAdmin && !isActiveAdmin(user)) await this.assertAnotherAdmin(manager, user);
      await manager.getRepository(User).save(user);
      await this.audit.record(
        actor,
        { action: 'user.updated', targetType: 'user', targetId: user.id, summary: changes },
        manager,
      );
    });
    this.notifyChanged(user.id);
    return user;
  }

  async recordLogin(user: User): Promise<void> {
    await this.users.update({ id: user.id }, { lastLoginAt: this.clock.now() });
  }

  verifyPassword(user: User, password: string): Promise<boolean> {
    return bcrypt.compare(password, user.passwordHash);
  }

  /** Adds one account inside the caller's transaction (checks email and employee number are free). */
  async insert(manager: EntityManager, dto: CreateUserDto): Promise<User> {
    await this.assertFree(manager, { email: dto.email }, 'email');
    if (dto.employeeNumber)
      await this.assertFree(manager, { employeeNumber: dto.employeeNumber }, 'employeeNumber');
    const user = manager.getRepository(User).create({
      id: randomUUID(),
      email: dto.email,
      displayName: dto.displayName,
      employeeNumber: dto.employeeNumber ?? null,
      team: dto.team ?? null,
      cohort: dto.cohort ?? null,
      roles: dto.roles,
      managedTeams: dto.managedTeams ?? [],
      passwordHash: await hashPassword(dto.password),
      mustChangePassword: dto.mustChangePassword ?? false,
      passwordHelpRequestedAt: null,
      erasedAt: null,
      sessionVersion: 0,
      active: true,
      createdAt: this.clock.now(),
      lastLoginAt: null,
    });
    await manager.getRepository(User).insert(user);
    return user;
  }

  /** Someone must still be able to administer: the change may not leave no active admin. */
  private async assertAnotherAdmin(manager: EntityManager, changed: User): Promise<void> {
    const others = await manager
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.active = :active', { active: true })
      .andWhere('u.roles LIKE :admin', { admin: '%,admin,%' })
      .andWhere('u.id <> :id', { id: changed.id })
      .getCount();
    if (others === 0)
      throw new IdentityError(
        IdentityErrorCode.LastAdmin,
        'This is the last active admin: make someone else admin first',
        [
          {
            path: changed.active ? 'roles' : 'active',
            messages: ['no other active admin would be left'],
          },
        ],
      );
  }

  private async assertFree(
    manager: EntityManager,
    where: { email: string } | { employeeNumber: string },
    path: string,
  ): Promise<void> {
    if (await manager.getRepository(User).existsBy(where)) {
      const code =
        path === 'email' ? IdentityErrorCode.EmailTaken : IdentityErrorCode.EmployeeNumberTaken;
      throw new IdentityError(code, `${path} is already in use`, [
        { path, messages: [`${path} is already in use`] },
      ]);
    }
  }
}
