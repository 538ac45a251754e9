import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { PeriodicTask } from '../common/periodic-task';
import { runTransaction } from '../database/transactions';
import { AuditService } from '../identity/audit.service';
import { Viewer } from '../identity/viewer';
import { ActivityWithdrawal, WithdrawableKind } from './activity-withdrawal.entity';

/** How often an instance looks for withdrawals made on other instances (lists and pages). */
export const WITHDRAWAL_SYNC_MS = 15_000;

export interface WithdrawalView {
  withdrawnAt: string;
  withdrawnById: string | null;
  reason: string;
}

/** What a withdrawal or reinstatement is audited as, by kind. */
const AUDIT_ACTION: Record<WithdrawableKind, string> = {
  exam: 'exam',
  scenario: 'simulation.scenario',
};

/**
 * Which exams and scenarios of the editors are withdrawn from trainees, kept in memory so the
 * lists stay lookups. The table is small and read whole: every WITHDRAWAL_SYNC_MS, and before an
 * attempt or session starts (`refresh`), so a withdrawal made on another instance sharing the
 * database stops new starts at once.
 */
@Injectable()
export class ActivityWithdrawals implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ActivityWithdrawals.name);
  private known = new Map<string, ActivityWithdrawal>();
  private loading: Promise<void> | undefined;
  /** Reads are numbered: one that started earlier never replaces what a later one found. */
  private readsStarted = 0;
  private readApplied = 0;
  private readonly task = new PeriodicTask(
    'withdrawal sync',
    WITHDRAWAL_SYNC_MS,
    () => this.refresh(),
    this.logger,
  );

  constructor(
    @InjectRepository(ActivityWithdrawal) private readonly rows: Repository<ActivityWithdrawal>,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    this.task.start({ runNow: false });
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Reads the table again; concurrent calls share one query. */
  refresh(): Promise<void> {
    this.loading ??= this.read().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  /**
   * One fresh read of the table. After a change made here, a read already under way may have
   * started before the change committed: the change is followed by a read of its own, which wins.
   */
  private async read(): Promise<void> {
    const number = ++this.readsStarted;
    const rows = await this.rows.find();
    if (number < this.readApplied) return;
    this.readApplied = number;
    this.known = new Map(rows.map((row) => [keyOf(row.kind, row.activityId), row]));
  }

  isWithdrawn(kind: WithdrawableKind, id: string): boolean {
    return this.known.has(keyOf(kind, id));
  }

  /** The withdrawal of one exam or scenario, or null while trainees may take it. */
  of(kind: WithdrawableKind, id: string): WithdrawalView | null {
    const row = this.known.get(keyOf(kind, id));
    return row
      ? {
          withdrawnAt: row.withdrawnAt.toISOString(),
          withdrawnById: row.withdrawnById,
          reason: row.reason,
        }
      : null;
  }

  /**
   * Withdraws it, audited as `<kind>.withdrawn`; false when it already was (nothing changes).
   * The caller checks that it is a published one of the editors.
   */
  async withdraw(
    viewer: Viewer,
    kind: WithdrawableKind,
    id: string,
    reason: string,
  ): Promise<boolean> {
    const row: ActivityWithdrawal = {
      kind,
      activityId: id,
      reason,
      withdrawnAt: this.clock.now(),
      withdrawnById: viewer.id,
    };
    const inserted = await runTransaction(this.rows.manager.connection, async (manager) => {
      if (await manager.exists(ActivityWithdrawal, { where: { kind, activityId: id } }))
        return false;
      // Ignored rather than failed should another instance withdraw it in the same instant.
      await manager
        .createQueryBuilder()
        .insert()
        .into(ActivityWithdrawal)
        .values(row)
        .orIgnore()
        .execute();
      await this.audit.record(
        viewer,
        {
          action: `${AUDIT_ACTION[kind]}.withdrawn`,
          targetType: kind,
          targetId: id,
          summary: { reason },
        },
        manager,
      );
      return true;
    });
    await this.read();
    return inserted;
  }

  /** Offers it to trainees again, audited as `<kind>.reinstated`; false when it was not withdrawn. */
  async reinstate(viewer: Viewer, kind: WithdrawableKind, id: string): Promise<boolean> {
    const removed = await runTransaction(this.rows.manager.connection, async (manager) => {
      const existing = await manager.findOne(ActivityWithdrawal, {
        where: { kind, activityId: id },
      });
      if (!existing) return false;
      await manager.delete(ActivityWithdrawal, { kind, activityId: id });
      await this.audit.record(
        viewer,
        {
          action: `${AUDIT_ACTION[kind]}.reinstated`,
          targetType: kind,
          targetId: id,
          summary: { withdrawnAt: existing.withdrawnAt.toISOString(), reason: existing.reason },
        },
        manager,
      );
      return true;
    });
    await this.read();
    return removed;
  }
}

function keyOf(kind: WithdrawableKind, id: string): string {
  return `${kind}:${id}`;
}
