import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../columns';

/** The learning-record table every feature appends xAPI-shaped events to. */
export class LearningRecords1764000000000 implements MigrationInterface {
  name = 'LearningRecords1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'learning_records',
        columns: [
          column.id(),
          column.ref('user_id'),
          column.string('verb', 200),
          column.string('object_id', 400),
          column.string('object_type', 200),
          column.string('object_name', 300),
          column.ref('registration', true),
          column.text('result', true),
          column.text('context', true),
          column.time(queryRunner, 'occurred_at'),
          column.time(queryRunner, 'stored_at'),
        ],
        indices: [
          new TableIndex({
            name: 'ix_learning_records_user_occurred',
            columnNames: ['user_id', 'occurred_at'],
          }),
          new TableIndex({ name: 'ix_learning_records_object', columnNames: ['object_id'] }),
          new TableIndex({
            name: 'ix_learning_records_registration',
            columnNames: ['registration'],
          }),
          new TableIndex({ name: 'ix_learning_records_verb', columnNames: ['verb'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('learning_records');
  }
}
