import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { runTransaction } from '../database/transactions';
import { AuditService } from './audit.service';
import { IdentityError, IdentityErrorCode } from './identity-error';
import { PersonalDataErasers } from './personal-data';
import { User } from './user.entity';
import { hashPassword, UsersService } from './users.service';
import { Viewer } from './viewer';

export interface ErasureResult {
  userId: string;
  erasedAt: string;
  /** Records changed per feature (users: the account itself). */
  records: Record<string, number>;
}

/**
 * Erasing a former employee's personal data on request (GDPR Art. 17): the account stays, so
 * that reports, certificates and the audit trail keep their shape, but under a pseudonym, with
 * no way to sign in; the audit entries stop quoting their email, name and employee number, and
 * their own words are removed from every feature. Team and cohort stay (they identify no one
 * and keep the team reports whole). Only for a deactivated account; it cannot be undone.
 */
@Injectable()
export class ErasureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly erasers: PersonalDataErasers,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async erase(viewer: Viewer, userId: string): Promise<ErasureResult> {
    const user = await this.users.get(userId);
    if (user.erasedAt) throw alreadyErased();
    if (user.active)
      throw new IdentityError(
        IdentityErrorCode.UserActive,
        'Deactivate the account first: only a former member of staff can be erased',
      );
    const erasedAt = this.clock.now();
    const pseudonymEmail = `erased-${userId}@erased.invalid`;
    // Unguessable and never shown: nobody signs in to an erased account.
    const passwordHash = await hashPassword(randomBytes(32).toString('hex'));
    const records = await runTransaction(this.dataSource, async (manager) => {
      const changed = await manager.update(
        User,
        { id: userId, erasedAt: IsNull() },
        {
          displayName: `Erased person ${userId.slice(0, 8)}`,
          email: pseudonymEmail,
          employeeNumber: null,
          managedTeams: [],
          passwordHash,
          mustChangePassword: false,
          passwordHelpRequestedAt: null,
          sessionVersion: user.sessionVersion + 1,
          erasedAt,
        },
      );
      if (changed.affected !== 1) throw alreadyErased();
      const audit = await this.audit.scrubPerson(manager, {
        id: userId,
        pseudonymEmail,
        quoted: [user.email, user.displayName, user.employeeNumber ?? ''],
      });
      const counts = {
        users: 1,
        auditEntries: audit,
        ...(await this.erasers.eraseAll(manager, userId)),
      };
      await this.audit.record(
        viewer,
        {
          action: 'user.erased',
          targetType: 'user',
          targetId: userId,
          summary: { records: counts },
        },
        manager,
      );
      return counts;
    });
    this.users.notifyChanged(userId);
    return { userId, erasedAt: erasedAt.toISOString(), records };
  }
}

function alreadyErased(): IdentityError {
  return new IdentityError(IdentityErrorCode.AlreadyErased, 'This person was already erased');
}
