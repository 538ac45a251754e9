import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Between, EntityManager, FindOptionsWhere, Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Clock, CLOCK } from '../common/clock';
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

/** One result of a batch read: who, what they did to which activity, in which attempt, how. */
export interface LearningResultRow {
  userId: string;
  verb: string;
  objectId: string;
  registration: string | null;
  result: XapiResult | null;
}

// Above this many people one pass over the table beats many `IN (…)` lists.
const WHOLE_TABLE_ABOVE = 2000;
const ID_CHUNK = 500;

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
   * The results of many people at once, for readers that look at a whole team or workforce
   * (the eligibility matrix): records with one of `verbs` on activities of `objectType`, oldest
   * first, without the statement bodies. Rows are read raw (no entities), which is what keeps a
   * workforce of 10,000 people fast.
   */
  async resultsOf(query: {
    userIds: readonly string[];
    verbs: readonly string[];
    objectType: string;
  }): Promise<LearningResultRow[]> {
    const { verbs, objectType } = query;
    if (verbs.length === 0) return [];
    const rows = await this.inBatches(query.userIds, (ids) => {
      const builder = this.records
        .createQueryBuilder('r')
        .select([
          'r.user_id AS user_id',
          'r.verb AS verb',
          'r.object_id AS object_id',
          'r.registration AS registration',
          'r.result AS result',
        ])
        .where('r.object_type = :objectType', { objectType })
        .andWhere('r.verb IN (:...verbs)', { verbs })
        .orderBy('r.occurred_at', 'ASC')
        .addOrderBy('r.stored_at', 'ASC');
      if (ids) builder.andWhere('r.user_id IN (:...ids)', { ids });
      return builder.getRawMany<{
        user_id: string;
        verb: string;
        object_id: string;
        registration: string | null;
        result: string | null;
      }>();
    });
    return rows.map((row) => ({
      userId: row.user_id,
      verb: row.verb,
      objectId: row.object_id,
      registration: row.registration,
      result: parseResult(row.result),
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
    // The result column is JSON text; each database reads a number out of it its own way.
    const raw =
      this.records.manager.connection.options.type === 'postgres'
        ? "CAST((CAST(r.result AS json) -> 'score' ->> 'raw') AS double precision)"
        : "json_extract(r.result, '$.score.raw')";
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

  // Above WHOLE_TABLE_ABOVE people one pass over the table (filtered here), else `IN` lists of
  // ID_CHUNK ids (within every database's bound-parameter limit).
  private async inBatches<T extends { user_id: string }>(
    userIds: readonly string[],
    select: (ids: readonly string[] | null) => Promise<T[]>,
  ): Promise<T[]> {
    if (userIds.length === 0) return [];
    if (userIds.length > WHOLE_TABLE_ABOVE) {
      const wanted = new Set(userIds);
      return (await select(null)).filter((row) => wanted.has(row.user_id));
    }
    const rows: T[] = [];
    for (let start = 0; start < userIds.length; start += ID_CHUNK)
      rows.push(...(await select(userIds.slice(start, start + ID_CHUNK))));
    return rows;
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

// The column is simple-json text; a row written by hand that is not JSON counts as no result.
function parseResult(text: string | null): XapiResult | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as XapiResult;
  } catch {
    return null;
  }
}
