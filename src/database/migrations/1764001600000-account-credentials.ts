import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { column } from '../columns';

/**
 * Users: a password someone else set (an import, an admin) can be marked temporary, so the
 * person chooses their own at the next sign-in; and a session version, carried in every token,
 * which a password change or "sign out everywhere" raises so older tokens stop working.
 */
export class AccountCredentials1764001600000 implements MigrationInterface {
  name = 'AccountCredentials1764001600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('users', [
      new TableColumn(column.bool('must_change_password', false)),
      new TableColumn(column.int('session_version', false, 0)),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('users', 'session_version');
    await queryRunner.dropColumn('users', 'must_change_password');
  }
}
