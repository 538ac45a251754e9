import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { column } from '../columns';

/** Exams and scenarios of the editors that trainers withdrew from trainees (one row each). */
export class ActivityWithdrawals1764002400000 implements MigrationInterface {
  name = 'ActivityWithdrawals1764002400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'activity_withdrawals',
        columns: [
          { ...column.string('kind', 10), isPrimary: true },
          { ...column.string('activity_id', 80), isPrimary: true },
          column.string('reason', 500),
          column.time(queryRunner, 'withdrawn_at'),
          column.ref('withdrawn_by_id', true),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('activity_withdrawals');
  }
}
