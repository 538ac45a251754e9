import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { column } from '../columns';

/** Exams: individual arrangements (extra time, extra attempts) for one person and one exam. */
export class ExamArrangements1764002100000 implements MigrationInterface {
  name = 'ExamArrangements1764002100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'exam_arrangements',
        columns: [
          column.id(),
          column.string('exam_id', 80),
          column.ref('user_id'),
          column.int('extra_minutes', false, 0),
          column.int('extra_attempts', false, 0),
          column.text('reason'),
          column.ref('set_by_id'),
          column.time(queryRunner, 'set_at'),
        ],
        uniques: [{ name: 'uq_exam_arrangements_person', columnNames: ['exam_id', 'user_id'] }],
        foreignKeys: [
          {
            name: 'fk_exam_arrangements_user',
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('exam_arrangements');
  }
}
