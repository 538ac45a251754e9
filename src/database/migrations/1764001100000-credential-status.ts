import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { column } from '../columns';

/** Certifications: each signed credential's position in the revocation status lists. */
export class CredentialStatus1764001100000 implements MigrationInterface {
  name = 'CredentialStatus1764001100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'credential_status_entries',
        columns: [
          column.id('certificate_id'),
          column.int('position'),
          column.time(queryRunner, 'created_at'),
        ],
        uniques: [{ name: 'uq_credential_status_position', columnNames: ['position'] }],
        foreignKeys: [
          {
            name: 'fk_credential_status_certificate',
            columnNames: ['certificate_id'],
            referencedTableName: 'certificates',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('credential_status_entries');
  }
}
