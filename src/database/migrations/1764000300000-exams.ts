import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../columns';

/** Exams: attempts, their slots and append-only steps, and banks imported from GIFT. */
export class Exams1764000300000 implements MigrationInterface {
  name = 'Exams1764000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'exam_attempts',
        columns: [
          column.id(),
          column.string('exam_id', 80),
          column.string('exam_version', 64),
          column.ref('user_id'),
          column.int('attempt_number'),
          column.string('seed', 64),
          column.string('status', 20),
          column.string('open_key', 10, true),
          column.time(queryRunner, 'started_at'),
          column.time(queryRunner, 'deadline_at'),
          column.time(queryRunner, 'finished_at', true),
          column.string('finish_reason', 20, true),
          column.real('pass_mark'),
          column.real('marks', true),
          column.real('max_marks'),
          column.real('percent', true),
          column.int('pending', false, 0),
          { name: 'passed', type: 'boolean', isNullable: true },
        ],
        uniques: [
          {
            name: 'uq_exam_attempts_number',
            columnNames: ['exam_id', 'user_id', 'attempt_number'],
          },
          // NULL once finished, and NULLs never collide: at most one open attempt per exam and person.
          { name: 'uq_exam_attempts_open', columnNames: ['exam_id', 'user_id', 'open_key'] },
        ],
        indices: [
          new TableIndex({ name: 'ix_exam_attempts_user', columnNames: ['user_id'] }),
          new TableIndex({
            name: 'ix_exam_attempts_exam_status',
            columnNames: ['exam_id', 'status'],
          }),
          new TableIndex({
            name: 'ix_exam_attempts_deadline',
            columnNames: ['status', 'deadline_at'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'exam_attempt_slots',
        columns: [
          column.id(),
          column.ref('attempt_id'),
          column.int('slot'),
          column.int('section'),
          column.int('position'),
          column.string('question_id', 80),
          column.string('question_version', 64),
          column.string('bank_id', 80),
          column.text('definition'),
          column.text('choice_order', true),
          column.text('option_order', true),
          column.real('max_mark'),
          column.string('state', 20),
          column.real('fraction', true),
        ],
        uniques: [{ name: 'uq_exam_attempt_slots_slot', columnNames: ['attempt_id', 'slot'] }],
        foreignKeys: [
          {
            name: 'fk_exam_attempt_slots_attempt',
            columnNames: ['attempt_id'],
            referencedTableName: 'exam_attempts',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [
          new TableIndex({ name: 'ix_exam_attempt_slots_state', columnNames: ['state'] }),
          new TableIndex({ name: 'ix_exam_attempt_slots_question', columnNames: ['question_id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'exam_attempt_steps',
        columns: [
          column.id(),
          column.ref('attempt_id'),
          column.int('slot'),
          column.int('seq'),
          column.string('action', 20),
          column.time(queryRunner, 'at'),
          column.ref('actor_id', true),
          column.text('response', true),
          column.string('state', 20),
          column.real('fraction', true),
          column.text('score', true),
          column.text('comment', true),
          column.string('question_version', 64),
        ],
        uniques: [
          { name: 'uq_exam_attempt_steps_seq', columnNames: ['attempt_id', 'slot', 'seq'] },
        ],
        foreignKeys: [
          {
            name: 'fk_exam_attempt_steps_attempt',
            columnNames: ['attempt_id'],
            referencedTableName: 'exam_attempts',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'exam_imported_banks',
        columns: [
          { ...column.string('id', 80), isPrimary: true },
          column.string('title', 200),
          column.string('file_name', 200, true),
          column.text('questions'),
          column.text('issues'),
          column.ref('imported_by_id'),
          column.time(queryRunner, 'imported_at'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('exam_imported_banks');
    await queryRunner.dropTable('exam_attempt_steps');
    await queryRunner.dropTable('exam_attempt_slots');
    await queryRunner.dropTable('exam_attempts');
  }
}
