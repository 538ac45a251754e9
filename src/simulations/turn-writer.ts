import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError, QueryRunner } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
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

/** The session columns a reply that does not end the session changes, in SessionsService's order. */
const TURN_CHANGE: readonly (keyof SimulationSession)[] = [
  'turnCount',
  'scoreSum',
  'anger',
  'state',
  'lastActivityAt',
];

interface Pending {
  write: TurnWrite;
  resolve: (result: TurnWriteResult) => void;
  reject: (error: unknown) => void;
}

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
export class TurnWriter implements BeforeApplicationShutdown {
  private pending: Pending[] = [];
  private flushing = false;
  private readonly statements: TurnStatements;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: SimulationRecords,
  ) {
    this.statements = new TurnStatements(dataSource);
  }

  /** Before TypeORM closes the connection: SQLite will not close with statements still prepared. */
  async beforeApplicationShutdown(): Promise<void> {
    while (this.flushing) await new Promise((resolve) => setTimeout(resolve, 5));
    await this.statements.finalize();
  }

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
        const batch: Pending[] = [];
        try {
          const results = await runTransaction(this.dataSource, (manager) => {
            // Every reply waiting once the transaction has begun.
            batch.push(...this.pending.splice(0, MAX_BATCH));
            return this.applyBatch(manager, batch);
          });
          batch.forEach((item, i) => item.resolve(results[i]));
        } catch {
          // Something unexpected sank the batch: give every reply a transaction of its own.
          if (batch.length === 0) batch.push(...this.pending.splice(0, MAX_BATCH));
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
   * A batch's writes on SQLite. The usual replies (not ending their session, one per session)
   * share two statements: one insert of all their turn rows that skips a colliding row and
   * returns the ids it stored, and one guarded update of all their sessions that returns the
   * ids it changed; a stored turn whose session was not changed is deleted again (stale). Each
   * statement is a trip to SQLite's thread and back, so this beats two statements per reply.
   * The other replies go through `apply`, one after the other.
   */
  private async applyBatch(manager: EntityManager, batch: Pending[]): Promise<TurnWriteResult[]> {
    const results: TurnWriteResult[] = new Array<TurnWriteResult>(batch.length);
    const sessions = new Map<string, number>();
    for (const item of batch)
      sessions.set(item.write.turn.sessionId, (sessions.get(item.write.turn.sessionId) ?? 0) + 1);
    const grouped: number[] = [];
    const single: number[] = [];
    batch.forEach((item, i) =>
      (!item.write.finished &&
      sessions.get(item.write.turn.sessionId) === 1 &&
      this.statements.isTurnChange(item.write.change)
        ? grouped
        : single
      ).push(i),
    );
    if (grouped.length > 1) {
      const writes = grouped.map((i) => batch[i].write);
      const inserted = await this.statements.insertMany(writes.map((write) => write.turn));
      const stored = writes.filter((write) => inserted.has(write.turn.id));
      const changed = await this.statements.updateMany(stored);
      for (const [k, i] of grouped.entries()) {
        const write = writes[k];
        if (!inserted.has(write.turn.id)) results[i] = 'duplicate';
        else if (changed.has(write.turn.sessionId)) results[i] = 'stored';
        else {
          await manager.delete(SimulationTurn, { id: write.turn.id });
          results[i] = 'stale';
        }
      }
    } else single.push(...grouped);
    for (const i of single) results[i] = await this.apply(manager, batch[i].write, true);
    return results;
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
    // Plain parameterised SQL built once from the entity metadata (values converted by the
    // driver as TypeORM's insert/update would): the query builders cost more than the writes.
    const runner = manager.queryRunner as QueryRunner;
    try {
      await this.statements.run(
        runner,
        this.statements.insertSql,
        this.statements.insertValues(turn),
      );
    } catch (error) {
      if (tolerateDuplicate && isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
    // A guarded update rather than a SELECT: it applies only to the state the reply was read with.
    const update = this.statements.update(write.change, turn.sessionId, write.expectedCount);
    const affected = await this.statements.run(runner, update.sql, update.values);
    if (affected !== 1) {
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

/** The parts of node-sqlite3's Database and Statement used here. */
interface SqliteStatement {
  run(values: unknown[], callback: (this: { changes: number }, error: Error | null) => void): void;
  all(
    values: unknown[],
    callback: (error: Error | null, rows: Record<string, unknown>[]) => void,
  ): void;
  finalize(callback: () => void): void;
}
interface SqliteDatabase {
  prepare(sql: string, callback: (error: Error | null) => void): SqliteStatement;
}

/**
 * The two statements of a reply, as SQL text with the driver's placeholders (`?` on SQLite,
 * `$n` on PostgreSQL), built from the entity metadata once per column set.
 */
class TurnStatements {
  readonly insertSql: string;
  private readonly turnColumns: ColumnMetadata[];
  private readonly sessionColumns = new Map<string, ColumnMetadata>();
  private readonly updates = new Map<string, { sql: string; columns: ColumnMetadata[] }>();
  private readonly sqlite = new Map<string, Promise<SqliteStatement>>();
  private readonly many = new Map<string, string>();

  constructor(private readonly dataSource: DataSource) {
    const turns = dataSource.getMetadata(SimulationTurn);
    this.turnColumns = turns.columns;
    const names = this.turnColumns.map((column) => this.escape(column.databaseName));
    const marks = this.turnColumns.map((_, i) => this.mark(i));
    this.insertSql = `INSERT INTO ${this.escape(turns.tableName)} (${names.join(', ')}) VALUES (${marks.join(', ')})`;
    for (const column of dataSource.getMetadata(SimulationSession).columns)
      this.sessionColumns.set(column.propertyName, column);
  }

  insertValues(turn: SimulationTurn): unknown[] {
    return this.turnColumns.map((column) =>
      this.dataSource.driver.preparePersistentValue(column.getEntityValue(turn), column),
    );
  }

  update(
    change: Partial<SimulationSession>,
    sessionId: string,
    expectedCount: number,
  ): { sql: string; values: unknown[] } {
    const keys = Object.keys(change);
    const key = keys.join(',');
    let statement = this.updates.get(key);
    if (!statement) {
      const columns = keys.map((property) => {
        const column = this.sessionColumns.get(property);
        if (!column) throw new Error(`simulation_sessions has no column for ${property}`);
        return column;
      });
      const sets = columns.map(
        (column, i) => `${this.escape(column.databaseName)} = ${this.mark(i)}`,
      );
      const n = columns.length;
      const table = this.escape(this.dataSource.getMetadata(SimulationSession).tableName);
      const sql =
        `UPDATE ${table} SET ${sets.join(', ')} WHERE ${this.escape('id')} = ${this.mark(n)}` +
        ` AND ${this.escape('turn_count')} = ${this.mark(n + 1)} AND ${this.escape('status')} = ${this.mark(n + 2)}`;
      statement = { sql, columns };
      this.updates.set(key, statement);
    }
    const values = statement.columns.map((column) =>
      this.dataSource.driver.preparePersistentValue(column.getEntityValue(change), column),
    );
    values.push(sessionId, expectedCount, 'active');
    return { sql: statement.sql, values };
  }

  /**
   * Runs one statement in the caller's transaction; returns the rows it changed. On SQLite
   * (one connection, which the transaction's BEGIN ran on) through a statement prepared once:
   * TypeORM would prepare, run and finalize it anew, three trips to the thread pool instead of one.
   */
  async run(runner: QueryRunner, sql: string, values: unknown[]): Promise<number> {
    if (this.dataSource.options.type !== 'sqlite') {
      const result = (await runner.query(sql, values, true)) as { affected?: number };
      return result.affected ?? 0;
    }
    const statement = await this.prepared(sql);
    return new Promise<number>((resolve, reject) => {
      statement.run(values, function (this: { changes: number }, error: Error | null) {
        if (error) reject(new QueryFailedError(sql, values, error));
        else resolve(this.changes);
      });
    });
  }

  /** A reply's usual session change (the session goes on), which `updateMany` writes. */
  isTurnChange(change: Partial<SimulationSession>): boolean {
    const keys = Object.keys(change);
    return keys.length === TURN_CHANGE.length && TURN_CHANGE.every((key, i) => keys[i] === key);
  }

  /** SQLite: inserts the turns, skipping any that collides; the ids stored. */
  async insertMany(turns: SimulationTurn[]): Promise<Set<string>> {
    const n = turns.length;
    const key = `insert:${n}`;
    let sql = this.many.get(key);
    if (!sql) {
      const row = `(${this.turnColumns.map(() => '?').join(', ')})`;
      sql = `${this.insertSql.slice(0, this.insertSql.indexOf(' VALUES '))} VALUES ${new Array<string>(n).fill(row).join(', ')} ON CONFLICT DO NOTHING RETURNING ${this.escape('id')}`;
      this.many.set(key, sql);
    }
    const values = turns.flatMap((turn) => this.insertValues(turn));
    const rows = await this.all(sql, values);
    return new Set(rows.map((row) => row.id as string));
  }

  /** SQLite: applies each write's usual change, guarded as in `update`; the session ids changed. */
  async updateMany(writes: TurnWrite[]): Promise<Set<string>> {
    if (writes.length === 0) return new Set();
    const n = writes.length;
    const key = `update:${n}`;
    const columns = TURN_CHANGE.map(
      (property) => this.sessionColumns.get(property) as ColumnMetadata,
    );
    let sql = this.many.get(key);
    if (!sql) {
      // VALUES rows: id, expected turn count, then the changed columns (column3, column4, …).
      const row = `(${new Array<string>(columns.length + 2).fill('?').join(', ')})`;
      const table = this.escape(this.dataSource.getMetadata(SimulationSession).tableName);
      const sets = columns.map(
        (column, i) => `${this.escape(column.databaseName)} = v.column${i + 3}`,
      );
      sql =
        `UPDATE ${table} AS s SET ${sets.join(', ')} FROM (VALUES ${new Array<string>(n).fill(row).join(', ')}) AS v` +
        ` WHERE s.${this.escape('id')} = v.column1 AND s.${this.escape('turn_count')} = v.column2` +
        ` AND s.${this.escape('status')} = 'active' RETURNING ${this.escape('id')} AS id`;
      this.many.set(key, sql);
    }
    const values: unknown[] = [];
    for (const write of writes) {
      values.push(write.turn.sessionId, write.expectedCount);
      for (const column of columns)
        values.push(
          this.dataSource.driver.preparePersistentValue(
            column.getEntityValue(write.change),
            column,
          ),
        );
    }
    const rows = await this.all(sql, values);
    return new Set(rows.map((row) => row.id as string));
  }

  private async all(sql: string, values: unknown[]): Promise<Record<string, unknown>[]> {
    const statement = await this.prepared(sql);
    return new Promise((resolve, reject) => {
      statement.all(values, (error: Error | null, rows: Record<string, unknown>[]) =>
        error ? reject(new QueryFailedError(sql, values, error)) : resolve(rows),
      );
    });
  }

  /** Finalizes the prepared statements (before the connection closes). */
  async finalize(): Promise<void> {
    const statements = [...this.sqlite.values()];
    this.sqlite.clear();
    for (const pending of statements) {
      const statement = await pending.catch(() => null);
      if (statement) await new Promise<void>((resolve) => statement.finalize(() => resolve()));
    }
  }

  private prepared(sql: string): Promise<SqliteStatement> {
    let statement = this.sqlite.get(sql);
    if (!statement) {
      const db = (this.dataSource.driver as unknown as { databaseConnection: SqliteDatabase })
        .databaseConnection;
      statement = new Promise<SqliteStatement>((resolve, reject) => {
        const prepared: SqliteStatement = db.prepare(sql, (error: Error | null) =>
          error ? reject(new QueryFailedError(sql, [], error)) : resolve(prepared),
        );
      });
      statement.catch(() => this.sqlite.delete(sql));
      this.sqlite.set(sql, statement);
    }
    return statement;
  }

  private escape(name: string): string {
    return this.dataSource.driver.escape(name);
  }

  private mark(index: number): string {
    return this.dataSource.options.type === 'postgres' ? `$${index + 1}` : '?';
  }
}
