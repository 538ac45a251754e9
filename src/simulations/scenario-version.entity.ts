import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ScenarioOrigin = 'content' | 'authored';
export type ScenarioStatus = 'draft' | 'published';

/**
 * One version of a scenario. Published rows are immutable snapshots sessions are pinned to:
 * `definition` holds the resolved scenario (rubrics included) as JSON, so a later change to a
 * file or a rubric never changes a session already started. Content files are copied here
 * at boot; trainers' drafts live here until they are published.
 */
@Entity('simulation_scenario_versions')
export class ScenarioVersion {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'scenario_id', type: 'varchar', length: 80 })
  scenarioId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 10 })
  origin!: ScenarioOrigin;

  @Column({ type: 'varchar', length: 10 })
  status!: ScenarioStatus;

  // 'draft' on the one draft of a scenario, NULL otherwise (NULLs never collide in the unique index).
  @Column({ name: 'draft_key', type: 'varchar', length: 10, nullable: true })
  draftKey!: string | null;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  // The YAML as written.
  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text', nullable: true })
  definition!: string | null;

  // sha-256 of the definition once published, NULL for drafts.
  @Column({ name: 'published_hash', type: 'varchar', length: 64, nullable: true })
  publishedHash!: string | null;

  @Column({ name: 'author_id', type: 'varchar', length: 36, nullable: true })
  authorId!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;

  @Column({ name: 'published_at', type: Date, nullable: true })
  publishedAt!: Date | null;
}
