import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../columns';

export class Identity1763900000000 implements MigrationInterface {
  name = 'Identity1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          column.id(),
          column.string('email', 254),
          column.string('display_name', 120),
          column.string('employee_number', 40, true),
          column.string('team', 80, true),
          column.string('cohort', 80, true),
          column.string('roles', 200),
          column.string('managed_teams', 400),
          column.string('password_hash', 100),
          column.bool('active', true),
          column.time(queryRunner, 'created_at'),
          column.time(queryRunner, 'last_login_at', true),
        ],
        uniques: [
          { name: 'uq_users_email', columnNames: ['email'] },
          { name: 'uq_users_employee_number', columnNames: ['employee_number'] },
        ],
        indices: [new TableIndex({ name: 'ix_users_team', columnNames: ['team'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_entries',
        columns: [
          column.id(),
          column.time(queryRunner, 'at'),
          column.ref('actor_id', true),
          column.string('actor_email', 254, true),
          column.string('action', 80),
          column.string('target_type', 60, true),
          column.string('target_id', 120, true),
          column.text('summary'),
        ],
        indices: [
          new TableIndex({ name: 'ix_audit_entries_at', columnNames: ['at'] }),
          new TableIndex({ name: 'ix_audit_entries_action', columnNames: ['action'] }),
          new TableIndex({
            name: 'ix_audit_entries_target',
            columnNames: ['target_type', 'target_id'],
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_entries');
    await queryRunner.dropTable('users');
  }
}
