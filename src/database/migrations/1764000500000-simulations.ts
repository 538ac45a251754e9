import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../columns';

/** Role-play simulations: scenario versions (content snapshots and trainers' drafts), sessions, turns. */
export class Simulations1764000500000 implements MigrationInterface {
  name = 'Simulations1764000500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'simulation_scenario_versions',
        columns: [
          column.id(),
          column.string('scenario_id', 80),
          column.int('version'),
          column.string('origin', 10),
          column.string('status', 10),
          column.string('draft_key', 10, true),
          column.string('title', 200),
          column.text('source'),
          column.text('definition', true),
          column.string('published_hash', 64, true),
          column.ref('author_id', true),
          column.time(queryRunner, 'created_at'),
          column.time(queryRunner, 'updated_at'),
          column.time(queryRunner, 'published_at', true),
        ],
        uniques: [
          // One draft per scenario; NULL (published) never collides.
          {
            name: 'uq_simulation_scenario_versions_draft',
            columnNames: ['scenario_id', 'draft_key'],
          },
          // A snapshot is stored once per scenario, version and exact content.
          {
            name: 'uq_simulation_scenario_versions_hash',
            columnNames: ['scenario_id', 'version', 'published_hash'],
          },
        ],
        indices: [
          new TableIndex({
            name: 'ix_simulation_scenario_versions_status',
            columnNames: ['scenario_id', 'status'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'simulation_sessions',
        columns: [
          column.id(),
          column.ref('user_id'),
          column.string('scenario_id', 80),
          column.int('scenario_version'),
          column.ref('version_id'),
          column.int('attempt_number'),
          column.string('seed', 64),
          column.string('status', 12),
          column.string('open_key', 10, true),
          column.int('turn_count'),
          column.real('score_sum'),
          column.int('anger'),
          column.text('state'),
          column.time(queryRunner, 'started_at'),
          column.time(queryRunner, 'last_activity_at'),
          column.time(queryRunner, 'finished_at', true),
          column.string('outcome', 24, true),
          { name: 'passed', type: 'boolean', isNullable: true },
          column.real('mean_score', true),
        ],
        uniques: [
          {
            name: 'uq_simulation_sessions_open',
            columnNames: ['user_id', 'scenario_id', 'open_key'],
          },
          {
            name: 'uq_simulation_sessions_attempt',
            columnNames: ['user_id', 'scenario_id', 'attempt_number'],
          },
        ],
        foreignKeys: [
          {
            name: 'fk_simulation_sessions_version',
            columnNames: ['version_id'],
            referencedTableName: 'simulation_scenario_versions',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [
          new TableIndex({ name: 'ix_simulation_sessions_user', columnNames: ['user_id'] }),
          new TableIndex({
            name: 'ix_simulation_sessions_scenario',
            columnNames: ['scenario_id', 'status'],
          }),
          new TableIndex({
            name: 'ix_simulation_sessions_activity',
            columnNames: ['status', 'last_activity_at'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'simulation_turns',
        columns: [
          column.id(),
          column.ref('session_id'),
          column.int('turn_index'),
          column.string('step_id', 80),
          column.text('customer_line'),
          column.text('reply'),
          column.text('report'),
          column.real('overall'),
          column.int('branch_index'),
          column.string('next_step_id', 80),
          column.text('reaction', true),
          column.text('next_line'),
          column.string('jump', 12, true),
          column.int('anger_before'),
          column.int('anger_after'),
          column.string('mood_before', 20),
          column.string('mood_after', 20),
          column.text('reasons'),
          column.time(queryRunner, 'created_at'),
        ],
        uniques: [{ name: 'uq_simulation_turns_index', columnNames: ['session_id', 'turn_index'] }],
        foreignKeys: [
          {
            name: 'fk_simulation_turns_session',
            columnNames: ['session_id'],
            referencedTableName: 'simulation_sessions',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('simulation_turns');
    await queryRunner.dropTable('simulation_sessions');
    await queryRunner.dropTable('simulation_scenario_versions');
  }
}
