import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { DiffHunk, DiffLine, sourceDiff } from './source-diff';

// What the two in-app editors (exams, scenarios) share about the versions a trainer published:
// a version's text, what changed since the one before it, and putting an old text back as
// the draft.

/** One published version (or the draft) as an editor keeps it. */
export interface SourceRevision {
  /** 1, 2, … for a published version; null for the draft. */
  version: number | null;
  title: string;
  source: string;
  /** When it was published (the draft: when it was saved). */
  at: Date;
  authorId: string | null;
}

export class DiffLineView implements DiffLine {
  @ApiProperty({ enum: ['same', 'added', 'removed'] }) kind!: 'same' | 'added' | 'removed';
  @ApiProperty() text!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Line in the older text' })
  before!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Line in the newer text' })
  after!: number | null;
}

export class DiffHunkView implements DiffHunk {
  @ApiProperty() beforeStart!: number;
  @ApiProperty() afterStart!: number;
  @ApiProperty({ type: [DiffLineView] }) lines!: DiffLineView[];
}

export class SourceRevisionView {
  @ApiProperty({ nullable: true, type: Number, description: 'Null for the draft' })
  version!: number | null;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'When it was published (the draft: last saved)' }) at!: string;
  @ApiProperty({ nullable: true, type: String }) authorId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Their display name' })
  authorName!: string | null;
}

export class SourceChangesView {
  @ApiProperty({ type: SourceRevisionView }) revision!: SourceRevisionView;
  @ApiProperty({ description: 'The YAML text of this version (or of the draft)' })
  source!: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'The version it is compared with: the one before it (null for version 1)',
  })
  against!: number | null;
  @ApiProperty() added!: number;
  @ApiProperty() removed!: number;
  @ApiProperty({ type: [DiffHunkView], description: 'Changed lines with 3 lines of context' })
  hunks!: DiffHunkView[];
}

export class RestoreVersionDto {
  @ApiProperty({
    required: false,
    description: 'Replace a draft in progress (refused with 409 DRAFT_EXISTS without it)',
  })
  @IsOptional()
  @IsBoolean()
  replaceDraft?: boolean;
}

export function revisionView(
  revision: SourceRevision,
  names: ReadonlyMap<string, string>,
): SourceRevisionView {
  return {
    version: revision.version,
    title: revision.title,
    at: revision.at.toISOString(),
    authorId: revision.authorId,
    authorName: revision.authorId ? (names.get(revision.authorId) ?? null) : null,
  };
}

/**
 * One revision with what changed since the one before it: `revisions` are every published
 * version and the draft, in any order; the draft is compared with the latest published version.
 * Undefined when `wanted` (a version number, or null for the draft) is not among them.
 */
export function changesOf(
  revisions: readonly SourceRevision[],
  wanted: number | null,
  names: ReadonlyMap<string, string>,
): SourceChangesView | undefined {
  const revision = revisions.find((candidate) => candidate.version === wanted);
  if (!revision) return undefined;
  const earlier = revisions
    .filter(
      (candidate) => candidate.version !== null && (wanted === null || candidate.version < wanted),
    )
    .sort((a, b) => (b.version ?? 0) - (a.version ?? 0))[0];
  const diff = sourceDiff(earlier?.source ?? '', revision.source);
  return {
    revision: revisionView(revision, names),
    source: revision.source,
    against: earlier?.version ?? null,
    ...diff,
  };
}

/**
 * A version number from a route, or `draft` (null) where `draft` allows it; anything else is
 * answered with the feature's "no such version" error, made by `notFound`.
 */
export function revisionParam(
  param: string,
  draft: boolean,
  notFound: (message: string) => Error,
): number | null {
  if (param === 'draft' && draft) return null;
  if (/^[1-9]\d{0,8}$/.test(param)) return Number(param);
  throw notFound(
    `No version "${param}": ${draft ? 'a version number or "draft"' : 'a version number'}`,
  );
}
