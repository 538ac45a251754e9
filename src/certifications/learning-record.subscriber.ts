import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  EntitySubscriberInterface,
  InsertEvent,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { LearningRecord } from '../learning-records/learning-record.entity';
import { CertificateAwardingService } from './certificate-awarding.service';
import { EVIDENCE_VERBS } from './learning-evidence';

/**
 * Hears every learning record stored, and has the person's programmes evaluated once the record
 * is committed (a record written inside a transaction is not evidence until the commit).
 * A TypeORM subscriber, so the learning-records module needs no change to feed certifications.
 */
@Injectable()
export class LearningRecordSubscriber implements EntitySubscriberInterface<LearningRecord> {
  private readonly pending = new WeakMap<QueryRunner, Set<string>>();

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly awarding: CertificateAwardingService,
  ) {
    dataSource.subscribers.push(this);
  }

  listenTo(): typeof LearningRecord {
    return LearningRecord;
  }

  afterInsert(event: InsertEvent<LearningRecord>): void {
    const record = event.entity as Partial<LearningRecord> | undefined;
    const userId = record?.userId;
    // Only evidence can change what someone holds (a certificate's own "earned" record cannot).
    if (!userId || !EVIDENCE_VERBS.some((verb) => verb === record.verb)) return;
    const runner = event.queryRunner;
    if (runner?.isTransactionActive) {
      const users = this.pending.get(runner) ?? new Set<string>();
      users.add(userId);
      this.pending.set(runner, users);
      return;
    }
    setImmediate(() => this.awarding.schedule(userId));
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A savepoint released inside an outer transaction is not the commit yet.
    if (event.queryRunner.isTransactionActive) return;
    const users = this.pending.get(event.queryRunner);
    if (!users) return;
    this.pending.delete(event.queryRunner);
    for (const userId of users) setImmediate(() => this.awarding.schedule(userId));
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }
}
