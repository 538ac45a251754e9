import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  changesOf,
  revisionView,
  SourceChangesView,
  SourceRevision,
  SourceRevisionView,
} from '../content/source-history';
import { UsersService } from '../identity/users.service';
import { Viewer } from '../identity/viewer';
import { AuthoredScenarioDetailView } from './dto/simulation-views.dto';
import { ScenarioAuthoringService } from './scenario-authoring.service';
import { ScenarioLibrary } from './scenario-library.service';
import { ScenarioVersion } from './scenario-version.entity';
import { SimulationError, SimulationErrorCode } from './simulation-error';

/**
 * The versions of a scenario: every published text (content snapshots for a content scenario),
 * what changed from one to the next (and from the latest to the draft), and an old text of a
 * scenario written in the editor put back as its draft.
 */
@Injectable()
export class ScenarioVersionsService {
  constructor(
    @InjectRepository(ScenarioVersion) private readonly versions: Repository<ScenarioVersion>,
    private readonly authoring: ScenarioAuthoringService,
    private readonly library: ScenarioLibrary,
    private readonly users: UsersService,
  ) {}

  /** Every published version and the draft (first), newest first, with who wrote each. */
  async history(scenarioId: string): Promise<SourceRevisionView[]> {
    const revisions = await this.revisions(scenarioId);
    const names = await this.users.namesOf(revisions.map((revision) => revision.authorId));
    return revisions.map((revision) => revisionView(revision, names));
  }

  /**
   * One published version (or the draft, `null`) with what changed since the version before
   * it: the draft is compared with the latest published version.
   */
  async changes(scenarioId: string, version: number | null): Promise<SourceChangesView> {
    const revisions = await this.revisions(scenarioId);
    const names = await this.users.namesOf(revisions.map((revision) => revision.authorId));
    const changes = changesOf(revisions, version, names);
    if (!changes) throw versionNotFound(scenarioId, version);
    return changes;
  }

  /**
   * Makes a published version's text the draft again (publishing it then makes a new version;
   * versions are never rewritten). A draft in progress is replaced only when asked to
   * (`replaceDraft`), since it would be lost: 409 `DRAFT_EXISTS` otherwise.
   */
  async restore(
    viewer: Viewer,
    scenarioId: string,
    version: number,
    replaceDraft: boolean,
  ): Promise<AuthoredScenarioDetailView> {
    if (this.library.isContent(scenarioId))
      throw new SimulationError(
        SimulationErrorCode.ScenarioReadOnly,
        `"${scenarioId}" is a content scenario; copy it as a new draft to change it`,
      );
    const revisions = await this.revisions(scenarioId);
    const wanted = revisions.find((revision) => revision.version === version);
    if (!wanted) throw versionNotFound(scenarioId, version);
    if (!replaceDraft && revisions.some((revision) => revision.version === null))
      throw new SimulationError(
        SimulationErrorCode.DraftExists,
        `Scenario "${scenarioId}" has a draft in progress; replace it explicitly (replaceDraft) or publish or discard it first`,
        [{ path: 'replaceDraft', messages: ['must be true to replace the draft in progress'] }],
      );
    return this.authoring.saveDraft(viewer, wanted.source);
  }

  private async revisions(scenarioId: string): Promise<SourceRevision[]> {
    const origin = this.library.isContent(scenarioId) ? 'content' : 'authored';
    const rows = await this.versions.find({
      select: [
        'version',
        'status',
        'title',
        'source',
        'authorId',
        'updatedAt',
        'publishedAt',
        'createdAt',
      ],
      where: { scenarioId, origin },
      order: { version: 'DESC' },
    });
    if (rows.length === 0) throw SimulationError.scenarioNotFound(scenarioId);
    return rows
      .map((row) => ({
        version: row.status === 'draft' ? null : row.version,
        title: row.title,
        source: row.source,
        at: row.status === 'draft' ? row.updatedAt : (row.publishedAt ?? row.createdAt),
        authorId: row.authorId,
      }))
      .sort((a, b) => (b.version ?? Infinity) - (a.version ?? Infinity));
  }
}

function versionNotFound(scenarioId: string, version: number | null): SimulationError {
  return SimulationError.noVersion(
    version === null
      ? `Scenario "${scenarioId}" has no draft`
      : `Scenario "${scenarioId}" has no version ${version}`,
  );
}
