import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { AppError } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { runTransaction } from '../database/transactions';
import { AuditService } from './audit.service';
import { assertPasswordAllowed } from './password-rules';
import { User } from './user.entity';
import { hashPassword, UsersService } from './users.service';
import { Viewer } from './viewer';

/**
 * A person's own credentials and sessions: setting their password, ending their sessions (the
 * session version every token carries), and asking for help when they cannot sign in.
 */
@Injectable()
export class CredentialsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Someone on the sign-in page asks for a new password. Recorded (and audited) only for an
   * active account; the caller answers the same either way, so no one learns who has one.
   */
  async requestPasswordHelp(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user?.active) return;
    await runTransaction(this.dataSource, async (manager) => {
      await manager
        .getRepository(User)
        .update(user.id, { passwordHelpRequestedAt: this.clock.now() });
      await this.audit.record(
        null,
        {
          action: 'user.password-help-requested',
          targetType: 'user',
          targetId: user.id,
          summary: {},
        },
        manager,
      );
    });
  }

  /**
   * The person sets their own password (the current one already checked by the caller): it
   * must be long enough and differ from the current one; it is no longer temporary, and every
   * other session of theirs ends (the session version goes up).
   */
  async setOwnPassword(viewer: Viewer, user: User, password: string): Promise<User> {
    assertPasswordAllowed(password, 'newPassword', {
      minLength: this.config.passwordMinLength,
      ...user,
    });
    if (await this.users.verifyPassword(user, password))
      throw AppError.validation([
        { path: 'newPassword', messages: ['newPassword must differ from the current password'] },
      ]);
    user.passwordHash = await hashPassword(password);
    user.passwordHelpRequestedAt = null;
    const wasTemporary = user.mustChangePassword;
    user.mustChangePassword = false;
    return this.newSessionVersion(viewer, user, 'user.password-changed', { wasTemporary });
  }

  /**
   * Ends every session of a person: the viewer's own (but the one about to be issued), or, by an
   * admin, someone else's (a lost laptop, a token in the wrong hands).
   */
  async signOutEverywhere(viewer: Viewer, userId = viewer.id): Promise<User> {
    return this.newSessionVersion(viewer, await this.users.get(userId), 'user.signed-out', {
      everywhere: true,
      byAdmin: userId !== viewer.id,
    });
  }

  private async newSessionVersion(
    viewer: Viewer,
    user: User,
    action: string,
    summary: Record<string, unknown>,
  ): Promise<User> {
    user.sessionVersion += 1;
    await runTransaction(this.dataSource, async (manager) => {
      await manager.getRepository(User).save(user);
      await this.audit.record(
        viewer,
        { action, targetType: 'user', targetId: user.id, summary },
        manager,
      );
    });
    this.users.notifyChanged(user.id);
    return user;
  }
}
