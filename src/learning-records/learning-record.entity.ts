import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LearningRecordContext, XapiResult } from './xapi';

/**
 * One learning event (assigned, started, answered, completed…), shaped so it maps onto an xAPI
 * statement without loss: actor = user, verb IRI, object activity, result, context, timestamp.
 * Courses, exams, simulations and certifications all append here; rows are never updated.
 */
@Entity('learning_records')
export class LearningRecord {
  // Also the statement id.
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 200 })
  verb!: string;

  @Column({ name: 'object_id', type: 'varchar', length: 400 })
  objectId!: string;

  @Column({ name: 'object_type', type: 'varchar', length: 200 })
  objectType!: string;

  @Column({ name: 'object_name', type: 'varchar', length: 300 })
  objectName!: string;

  // Duplicated from the context so reports can find every statement of one enrolment or attempt.
  @Column({ type: 'varchar', length: 36, nullable: true })
  registration!: string | null;

  @Column({ type: 'simple-json', nullable: true })
  result!: XapiResult | null;

  @Column({ type: 'simple-json', nullable: true })
  context!: LearningRecordContext | null;

  @Column({ name: 'occurred_at', type: Date })
  occurredAt!: Date;

  @Column({ name: 'stored_at', type: Date })
  storedAt!: Date;
}
