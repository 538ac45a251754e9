import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { column } from '../columns';

/** Users: when an admin erased the person's personal data (the account stays, pseudonymous). */
export class UserErasure1764002200000 implements MigrationInterface {
  name = 'UserErasure1764002200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'users',
      new TableColumn(column.time(queryRunner, 'erased_at', true)),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('users', 'erased_at');
  }
}
