import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { runTransaction } from '../database/transactions';
import { DimensionMean, Scenario } from './engine';
import { SimulationRecords } from './simulation-records';
import { SimulationSession } from './simulation-session.entity';
import { SimulationTurn } from './simulation-turn.entity';

/** What one reply writes: its turn row and the session's new state, and the records if it ended. */
export interface TurnWrite {
  turn: SimulationTurn;
  /** The session's turn count when the reply was read: the update is guarded on it. */
  expectedCount: number;
  change: Partial<SimulationSession>;
  /** Set when this turn ends the session; `dimensions` are the session's per-dimension means. */
  finished: { scenario: Scenario; session: SimulationSession; dimensions: DimensionMean[] } | null;
}

/** stored; or `duplicate`: that turn index is already stored; or `stale`: the session moved on. */
export type TurnWriteResult = 'stored' | 'duplicate' | 'stale';

// Enough to drain a burst in a few commits, small enough to keep each transaction short.
const MAX_BATCH = 64;

/**
 * Writes turns. On PostgreSQL each reply is its own transaction. On SQLite, whose one
 * connection runs one transaction at a time, the replies waiting are committed together (group
 * commit): one transaction holds each reply's insert, guarded update and records, and a reply
 * whose insert collides or whose session moved on is undone on its own, so it never affects the
 * others. Without this, every reply waited for each earlier reply's whole transaction.
 */
@Injectable()
export class TurnWriter {
  private pending: {
    write: TurnWrite;
    resolve: (result: TurnWriteResult) => void;
    reject: (error: unknown) => void;
  }[] = [];
  private flushing = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: SimulationRecords,
  ) {}

  async write(write: TurnWrite): Promise<TurnWriteResult> {
    if (this.dataSource.options.type === 'sqlite')
      return new Promise((resolve, reject) => {
        this.pending.push({ write, resolve, reject });
        if (!this.flushing) {
          this.flushing = true;
          setImmediate(() => void this.flush());
        }
      });
    try {
      return await runTransaction(this.dataSource, (manager) => this.apply(manager, write, false));
    } catch (error) {
      // PostgreSQL aborts the transaction on a unique violation: the other request won.
      if (isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, MAX_BATCH);
        try {
          const results = await runTransaction(this.dataSource, async (manager) => {
            const out: TurnWriteResult[] = [];
            for (const item of batch) out.push(await this.apply(manager, item.write, true));
            return out;
          });
          batch.forEach((item, i) => item.resolve(results[i]));
        } catch {
          // Something unexpected sank the batch: give every reply a transaction of its own.
          for (const item of batch) {
            await runTransaction(this.dataSource, (manager) =>
              this.apply(manager, item.write, true),
            ).then(item.resolve, item.reject);
          }
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /**
   * One reply's writes. SQLite undoes only the statement that failed, so within a batch a
   * colliding insert is reported rather than thrown (`tolerateDuplicate`).
   */
  private async apply(
    manager: EntityManager,
    write: TurnWrite,
    tolerateDuplicate: boolean,
  ): Promise<TurnWriteResult> {
    const { turn } = write;
    try {
      await manager.insert(SimulationTurn, turn as QueryDeepPartialEntity<SimulationTurn>);
    } catch (error) {
      if (tolerateDuplicate && isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
    // A guarded update rather than a SELECT: it applies only to the state the reply was read with.
    const updated = await manager
      .createQueryBuilder()
      .update(SimulationSession)
      .set(write.change as QueryDeepPartialEntity<SimulationSession>)
      .where('id = :id AND turn_count = :count AND status = :status', {
        id: turn.sessionId,
        count: write.expectedCount,
        status: 'active',
      })
      .execute();
    if (updated.affected !== 1) {
      await manager.delete(SimulationTurn, { id: turn.id });
      return 'stale';
    }
    if (write.finished)
      await this.records.finished(
        manager,
        write.finished.scenario,
        write.finished.session,
        write.finished.dimensions,
      );
    return 'stored';
  }
}

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string } | undefined)?.code;
  // 23505: PostgreSQL unique_violation; SQLite reports SQLITE_CONSTRAINT with "UNIQUE".
  return code === '23505' || /UNIQUE constraint failed/.test(error.message);
}
