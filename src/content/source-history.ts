import { ApiProperty } from '@nestjs/swagger';
import type { Viewer } from '../identity/viewer';
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

/** What a feature's versions service tells the shared history logic. */
export interface EditorVersionsOf<Detail> {
  /** "Exam", "Scenario": how the messages name it. */
  noun: string;
  /** The draft (version null) and every published version, newest first; throws if unknown. */
  revisions(id: string): Promise<SourceRevision[]>;
  /** Files a text as the draft of the item its `id` names, answering the editor's detail. */
  saveDraft(viewer: Viewer, source: string): Promise<Detail>;
  /** Throws when the item cannot take a draft (a read-only one of content/). */
  assertWritable?(id: string): void;
  /** The feature's 404 VERSION_NOT_FOUND and 409 DRAFT_EXISTS. */
  noVersion(message: string): Error;
  draftExists(message: string, errors: { path: string; messages: string[] }[]): Error;
}

/**
 * The versions of a text written in one of the editors: every published version kept whole,
 * what changed from one to the next (and from the latest to the draft), and an old text put
 * back as the draft. Exams and scenarios each say where their versions live.
 */
export class EditorVersions<Detail> {
  constructor(
    private readonly of: EditorVersionsOf<Detail>,
    private readonly users: { namesOf(ids: (string | null)[]): Promise<Map<string, string>> },
  ) {}

  /** The draft (if any), then every published version, newest first, with who wrote each. */
  async history(id: string): Promise<SourceRevisionView[]> {
    return (await this.load(id)).history;
  }

  /**
   * One published version (or the draft, `null`) with what changed since the version before
   * it: the draft is compared with the latest published version.
   */
  async changes(id: string, version: number | null): Promise<SourceChangesView> {
    return this.changesIn(await this.load(id), id, version);
  }

  /**
   * The history page's two answers from one read: every revision, and the one `pick` chooses
   * from them (undefined: `pick` found none to show) with its changes.
   */
  async overview(
    id: string,
    pick: (history: SourceRevisionView[]) => number | null | undefined,
  ): Promise<{ history: SourceRevisionView[]; shown: SourceChangesView | undefined }> {
    const loaded = await this.load(id);
    const wanted = pick(loaded.history);
    return {
      history: loaded.history,
      shown: wanted === undefined ? undefined : this.changesIn(loaded, id, wanted),
    };
  }

  // The revisions with their authors' names, read once per request.
  private async load(id: string): Promise<{
    revisions: SourceRevision[];
    names: Map<string, string>;
    history: SourceRevisionView[];
  }> {
    const revisions = await this.of.revisions(id);
    const names = await this.users.namesOf(revisions.map((revision) => revision.authorId));
    return {
      revisions,
      names,
      history: revisions.map((revision) => revisionView(revision, names)),
    };
  }

  private changesIn(
    loaded: { revisions: SourceRevision[]; names: Map<string, string> },
    id: string,
    version: number | null,
  ): SourceChangesView {
    const changes = changesOf(loaded.revisions, version, loaded.names);
    if (!changes) throw this.noVersion(id, version);
    return changes;
  }

  /**
   * Makes a published version's text the draft again; publishing it then makes a new version
   * (versions are never rewritten). A draft in progress is replaced only when asked to
   * (`replaceDraft`), since it would be lost: 409 `DRAFT_EXISTS` otherwise.
   */
  async restore(
    viewer: Viewer,
    id: string,
    version: number,
    replaceDraft: boolean,
  ): Promise<Detail> {
    this.of.assertWritable?.(id);
    const revisions = await this.of.revisions(id);
    const wanted = revisions.find((revision) => revision.version === version);
    if (!wanted) throw this.noVersion(id, version);
    if (!replaceDraft && revisions.some((revision) => revision.version === null))
      throw this.of.draftExists(
        `${this.of.noun} "${id}" has a draft in progress; replace it explicitly (replaceDraft) or publish or discard it first`,
        [{ path: 'replaceDraft', messages: ['must be true to replace the draft in progress'] }],
      );
    return this.of.saveDraft(viewer, wanted.source);
  }

  private noVersion(id: string, version: number | null): Error {
    return this.of.noVersion(
      version === null
        ? `${this.of.noun} "${id}" has no draft`
        : `${this.of.noun} "${id}" has no version ${version}`,
    );
  }
}
