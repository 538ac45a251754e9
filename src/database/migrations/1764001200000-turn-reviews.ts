import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../columns';

/** Simulations: trainers' and supervisors' own judgements of role-play replies. */
export class TurnReviews1764001200000 implements MigrationInterface {
  name = 'TurnReviews1764001200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'simulation_turn_reviews',
        columns: [
          column.id(),
          column.ref('turn_id'),
          column.ref('session_id'),
          column.ref('reviewer_id'),
          column.string('verdict', 4),
          column.int('politeness', true),
          column.int('empathy', true),
          column.text('note', true),
          column.time(queryRunner, 'created_at'),
          column.time(queryRunner, 'updated_at'),
        ],
        uniques: [
          { name: 'uq_simulation_turn_reviews_reviewer', columnNames: ['turn_id', 'reviewer_id'] },
        ],
        indices: [
          new TableIndex({
            name: 'ix_simulation_turn_reviews_session',
            columnNames: ['session_id'],
          }),
          new TableIndex({
            name: 'ix_simulation_turn_reviews_updated',
            columnNames: ['updated_at'],
          }),
        ],
        foreignKeys: [
          {
            name: 'fk_simulation_turn_reviews_turn',
            columnNames: ['turn_id'],
            referencedTableName: 'simulation_turns',
            referencedColumnNames: ['id'],
          },
          {
            name: 'fk_simulation_turn_reviews_session',
            columnNames: ['session_id'],
            referencedTableName: 'simulation_sessions',
            referencedColumnNames: ['id'],
          },
          {
            name: 'fk_simulation_turn_reviews_reviewer',
            columnNames: ['reviewer_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('simulation_turn_reviews');
  }
}
