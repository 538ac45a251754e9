import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { column } from '../columns';

/** Certifications: the keys Open Badges 3.0 credentials are signed with. */
export class IssuerKeys1764001000000 implements MigrationInterface {
  name = 'IssuerKeys1764001000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'issuer_keys',
        columns: [
          { ...column.string('id', 64), isPrimary: true },
          column.string('sealed_seed', 120),
          column.time(queryRunner, 'created_at'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('issuer_keys');
  }
}
