import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { column } from '../columns';

/**
 * Users: when the person last asked, from the sign-in page, for a new password. The service
 * sends no mail; the people who manage accounts see the request and set a temporary password.
 */
export class PasswordHelp1764001900000 implements MigrationInterface {
  name = 'PasswordHelp1764001900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'users',
      new TableColumn(column.time(queryRunner, 'password_help_requested_at', true)),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('users', 'password_help_requested_at');
  }
}
