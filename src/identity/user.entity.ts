import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Role } from './role';

@Entity('users')
export class User {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 120 })
  displayName!: string;

  @Column({ name: 'employee_number', type: 'varchar', length: 40, nullable: true })
  employeeNumber!: string | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  team!: string | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  cohort!: string | null;

  // Stored as ",trainee,hr," so a role filter is a portable LIKE on both databases.
  @Column({
    type: 'varchar',
    length: 200,
    transformer: {
      to: (roles: Role[]) => `,${roles.join(',')},`,
      from: (value: string) => value.split(',').filter(Boolean) as Role[],
    },
  })
  roles!: Role[];

  // Teams a supervisor or trainer looks after.
  @Column({
    name: 'managed_teams',
    type: 'varchar',
    length: 400,
    transformer: {
      to: (teams: string[]) => teams.join('\n'),
      from: (value: string) => (value ? value.split('\n') : []),
    },
  })
  managedTeams!: string[];

  @Column({ name: 'password_hash', type: 'varchar', length: 100 })
  passwordHash!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** The password was set by someone else (import, admin): the person must choose their own. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;

  /** When the person last asked for a new password; cleared once a password is set. */
  @Column({ name: 'password_help_requested_at', type: Date, nullable: true })
  passwordHelpRequestedAt!: Date | null;

  /** Carried in every token; raised by a password change or "sign out everywhere". */
  @Column({ name: 'session_version', type: 'integer', default: 0 })
  sessionVersion!: number;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'last_login_at', type: Date, nullable: true })
  lastLoginAt!: Date | null;

  /** When an admin erased the person's personal data; the account stays, under a pseudonym. */
  @Column({ name: 'erased_at', type: Date, nullable: true })
  erasedAt!: Date | null;
}
