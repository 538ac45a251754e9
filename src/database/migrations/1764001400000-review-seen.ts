import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { column } from '../columns';

/**
 * Simulations: when the trainee last read a review of their reply in the debrief. Null until
 * they open the debrief, and null again when the reviewer changes their judgement.
 */
export class ReviewSeen1764001400000 implements MigrationInterface {
  name = 'ReviewSeen1764001400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'simulation_turn_reviews',
      new TableColumn(column.time(queryRunner, 'seen_at', true)),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('simulation_turn_reviews', 'seen_at');
  }
}
