import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../columns';

/** Certifications: the append-only certificate ledger, supervisors' sign-offs, in-app notices. */
export class Certifications1764000700000 implements MigrationInterface {
  name = 'Certifications1764000700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'certificates',
        columns: [
          column.id(),
          column.ref('user_id'),
          column.string('programme_id', 80),
          column.int('programme_version'),
          column.string('programme_title', 120),
          column.int('cycle'),
          column.time(queryRunner, 'issued_at'),
          column.time(queryRunner, 'expires_at'),
          column.time(queryRunner, 'renewal_opens_at'),
          column.text('evidence'),
          column.string('status', 12),
          column.time(queryRunner, 'status_changed_at'),
          column.text('revoked_reason', true),
          column.ref('revoked_by', true),
          column.time(queryRunner, 'revoked_at', true),
          column.ref('superseded_by', true),
          column.string('verification_token', 64),
          column.time(queryRunner, 'created_at'),
        ],
        uniques: [
          // One row per cycle: two evaluations racing to issue the same cycle cannot both win.
          {
            name: 'uq_certificates_cycle',
            columnNames: ['user_id', 'programme_id', 'cycle'],
          },
          { name: 'uq_certificates_token', columnNames: ['verification_token'] },
        ],
        foreignKeys: [
          {
            name: 'fk_certificates_user',
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [
          new TableIndex({ name: 'ix_certificates_user', columnNames: ['user_id'] }),
          new TableIndex({
            name: 'ix_certificates_programme_status',
            columnNames: ['programme_id', 'status'],
          }),
          new TableIndex({
            name: 'ix_certificates_status_expiry',
            columnNames: ['status', 'expires_at'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'certificate_sign_offs',
        columns: [
          column.id(),
          column.ref('user_id'),
          column.string('programme_id', 80),
          column.int('programme_version'),
          column.ref('supervisor_id'),
          column.string('supervisor_name', 120),
          column.text('ticked'),
          column.text('comment', true),
          column.time(queryRunner, 'signed_at'),
        ],
        foreignKeys: [
          {
            name: 'fk_certificate_sign_offs_user',
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [
          new TableIndex({
            name: 'ix_certificate_sign_offs_user_programme',
            columnNames: ['user_id', 'programme_id'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'certificate_notices',
        columns: [
          column.id(),
          column.ref('user_id'),
          column.ref('certificate_id'),
          column.string('kind', 20),
          column.string('message', 400),
          column.time(queryRunner, 'created_at'),
          column.time(queryRunner, 'read_at', true),
        ],
        uniques: [
          // Each reminder (and each other notice) at most once per certificate.
          { name: 'uq_certificate_notices_kind', columnNames: ['certificate_id', 'kind'] },
        ],
        foreignKeys: [
          {
            name: 'fk_certificate_notices_certificate',
            columnNames: ['certificate_id'],
            referencedTableName: 'certificates',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [
          new TableIndex({
            name: 'ix_certificate_notices_user',
            columnNames: ['user_id', 'created_at'],
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('certificate_notices');
    await queryRunner.dropTable('certificate_sign_offs');
    await queryRunner.dropTable('certificates');
  }
}
