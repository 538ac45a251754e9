import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Learning records: which activities of a kind each person has a verb for ("passed" role-play
 * scenarios for the eligibility matrix, counts per person) read from one covering index instead
 * of a lookup of every matching row.
 */
export class LearningActivityIndex1764001700000 implements MigrationInterface {
  name = 'LearningActivityIndex1764001700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'learning_records',
      new TableIndex({
        name: 'ix_learning_records_verb_type_user_object',
        columnNames: ['verb', 'object_type', 'user_id', 'object_id'],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('learning_records', 'ix_learning_records_verb_type_user_object');
  }
}
