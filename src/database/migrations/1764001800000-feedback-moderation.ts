import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { column } from '../columns';

/**
 * Course feedback: staff may hide a comment (abusive, or naming a colleague) with a reason; the
 * rating still counts, and the writer sees that it was hidden and why.
 */
export class FeedbackModeration1764001800000 implements MigrationInterface {
  name = 'FeedbackModeration1764001800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('course_feedback', [
      new TableColumn(column.time(queryRunner, 'comment_hidden_at', true)),
      new TableColumn(column.ref('comment_hidden_by', true)),
      new TableColumn(column.string('comment_hidden_reason', 500, true)),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of ['comment_hidden_reason', 'comment_hidden_by', 'comment_hidden_at'])
      await queryRunner.dropColumn('course_feedback', name);
  }
}
