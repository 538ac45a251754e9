import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { QuestionDefinition, QuestionState } from './engine';

/**
 * One drawn question of an attempt: the definition it is graded on (a snapshot, replaced
 * only by a regrade), its display order, and a copy of its current state and fraction.
 */
@Entity('exam_attempt_slots')
export class ExamAttemptSlot {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'attempt_id', type: 'varchar', length: 36 })
  attemptId!: string;

  @Column({ type: 'integer' })
  slot!: number;

  @Column({ type: 'integer' })
  section!: number;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ name: 'question_id', type: 'varchar', length: 80 })
  questionId!: string;

  @Column({ name: 'question_version', type: 'varchar', length: 64 })
  questionVersion!: string;

  @Column({ name: 'bank_id', type: 'varchar', length: 80 })
  bankId!: string;

  @Column({ type: 'simple-json' })
  definition!: QuestionDefinition;

  @Column({ name: 'choice_order', type: 'simple-json', nullable: true })
  choiceOrder!: number[] | null;

  @Column({ name: 'option_order', type: 'simple-json', nullable: true })
  optionOrder!: string[] | null;

  @Column({ name: 'max_mark', type: 'double precision' })
  maxMark!: number;

  @Column({ type: 'varchar', length: 20 })
  state!: QuestionState;

  @Column({ type: 'double precision', nullable: true })
  fraction!: number | null;
}
