import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { QuestionDefinition } from './engine';
import type { GiftIssue } from './gift/gift-import';

/** A question bank imported from a Moodle GIFT file through the API or the page. */
@Entity('exam_imported_banks')
export class ImportedBank {
  // The bank id (kebab-case), unique among imported and content banks.
  @PrimaryColumn({ type: 'varchar', length: 80 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ name: 'file_name', type: 'varchar', length: 200, nullable: true })
  fileName!: string | null;

  @Column({ type: 'simple-json' })
  questions!: QuestionDefinition[];

  @Column({ type: 'simple-json' })
  issues!: GiftIssue[];

  @Column({ name: 'imported_by_id', type: 'varchar', length: 36 })
  importedById!: string;

  @Column({ name: 'imported_at', type: Date })
  importedAt!: Date;
}
