import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OutcomeKind, SessionState } from './engine';

export const SESSION_STATUSES = ['active', 'finished', 'expired'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/**
 * One trainee's try at one scenario version. `state` is the engine's state after the last
 * turn; the other columns copy what lists and reports filter on. Retries are new rows.
 */
@Entity('simulation_sessions')
export class SimulationSession {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'scenario_id', type: 'varchar', length: 80 })
  scenarioId!: string;

  @Column({ name: 'scenario_version', type: 'integer' })
  scenarioVersion!: number;

  // The pinned snapshot (simulation_scenario_versions.id).
  @Column({ name: 'version_id', type: 'varchar', length: 36 })
  versionId!: string;

  @Column({ name: 'attempt_number', type: 'integer' })
  attemptNumber!: number;

  // Picks the customer's line variants: the same seed and replies give the same conversation.
  @Column({ type: 'varchar', length: 64 })
  seed!: string;

  @Column({ type: 'varchar', length: 12 })
  status!: SessionStatus;

  // 'open' while active, NULL after: the unique index allows one active session per scenario.
  @Column({ name: 'open_key', type: 'varchar', length: 10, nullable: true })
  openKey!: string | null;

  @Column({ name: 'turn_count', type: 'integer' })
  turnCount!: number;

  @Column({ name: 'score_sum', type: 'double precision' })
  scoreSum!: number;

  @Column({ type: 'integer' })
  anger!: number;

  @Column({ type: 'simple-json' })
  state!: SessionState;

  @Column({ name: 'started_at', type: Date })
  startedAt!: Date;

  @Column({ name: 'last_activity_at', type: Date })
  lastActivityAt!: Date;

  @Column({ name: 'finished_at', type: Date, nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  outcome!: OutcomeKind | null;

  @Column({ type: 'boolean', nullable: true })
  passed!: boolean | null;

  @Column({ name: 'mean_score', type: 'double precision', nullable: true })
  meanScore!: number | null;
}
