import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { column } from '../columns';

/**
 * Certifications: issuer keys can be rotated (the old key stops signing but keeps verifying what
 * it signed) and revoked (it stops verifying too, for a key that may have leaked).
 */
export class IssuerKeyLifecycle1764001300000 implements MigrationInterface {
  name = 'IssuerKeyLifecycle1764001300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('issuer_keys', [
      new TableColumn(column.time(queryRunner, 'retired_at', true)),
      new TableColumn(column.time(queryRunner, 'revoked_at', true)),
      new TableColumn(column.string('revocation_reason', 400, true)),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('issuer_keys', ['revocation_reason', 'revoked_at', 'retired_at']);
  }
}
