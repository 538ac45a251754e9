import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ActivityWithdrawals } from '../activities/activity-withdrawals';
import { Clock, CLOCK } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { sourceFieldErrors, sourceIssue, sourceTitle } from '../content/editor-source';
import { idTaken } from '../content/editing.dto';
import { parseYaml } from '../content/yaml-source';
import { runTransaction } from '../database/transactions';
import { AuditService } from '../identity/audit.service';
import { Viewer } from '../identity/viewer';
import { assertScorableLength } from '../scoring/scoring-error';
import { sharedEngine } from '../scoring/shared-engine';
import { TryReplyDto } from './dto/simulation-requests.dto';
import {
  AuthoredScenarioDetailView,
  AuthoredScenarioView,
  TryReplyView,
  ValidationView,
} from './dto/simulation-views.dto';
import { describeCondition, findStep, flowOf, Scenario, tryReply } from './engine';
import { ScenarioLibrary } from './scenario-library.service';
import { calibrateSource, definitionOf, parseScenarioSource } from './scenario-source';
import { ScenarioVersion } from './scenario-version.entity';
import { SimulationError, SimulationErrorCode } from './simulation-error';

// What the editor's messages name as the file.
const SOURCE_NAME = 'scenario.yaml';
const DRAFT_KEY = 'draft';

type Checked =
  | { valid: true; scenario: Scenario; view: ValidationView }
  | { valid: false; scenario: Scenario | null; view: ValidationView };

/**
 * Trainers' scenarios: validate YAML as they type, try a reply against a step, keep one draft
 * per scenario id, and publish it as a new immutable version once every calibration example
 * takes its branch. Content scenarios (content/scenarios) are listed read-only; their source
 * may be copied under a new id.
 */
@Injectable()
export class ScenarioAuthoringService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ScenarioVersion) private readonly versions: Repository<ScenarioVersion>,
    private readonly library: ScenarioLibrary,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly withdrawals: ActivityWithdrawals,
  ) {}

  /** Trainer-authored scenarios (drafts and published), then the read-only content ones. */
  async list(_viewer: Viewer): Promise<AuthoredScenarioView[]> {
    const rows = await this.versions.find({
      select: ['id', 'scenarioId', 'version', 'status', 'title', 'updatedAt', 'publishedAt'],
      where: { origin: 'authored' },
      order: { scenarioId: 'ASC', version: 'ASC' },
    });
    const authored = new Map<string, ScenarioVersion[]>();
    for (const row of rows)
      authored.set(row.scenarioId, [...(authored.get(row.scenarioId) ?? []), row]);
    const views: AuthoredScenarioView[] = [...authored.entries()].map(([scenarioId, own]) =>
      this.summary(scenarioId, own),
    );
    for (const published of this.library.list()) {
      if (published.origin !== 'content') continue;
      views.push({
        scenarioId: published.scenario.id,
        origin: 'content',
        readOnly: true,
        title: published.scenario.title,
        publishedVersion: published.scenario.version,
        hasDraft: false,
        updatedAt: published.publishedAt.toISOString(),
        withdrawn: null,
      });
    }
    return views.sort(
      (a, b) =>
        Number(a.readOnly) - Number(b.readOnly) ||
        a.title.localeCompare(b.title) ||
        a.scenarioId.localeCompare(b.scenarioId),
    );
  }

  /** One scenario for the editor: its source (the draft's if any), validation, flow and versions. */
  async get(_viewer: Viewer, scenarioId: string): Promise<AuthoredScenarioDetailView> {
    if (this.library.isContent(scenarioId)) return this.contentDetail(scenarioId);
    const own = await this.versions.find({
      where: { scenarioId, origin: 'authored' },
      order: { version: 'DESC' },
    });
    if (own.length === 0) throw SimulationError.scenarioNotFound(scenarioId);
    const draft = own.find((row) => row.status === 'draft') ?? null;
    const published = own.filter((row) => row.status === 'published');
    const source = draft?.source ?? published[0].source;
    return {
      ...this.summary(scenarioId, own),
      source,
      draft: draft && {
        updatedAt: draft.updatedAt.toISOString(),
        authorId: draft.authorId,
        nextVersion: nextVersion(published),
      },
      validation: this.check(source).view,
      versions: published.map((row) => ({
        version: row.version,
        versionId: row.id,
        publishedAt: (row.publishedAt ?? row.createdAt).toISOString(),
        authorId: row.authorId,
      })),
    };
  }

  /**
   * Checks a YAML text as the editor has it: syntax, every field and reference (each problem
   * with its line and field path), then the calibration examples; with the flow once it parses.
   * Never throws for a bad scenario: an answer with issues is the point.
   */
  validate(source: string): ValidationView {
    const checked = this.check(source);
    const id = checked.view.scenarioId;
    if (id && this.library.isContent(id)) {
      checked.view.valid = false;
      checked.view.issues.unshift({
        line: lineOfId(source),
        path: 'id',
        message: `"${id}" is a content scenario (read-only here): save your copy under a new id`,
      });
    }
    return checked.view;
  }

  /** What a reply to one step would score and which branch it would take, at an anger level. */
  tryReply(dto: TryReplyDto): TryReplyView {
    assertScorableLength(dto.text, this.config.scoringMaxChars);
    const checked = this.check(dto.source, { calibrate: false });
    if (!checked.scenario) throw invalid(checked.view, 'The scenario has errors; fix them first');
    const scenario = checked.scenario;
    const step = findStep(scenario, dto.stepId);
    if (!step || step.kind !== 'dialogue')
      throw new SimulationError(
        SimulationErrorCode.StepNotFound,
        step ? `"${dto.stepId}" is an outcome step: it takes no reply` : `No step "${dto.stepId}"`,
        [
          {
            path: 'stepId',
            messages: [
              `must be one of the dialogue steps: ${scenario.steps
                .filter((candidate) => candidate.kind === 'dialogue')
                .map((candidate) => candidate.id)
                .join(', ')}`,
            ],
          },
        ],
      );
    const { report, turn } = tryReply({
      scorer: sharedEngine(),
      scenario,
      stepId: step.id,
      text: dto.text,
      anger: dto.anger,
    });
    const branch = step.branches[turn.branchIndex];
    return {
      stepId: step.id,
      customerLine: turn.customerLine,
      report,
      branchIndex: turn.branchIndex,
      condition: describeCondition(branch.when),
      branchNext: branch.next,
      next: turn.next,
      reaction: turn.reaction,
      trigger: turn.trigger,
      nextLine: turn.state.customerLine,
      angerBefore: turn.angerBefore,
      angerAfter: turn.angerAfter,
      moodAfter: turn.moodAfter,
      reasons: turn.reasons,
    };
  }

  /**
   * Saves the one draft of the scenario named by the source's `id`. A draft may be saved with
   * errors (work is never lost; publishing refuses it), but it needs well-formed YAML and a
   * usable `id`, since that is what it is filed under. Content scenario ids are refused.
   */
  async saveDraft(
    viewer: Viewer,
    source: string,
    editing?: string | null,
  ): Promise<AuthoredScenarioDetailView> {
    const scenarioId = this.idOf(source);
    if (this.library.isContent(scenarioId))
      throw new SimulationError(
        SimulationErrorCode.ScenarioReadOnly,
        `"${scenarioId}" is a content scenario; save your copy under a new id`,
        [{ path: 'source.id', messages: ['is the id of a content scenario (read-only)'] }],
      );
    const existing = await this.versions.findOne({
      select: ['id', 'title'],
      where: { scenarioId, origin: 'authored' },
      order: { version: 'DESC' },
    });
    const taken = idTaken('scenario', editing, scenarioId, existing?.title ?? null);
    if (taken)
      throw new SimulationError(SimulationErrorCode.ScenarioIdTaken, taken.message, taken.errors);
    const title = sourceTitle(SOURCE_NAME, source, scenarioId);
    await runTransaction(this.dataSource, async (manager) => {
      const now = this.clock.now();
      const change = { source, title, authorId: viewer.id, updatedAt: now };
      const updated = await manager.update(
        ScenarioVersion,
        { scenarioId, origin: 'authored', draftKey: DRAFT_KEY },
        change,
      );
      if (updated.affected) return;
      const published = await manager.find(ScenarioVersion, {
        select: ['version'],
        where: { scenarioId, status: 'published' },
      });
      const row: ScenarioVersion = {
        id: randomUUID(),
        scenarioId,
        version: nextVersion(published),
        origin: 'authored',
        status: 'draft',
        draftKey: DRAFT_KEY,
        definition: null,
        publishedHash: null,
        createdAt: now,
        publishedAt: null,
        ...change,
      };
      await manager.insert(ScenarioVersion, row as QueryDeepPartialEntity<ScenarioVersion>);
    });
    return this.get(viewer, scenarioId);
  }

  /**
   * Publishes the draft as the next version: refused (422) while the scenario has an error or
   * a calibration example takes another branch. New sessions start on it; sessions already
   * running stay on the version they started with. Audited as `simulation.scenario.published`.
   */
  async publish(viewer: Viewer, scenarioId: string): Promise<AuthoredScenarioDetailView> {
    if (this.library.isContent(scenarioId))
      throw new SimulationError(
        SimulationErrorCode.ScenarioReadOnly,
        `"${scenarioId}" is a content scenario: it is published from content/scenarios`,
      );
    const draft = await this.versions.findOne({
      where: { scenarioId, origin: 'authored', draftKey: DRAFT_KEY },
    });
    if (!draft)
      throw new SimulationError(
        SimulationErrorCode.NoDraft,
        `Scenario "${scenarioId}" has no draft to publish`,
      );
    const checked = this.check(draft.source);
    if (!checked.valid)
      throw invalid(checked.view, `Scenario "${scenarioId}" cannot be published yet`);
    const now = this.clock.now();
    const published = await runTransaction(this.dataSource, async (manager) => {
      const earlier = await manager.find(ScenarioVersion, {
        select: ['version'],
        where: { scenarioId, status: 'published' },
      });
      const version = nextVersion(earlier);
      // The number in the YAML is the author's; the published snapshot carries the real one.
      const scenario: Scenario = { ...checked.scenario, version };
      const { definition, hash } = definitionOf(scenario);
      const row: ScenarioVersion = {
        id: randomUUID(),
        scenarioId,
        version,
        origin: 'authored',
        status: 'published',
        draftKey: null,
        title: scenario.title.slice(0, 200),
        source: draft.source,
        definition,
        publishedHash: hash,
        authorId: viewer.id,
        createdAt: now,
        updatedAt: now,
        publishedAt: now,
      };
      // Guarded on the draft we validated: a draft saved meanwhile is not published unchecked.
      const removed = await manager.delete(ScenarioVersion, {
        id: draft.id,
        updatedAt: draft.updatedAt,
      });
      if (removed.affected !== 1)
        throw new SimulationError(
          SimulationErrorCode.ScenarioIdTaken,
          'The draft changed while it was being published; reload it and publish again',
        );
      await manager.insert(ScenarioVersion, row as QueryDeepPartialEntity<ScenarioVersion>);
      await this.audit.record(
        viewer,
        {
          action: 'simulation.scenario.published',
          targetType: 'scenario',
          targetId: scenarioId,
          summary: {
            version,
            versionId: row.id,
            title: scenario.title,
            calibrationExamples: checked.view.calibration.length,
          },
        },
        manager,
      );
      return row;
    });
    this.library.register(published);
    return this.get(viewer, scenarioId);
  }

  /**
   * Takes a published scenario away from trainees: no new session starts (409
   * SCENARIO_WITHDRAWN) and it leaves their list (but for those who played it). Sessions
   * already started may be finished; results, and passes towards certificates, stay.
   * 409 NOT_PUBLISHED before the first publication, SCENARIO_WITHDRAWN when it already is,
   * SCENARIO_READ_ONLY for a content scenario.
   */
  async withdraw(
    viewer: Viewer,
    scenarioId: string,
    reason: string,
  ): Promise<AuthoredScenarioDetailView> {
    await this.assertPublished(scenarioId);
    if (!(await this.withdrawals.withdraw(viewer, 'scenario', scenarioId, reason)))
      throw new SimulationError(
        SimulationErrorCode.ScenarioWithdrawn,
        `Scenario "${scenarioId}" is already withdrawn`,
      );
    return this.get(viewer, scenarioId);
  }

  /** Offers a withdrawn scenario again (its latest version). 409 NOT_WITHDRAWN when it is not. */
  async reinstate(viewer: Viewer, scenarioId: string): Promise<AuthoredScenarioDetailView> {
    await this.assertPublished(scenarioId);
    if (!(await this.withdrawals.reinstate(viewer, 'scenario', scenarioId)))
      throw new SimulationError(
        SimulationErrorCode.NotWithdrawn,
        `Scenario "${scenarioId}" is not withdrawn`,
      );
    return this.get(viewer, scenarioId);
  }

  private async assertPublished(scenarioId: string): Promise<void> {
    if (this.library.isContent(scenarioId))
      throw new SimulationError(
        SimulationErrorCode.ScenarioReadOnly,
        `"${scenarioId}" is a content scenario (content/scenarios): remove its file to retire it`,
      );
    const rows = await this.versions.find({
      select: ['id', 'status'],
      where: { scenarioId, origin: 'authored' },
    });
    if (rows.length === 0) throw SimulationError.scenarioNotFound(scenarioId);
    if (!rows.some((row) => row.status === 'published'))
      throw new SimulationError(
        SimulationErrorCode.NotPublished,
        `Scenario "${scenarioId}" was never published: trainees cannot see it yet`,
      );
  }

  /** Parse, then (when it parses and `calibrate`) run the calibration examples. */
  private check(source: string, options = { calibrate: true }): Checked {
    const parsed = parseScenarioSource(SOURCE_NAME, source, this.library.rubricLookup);
    if (!parsed.ok)
      return {
        valid: false,
        scenario: null,
        view: {
          valid: false,
          scenarioId: parsed.id ?? null,
          issues: parsed.issues.map(sourceIssue),
          calibration: [],
          flow: null,
        },
      };
    const { scenario } = parsed;
    const calibration = options.calibrate
      ? calibrateSource(sharedEngine(), scenario, parsed.source)
      : { checks: [], issues: [] };
    const view: ValidationView = {
      valid: calibration.issues.length === 0,
      scenarioId: scenario.id,
      issues: calibration.issues.map(sourceIssue),
      calibration: calibration.checks,
      flow: flowOf(scenario),
    };
    return view.valid ? { valid: true, scenario, view } : { valid: false, scenario, view };
  }

  /** The `id` a draft is filed under; a 422 when the YAML or the id is unusable. */
  private idOf(source: string): string {
    const parsed = parseYaml(SOURCE_NAME, source);
    if (!parsed.ok)
      throw invalid(
        { issues: parsed.issues.map(sourceIssue) },
        'The YAML cannot be read; a draft needs well-formed YAML',
      );
    const data = parsed.source.data as { id?: unknown } | null;
    const id = data && typeof data === 'object' ? data.id : undefined;
    if (typeof id !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) || id.length > 80)
      throw new SimulationError(
        SimulationErrorCode.ScenarioInvalid,
        'A draft is filed under its `id`: give the scenario a kebab-case id first',
        [
          {
            path: 'source.id',
            messages: ['must be a kebab-case id (a-z, 0-9 and single hyphens, at most 80)'],
          },
        ],
      );
    return id;
  }

  private summary(scenarioId: string, own: readonly ScenarioVersion[]): AuthoredScenarioView {
    const draft = own.find((row) => row.status === 'draft');
    const published = own.filter((row) => row.status === 'published');
    const latest = published.reduce<ScenarioVersion | undefined>(
      (best, row) => (!best || row.version > best.version ? row : best),
      undefined,
    );
    const updated = own.reduce((time, row) => Math.max(time, row.updatedAt.getTime()), 0);
    return {
      scenarioId,
      origin: 'authored',
      readOnly: false,
      title: (draft ?? latest)?.title ?? scenarioId,
      publishedVersion: latest?.version ?? null,
      hasDraft: draft !== undefined,
      updatedAt: new Date(updated).toISOString(),
      withdrawn: this.withdrawals.of('scenario', scenarioId),
    };
  }

  private contentDetail(scenarioId: string): AuthoredScenarioDetailView {
    const published = this.library.get(scenarioId);
    const source = this.library.contentSource(scenarioId) ?? '';
    return {
      scenarioId,
      origin: 'content',
      readOnly: true,
      title: published.scenario.title,
      publishedVersion: published.scenario.version,
      hasDraft: false,
      updatedAt: published.publishedAt.toISOString(),
      withdrawn: null,
      source,
      draft: null,
      validation: this.check(source).view,
      versions: [
        {
          version: published.scenario.version,
          versionId: published.versionId,
          publishedAt: published.publishedAt.toISOString(),
          authorId: null,
        },
      ],
    };
  }
}

function nextVersion(published: readonly Pick<ScenarioVersion, 'version'>[]): number {
  return published.reduce((max, row) => Math.max(max, row.version), 0) + 1;
}

/** 422 listing every issue as `source.<field path>` with its line, as the API's error tree. */
function invalid(view: Pick<ValidationView, 'issues'>, message: string): SimulationError {
  return new SimulationError(
    SimulationErrorCode.ScenarioInvalid,
    message,
    sourceFieldErrors(view.issues),
  );
}

function lineOfId(source: string): number | undefined {
  const parsed = parseYaml(SOURCE_NAME, source);
  return parsed.ok ? parsed.source.lineOf(['id']) : undefined;
}
