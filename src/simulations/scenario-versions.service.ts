import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { EditorVersions, SourceRevision } from '../content/source-history';
import { UsersService } from '../identity/users.service';
import { AuthoredScenarioDetailView } from './dto/simulation-views.dto';
import { ScenarioAuthoringService } from './scenario-authoring.service';
import { ScenarioLibrary } from './scenario-library.service';
import { ScenarioVersion } from './scenario-version.entity';
import { SimulationError, SimulationErrorCode } from './simulation-error';

/**
 * The versions of a scenario (`scenario_versions`): history, changes and restore as
 * `EditorVersions` gives them. A content scenario lists the snapshots the service has run,
 * read-only: restoring one is 409 SCENARIO_READ_ONLY.
 */
@Injectable()
export class ScenarioVersionsService extends EditorVersions<AuthoredScenarioDetailView> {
  constructor(
    @InjectRepository(ScenarioVersion) versions: Repository<ScenarioVersion>,
    authoring: ScenarioAuthoringService,
    library: ScenarioLibrary,
    users: UsersService,
  ) {
    super(
      {
        noun: 'Scenario',
        revisions: (scenarioId) => revisionsOf(scenarioId, versions, library),
        saveDraft: (viewer, source) => authoring.saveDraft(viewer, source),
        assertWritable: (scenarioId) => {
          if (library.isContent(scenarioId))
            throw new SimulationError(
              SimulationErrorCode.ScenarioReadOnly,
              `"${scenarioId}" is a content scenario; copy it as a new draft to change it`,
            );
        },
        noVersion: SimulationError.noVersion,
        draftExists: (message, errors) =>
          new SimulationError(SimulationErrorCode.DraftExists, message, errors),
      },
      users,
    );
  }
}

async function revisionsOf(
  scenarioId: string,
  versions: Repository<ScenarioVersion>,
  library: ScenarioLibrary,
): Promise<SourceRevision[]> {
  const origin = library.isContent(scenarioId) ? 'content' : 'authored';
  const rows = await versions.find({
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
