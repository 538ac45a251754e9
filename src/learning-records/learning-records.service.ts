import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Between, EntityManager, FindOptionsWhere, Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Clock, CLOCK } from '../common/clock';
import { rowsForIds } from '../database/chunks';
import { jsonNumberSql } from '../database/json-number';
import { IdentityError, IdentityErrorCode } from '../identity/identity-error';
import { isStaff } from '../identity/role';
import { UsersService } from '../identity/users.service';
import { Viewer } from '../identity/viewer';
import { LearningRecord } from './learning-record.entity';
import {
  ActivityRef,
  LearningRecordContext,
  toXapiStatement,
  XapiResult,
  XapiStatement,
} from './xapi';

export interface LearningRecordInput {
  userId: string;
  verb: string;
  object: Required<Pick<ActivityRef, 'id' | 'type'>> & { name: string };
  result?: XapiResult;
  context?: LearningRecordContext;
  /** When it happened; the clock's now by default. */
  at?: Date;
}

/** One score of a batch read: who, on which activity, in which attempt (registration). */
export interface LearningScoreRow {
  userId: string;
  objectId: string;
  registration: string | null;
  /** `result.score.scaled` (0–1), null when the record has none. */
  scaled: number | null;
}

export interface LearningRecordQuery {
  userId: string;
  verb?: string;
  registration?: string;
  since?: Date;
  until?: Date;
  limit?: number;
  offset?: number;
}

/** The one learning-record table: features append events, reports read them as xAPI statements. */
@Injectable()
export class LearningRecordsService {
  constructor(
    @InjectRepository(LearningRecord) private readonly records: Repository<LearningRecord>,
    private readonly users: UsersService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Appends one event; pass the transaction's manager so it commits with the change it records. */
  async record(input: LearningRecordInput, manager?: EntityManager): Promise<LearningRecord> {
    const repository = manager ? manager.getRepository(LearningRecord) : this.records;
    const now = this.clock.now();
    const record = repository.create({
      id: randomUUID(),
      userId: input.userId,
      verb: input.verb,
      objectId: input.object.id,
      objectType: input.object.type,
      objectName: input.object.name,
      registration: input.context?.registration ?? null,
      result: input.result ?? null,
      context: input.context ?? null,
      occurredAt: input.at ?? now,
      storedAt: now,
    });
    // insert(): one statement, and rows are append-only anyway.
    await repository.insert(record as QueryDeepPartialEntity<LearningRecord>);
    return record;
  }

  async list(query: LearningRecordQuery): Promise<{ total: number; items: LearningRecord[] }> {
    const where: FindOptionsWhere<LearningRecord> = { userId: query.userId };
    if (query.verb) where.verb = query.verb;
    if (query.registration) where.registration = query.registration;
    if (query.since || query.until)
      where.occurredAt = Between(query.since ?? new Date(0), query.until ?? new Date(8.64e15));
    const [items, total] = await this.records.findAndCount({
      where,
      order: { occurredAt: 'ASC', storedAt: 'ASC', id: 'ASC' },
      take: query.limit ?? 100,
      skip: query.offset ?? 0,
    });
    return { total, items };
  }

  /**
   * The scaled scores (`result.score.scaled`, 0–1; null when absent) of many people at once, for
   * readers that look at a whole team or workforce (the eligibility matrix): records with one of
   * `verbs` on activities of `objectType`, oldest first. The database reads the score out of the
   * result JSON and rows are read raw, which is what keeps a workforce of 10,000 people fast.
   */
  async scaledScoresOf(query: {
    userIds: readonly string[];
    verbs: readonly string[];
    objectType: string;
  }): Promise<LearningScoreRow[]> {
    const { verbs, objectType } = query;
    if (verbs.length === 0) return [];
    const rows = await this.inBatches(query.userIds, (ids) => {
      const builder = this.records
        .createQueryBuilder('r')
        .select([
          'r.user_id AS user_id',
          'r.object_id AS object_id',
          'r.registration AS registration',
          `${this.scoreIn('scaled')} AS scaled`,
        ])
        .where('r.object_type = :objectType', { objectType })
        .andWhere('r.verb IN (:...verbs)', { verbs })
        .orderBy('r.occurred_at', 'ASC')
        .addOrderBy('r.stored_at', 'ASC');
      if (ids) builder.andWhere('r.user_id IN (:...ids)', { ids });
      return builder.getRawMany<{
        user_id: string;
        object_id: string;
        registration: string | null;
        scaled: number | string | null;
      }>();
    });
    return rows.map((row) => ({
      userId: row.user_id,
      objectId: row.object_id,
      registration: row.registration,
      scaled: row.scaled === null ? null : Number(row.scaled),
    }));
  }

  /** Which activities of `objectType` each of many people has a `verb` record for, each pair once. */
  async activitiesWith(query: {
    userIds: readonly string[];
    verb: string;
    objectType: string;
  }): Promise<{ userId: string; objectId: string }[]> {
    const { verb, objectType } = query;
    const rows = await this.inBatches(query.userIds, (ids) => {
      const builder = this.records
        .createQueryBuilder('r')
        .select(['r.user_id AS user_id', 'r.object_id AS object_id'])
        .distinct(true)
        .where('r.object_type = :objectType', { objectType })
        .andWhere('r.verb = :verb', { verb });
      if (ids) builder.andWhere('r.user_id IN (:...ids)', { ids });
      return builder.getRawMany<{ user_id: string; object_id: string }>();
    });
    return rows.map((row) => ({ userId: row.user_id, objectId: row.object_id }));
  }

  /**
   * Per person, the number of `verb` records on `objectType` activities that carry a numeric
   * `result.score.raw` and the mean of those scores (e.g. finished role-play sessions), counted
   * by the database: a workforce has many more records than people.
   */
  async scoreSummariesOf(query: {
    userIds: readonly string[];
    verb: string;
    objectType: string;
  }): Promise<{ userId: string; count: number; mean: number | null }[]> {
    const { verb, objectType } = query;
    const raw = this.scoreIn('raw');
    const rows = await this.inBatches(query.userIds, (ids) => {
      const builder = this.records
        .createQueryBuilder('r')
        .select(['r.user_id AS user_id', `COUNT(${raw}) AS count`, `AVG(${raw}) AS mean`])
        .where('r.object_type = :objectType', { objectType })
        .andWhere('r.verb = :verb', { verb })
        .groupBy('r.user_id');
      if (ids) builder.andWhere('r.user_id IN (:...ids)', { ids });
      return builder.getRawMany<{
        user_id: string;
        count: number | string;
        mean: number | string | null;
      }>();
    });
    return rows.map((row) => ({
      userId: row.user_id,
      count: Number(row.count),
      mean: row.mean === null ? null : Number(row.mean),
    }));
  }

  /** SQL for a number under `score` in the result column (JSON text). */
  private scoreIn(field: 'raw' | 'scaled'): string {
    const postgres = this.records.manager.connection.options.type === 'postgres';
    return jsonNumberSql(postgres, 'r.result', 'score', field);
  }

  private inBatches<T extends { user_id: string }>(
    userIds: readonly string[],
    select: (ids: readonly string[] | null) => Promise<T[]>,
  ): Promise<T[]> {
    return rowsForIds(userIds, (row) => row.user_id, select);
  }

  /**
   * A person's statements, oldest first. Same ownership rule as `:userId` routes: trainees read
   * their own only, and anyone else's looks like a user that does not exist.
   */
  async statementsFor(
    viewer: Viewer,
    query: Omit<LearningRecordQuery, 'userId'> & { userId?: string },
  ): Promise<{ total: number; statements: XapiStatement[] }> {
    const userId = query.userId ?? viewer.id;
    if (userId !== viewer.id && !isStaff(viewer.roles))
      throw new IdentityError(IdentityErrorCode.UserNotFound, 'User not found');
    const user = await this.users.get(userId);
    const { total, items } = await this.list({ ...query, userId });
    return {
      total,
      statements: items.map((record) => toXapiStatement(record, user)),
    };
  }
}
