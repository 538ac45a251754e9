import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ScoreReport } from '../scoring/engine';
import type { MoodLabel, MoodReason, TurnTrigger } from './engine';

/** One reply and what it did. Inserted once, never updated; (session, turn index) is unique. */
@Entity('simulation_turns')
export class SimulationTurn {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'session_id', type: 'varchar', length: 36 })
  sessionId!: string;

  @Column({ name: 'turn_index', type: 'integer' })
  turnIndex!: number;

  @Column({ name: 'step_id', type: 'varchar', length: 80 })
  stepId!: string;

  @Column({ name: 'customer_line', type: 'text' })
  customerLine!: string;

  @Column({ type: 'text' })
  reply!: string;

  @Column({ type: 'simple-json' })
  report!: ScoreReport;

  @Column({ type: 'double precision' })
  overall!: number;

  @Column({ name: 'branch_index', type: 'integer' })
  branchIndex!: number;

  @Column({ name: 'next_step_id', type: 'varchar', length: 80 })
  nextStepId!: string;

  @Column({ type: 'text', nullable: true })
  reaction!: string | null;

  @Column({ name: 'next_line', type: 'text' })
  nextLine!: string;

  // An anger threshold or the turn limit that overrode the branch ("trigger" is an SQL keyword).
  @Column({ name: 'jump', type: 'varchar', length: 12, nullable: true })
  trigger!: TurnTrigger | null;

  @Column({ name: 'anger_before', type: 'integer' })
  angerBefore!: number;

  @Column({ name: 'anger_after', type: 'integer' })
  angerAfter!: number;

  @Column({ name: 'mood_before', type: 'varchar', length: 20 })
  moodBefore!: MoodLabel;

  @Column({ name: 'mood_after', type: 'varchar', length: 20 })
  moodAfter!: MoodLabel;

  @Column({ type: 'simple-json' })
  reasons!: MoodReason[];

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
