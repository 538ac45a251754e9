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
