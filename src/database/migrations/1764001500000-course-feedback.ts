import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../columns';

/** Courses: trainees' ratings and comments on the courses they completed (training satisfaction). */
export class CourseFeedback1764001500000 implements MigrationInterface {
  name = 'CourseFeedback1764001500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'course_feedback',
        columns: [
          column.id(),
          column.ref('user_id'),
          column.string('course_id', 80),
          column.int('course_version'),
          column.int('rating'),
          column.text('comment', true),
          column.time(queryRunner, 'created_at'),
          column.time(queryRunner, 'updated_at'),
        ],
        uniques: [{ name: 'uq_course_feedback_person', columnNames: ['user_id', 'course_id'] }],
        indices: [
          new TableIndex({ name: 'ix_course_feedback_course', columnNames: ['course_id'] }),
        ],
        foreignKeys: [
          {
            name: 'fk_course_feedback_user',
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('course_feedback');
  }
}
