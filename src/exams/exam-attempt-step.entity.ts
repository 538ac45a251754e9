import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { QuestionResponse, QuestionState, ScoreSummary, StepAction } from './engine';

/** One entry of a question's log (Moodle's question_attempt_step). Rows are only ever inserted. */
@Entity('exam_attempt_steps')
export class ExamAttemptStep {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'attempt_id', type: 'varchar', length: 36 })
  attemptId!: string;

  @Column({ type: 'integer' })
  slot!: number;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 20 })
  action!: StepAction;

  @Column({ type: Date })
  at!: Date;

  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId!: string | null;

  @Column({ type: 'simple-json', nullable: true })
  response!: QuestionResponse | null;

  @Column({ type: 'varchar', length: 20 })
  state!: QuestionState;

  @Column({ type: 'double precision', nullable: true })
  fraction!: number | null;

  @Column({ type: 'simple-json', nullable: true })
  score!: ScoreSummary | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  // The question version the step was graded on (regrades record the new one).
  @Column({ name: 'question_version', type: 'varchar', length: 64 })
  questionVersion!: string;
}
