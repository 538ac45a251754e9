import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../columns';

/** Exams: exams trainers write in the exam editor (a draft and the published text). */
export class AuthoredExams1764002000000 implements MigrationInterface {
  name = 'AuthoredExams1764002000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'authored_exams',
        columns: [
          { ...column.string('id', 80), isPrimary: true },
          column.string('title', 200),
          column.text('draft_source', true),
          column.time(queryRunner, 'draft_updated_at', true),
          column.ref('draft_author_id', true),
          column.text('published_source', true),
          column.int('published_version', false, 0),
          column.time(queryRunner, 'published_at', true),
          column.ref('published_by_id', true),
          column.time(queryRunner, 'created_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_authored_exams_published', columnNames: ['published_at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('authored_exams');
  }
}
