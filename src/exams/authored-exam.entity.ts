import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An exam a trainer wrote in the exam editor: the YAML of content/exams/<id>.yaml, kept as one
 * draft (work in progress, may have errors) and the published text new attempts draw from. An
 * attempt keeps its questions, pass mark and the exam's version hash, so publishing again never
 * changes an attempt already started.
 */
@Entity('authored_exams')
export class AuthoredExam {
  // The exam id (kebab-case); never one of a content exam.
  @PrimaryColumn({ type: 'varchar', length: 80 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ name: 'draft_source', type: 'text', nullable: true })
  draftSource!: string | null;

  @Column({ name: 'draft_updated_at', type: Date, nullable: true })
  draftUpdatedAt!: Date | null;

  @Column({ name: 'draft_author_id', type: 'varchar', length: 36, nullable: true })
  draftAuthorId!: string | null;

  @Column({ name: 'published_source', type: 'text', nullable: true })
  publishedSource!: string | null;

  // 0 until the first publication, then 1, 2, …
  @Column({ name: 'published_version', type: 'integer' })
  publishedVersion!: number;

  @Column({ name: 'published_at', type: Date, nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'published_by_id', type: 'varchar', length: 36, nullable: true })
  publishedById!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}

/** One version published in the exam editor, kept whole: the history trainers compare. */
@Entity('authored_exam_versions')
export class AuthoredExamVersion {
  @PrimaryColumn({ name: 'exam_id', type: 'varchar', length: 80 })
  examId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'published_at', type: Date })
  publishedAt!: Date;

  @Column({ name: 'published_by_id', type: 'varchar', length: 36, nullable: true })
  publishedById!: string | null;
}
