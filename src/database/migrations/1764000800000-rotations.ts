import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../columns';

/** Positions and job rotation: position history, rotation moves and their reviews. */
export class Rotations1764000800000 implements MigrationInterface {
  name = 'Rotations1764000800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'position_history',
        columns: [
          column.id(),
          column.ref('user_id'),
          column.string('position_id', 80),
          column.string('started_on', 10),
          column.string('ended_on', 10, true),
          column.string('reason', 500),
          column.ref('move_id', true),
          column.string('current_key', 10, true),
          column.time(queryRunner, 'recorded_at'),
        ],
        uniques: [
          { name: 'uq_position_history_user_current', columnNames: ['user_id', 'current_key'] },
        ],
        indices: [
          new TableIndex({
            name: 'ix_position_history_user_started',
            columnNames: ['user_id', 'started_on'],
          }),
          new TableIndex({
            name: 'ix_position_history_current',
            columnNames: ['current_key', 'user_id'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'rotation_moves',
        columns: [
          column.id(),
          column.ref('user_id'),
          column.string('position_id', 80),
          column.string('from_position_id', 80, true),
          column.string('effective_on', 10),
          column.string('note', 1000, true),
          column.string('status', 20),
          column.string('pending_key', 10, true),
          column.ref('proposed_by_id'),
          column.time(queryRunner, 'proposed_at'),
          column.ref('decided_by_id', true),
          column.time(queryRunner, 'decided_at', true),
          column.string('decision_reason', 1000, true),
          column.string('override_reason', 1000, true),
          column.text('eligibility_at_decision', true),
          column.time(queryRunner, 'applied_at', true),
          column.ref('history_id', true),
          column.string('review_due_on', 10, true),
        ],
        uniques: [
          { name: 'uq_rotation_moves_user_pending', columnNames: ['user_id', 'pending_key'] },
        ],
        indices: [
          new TableIndex({
            name: 'ix_rotation_moves_status_effective',
            columnNames: ['status', 'effective_on'],
          }),
          new TableIndex({ name: 'ix_rotation_moves_user', columnNames: ['user_id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'rotation_reviews',
        columns: [
          column.id(),
          column.ref('move_id'),
          column.ref('history_id'),
          column.ref('user_id'),
          column.ref('reviewer_id'),
          column.int('rating'),
          column.string('comments', 2000),
          column.time(queryRunner, 'reviewed_at'),
        ],
        uniques: [{ name: 'uq_rotation_reviews_move', columnNames: ['move_id'] }],
        foreignKeys: [
          {
            name: 'fk_rotation_reviews_move',
            columnNames: ['move_id'],
            referencedTableName: 'rotation_moves',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [new TableIndex({ name: 'ix_rotation_reviews_user', columnNames: ['user_id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('rotation_reviews');
    await queryRunner.dropTable('rotation_moves');
    await queryRunner.dropTable('position_history');
  }
}
