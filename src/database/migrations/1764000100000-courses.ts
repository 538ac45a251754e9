import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../columns';

/** Courses: enrolments and lesson progress. */
export class Courses1764000100000 implements MigrationInterface {
  name = 'Courses1764000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'enrolments',
        columns: [
          column.id(),
          column.ref('user_id'),
          column.string('course_id', 80),
          column.string('status', 20),
          column.time(queryRunner, 'enrolled_at'),
          column.ref('assigned_by_id', true),
          column.time(queryRunner, 'assigned_at', true),
          column.string('due_date', 10, true),
          column.time(queryRunner, 'started_at', true),
          column.time(queryRunner, 'completed_at', true),
          column.int('completed_version', true),
          column.real('score', true),
          column.string('last_lesson_id', 80, true),
        ],
        uniques: [{ name: 'uq_enrolments_user_course', columnNames: ['user_id', 'course_id'] }],
        indices: [
          new TableIndex({ name: 'ix_enrolments_course', columnNames: ['course_id', 'status'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'lesson_progress',
        columns: [
          column.id(),
          column.ref('enrolment_id'),
          column.ref('user_id'),
          column.string('course_id', 80),
          column.string('lesson_id', 80),
          column.time(queryRunner, 'opened_at'),
          column.time(queryRunner, 'last_seen_at'),
          column.time(queryRunner, 'completed_at', true),
          column.int('seconds_spent', false, 0),
          column.text('check_state'),
          column.real('score', true),
          column.string('content_hash', 64, true),
          column.int('course_version', true),
        ],
        uniques: [
          {
            name: 'uq_lesson_progress_enrolment_lesson',
            columnNames: ['enrolment_id', 'lesson_id'],
          },
        ],
        foreignKeys: [
          {
            name: 'fk_lesson_progress_enrolment',
            columnNames: ['enrolment_id'],
            referencedTableName: 'enrolments',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [
          new TableIndex({
            name: 'ix_lesson_progress_user_course',
            columnNames: ['user_id', 'course_id'],
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('lesson_progress');
    await queryRunner.dropTable('enrolments');
  }
}
