import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

// Each CSV export reads its table in (date, id) order, in keyset batches: these indexes let every
// batch start where the last one ended instead of sorting the whole table again.
const INDEXES: [table: string, name: string, columns: string[]][] = [
  ['simulation_sessions', 'ix_simulation_sessions_started', ['started_at', 'id']],
  ['exam_attempts', 'ix_exam_attempts_started', ['started_at', 'id']],
  ['certificates', 'ix_certificates_issued', ['issued_at', 'id']],
  ['enrolments', 'ix_enrolments_due', ['due_date', 'id']],
];

/** Reports: indexes for the exports (the reports own no table). */
export class Reports1764000900000 implements MigrationInterface {
  name = 'Reports1764000900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name, columnNames] of INDEXES)
      await queryRunner.createIndex(table, new TableIndex({ name, columnNames }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name] of [...INDEXES].reverse()) await queryRunner.dropIndex(table, name);
  }
}
