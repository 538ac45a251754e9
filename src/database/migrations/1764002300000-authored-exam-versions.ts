import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { column } from '../columns';

/**
 * Exams: every version published in the exam editor, kept whole (what version 2 said, what
 * changed since version 1). The versions published before this table existed keep only their
 * latest text, which is copied in.
 */
export class AuthoredExamVersions1764002300000 implements MigrationInterface {
  name = 'AuthoredExamVersions1764002300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'authored_exam_versions',
        columns: [
          { ...column.string('exam_id', 80), isPrimary: true },
          { ...column.int('version'), isPrimary: true },
          column.string('title', 200),
          column.text('source'),
          column.time(queryRunner, 'published_at'),
          column.ref('published_by_id', true),
        ],
      }),
    );
    await queryRunner.query(
      `INSERT INTO authored_exam_versions (exam_id, version, title, source, published_at, published_by_id)
       SELECT id, published_version, title, published_source, published_at, published_by_id
       FROM authored_exams
       WHERE published_version > 0 AND published_source IS NOT NULL AND published_at IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('authored_exam_versions');
  }
}
