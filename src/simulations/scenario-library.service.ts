import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { MoreThanOrEqual, Repository } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { PeriodicTask } from '../common/periodic-task';
import { ContentCatalogue } from '../content/content-kind';
import { Rubric } from '../scoring/engine';
import { ScoringService } from '../scoring/scoring.service';
import { RubricLookup, Scenario } from './engine';
import { LoadedScenario, SCENARIOS } from './scenario-content.kind';
import { definitionOf } from './scenario-source';
import { ScenarioOrigin, ScenarioVersion } from './scenario-version.entity';
import { SimulationError } from './simulation-error';

/** A published scenario version anyone may play. */
export interface PublishedScenario {
  scenario: Scenario;
  versionId: string;
  origin: ScenarioOrigin;
  publishedAt: Date;
}

/** How often the library looks for versions published by other instances (lists and pages). */
export const SCENARIO_SYNC_MS = 15_000;

/**
 * Every playable scenario: content/scenarios (copied into the versions table at boot, so
 * sessions can be pinned to them) and the latest published version of each trainer-authored
 * one. Snapshots are parsed once and kept in memory: the turn path never re-reads YAML.
 *
 * Several instances may share one PostgreSQL database: a version published on another instance
 * is picked up before every session start (so a new session always starts on the newest
 * version) and every SCENARIO_SYNC_MS for the catalogue pages.
 */
@Injectable()
export class ScenarioLibrary implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ScenarioLibrary.name);
  private readonly current = new Map<string, PublishedScenario>();
  private readonly snapshots = new Map<string, Scenario>();
  private readonly content: LoadedScenario[];
  /** Publication time of the newest authored version registered so far. */
  private newestSeen = new Date(0);
  private readonly sync = new PeriodicTask(
    'scenario sync',
    SCENARIO_SYNC_MS,
    () => this.syncPublished(),
    this.logger,
  );
  private syncing: Promise<number> | undefined;

  constructor(
    catalogue: ContentCatalogue,
    @InjectRepository(ScenarioVersion) private readonly versions: Repository<ScenarioVersion>,
    private readonly scoring: ScoringService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.content = catalogue.get(SCENARIOS);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    this.sync.start({ runNow: false });
  }

  onApplicationShutdown(): Promise<void> {
    return this.sync.stop();
  }

  /**
   * Registers authored versions published since the newest one this instance knows (by any
   * instance sharing the database). Concurrent calls share one query. Returns how many were new.
   */
  syncPublished(): Promise<number> {
    this.syncing ??= this.versions
      .find({
        where: {
          origin: 'authored',
          status: 'published',
          publishedAt: MoreThanOrEqual(this.newestSeen),
        },
        order: { publishedAt: 'ASC', version: 'ASC' },
      })
      .then((rows) => rows.filter((row) => this.register(row)).length)
      .finally(() => {
        this.syncing = undefined;
      });
    return this.syncing;
  }

  /** Stores a snapshot of every content scenario not stored yet and rebuilds the list. */
  async refresh(): Promise<void> {
    this.current.clear();
    const authored = await this.versions.find({
      where: { origin: 'authored', status: 'published' },
      order: { version: 'ASC' },
    });
    for (const row of authored) this.register(row);
    for (const loaded of this.content) {
      const row = await this.storeContentSnapshot(loaded);
      if (this.current.get(row.scenarioId)?.origin === 'authored')
        this.logger.warn(
          `content scenario "${row.scenarioId}" hides the trainer-authored scenario of the same id`,
        );
      this.register(row);
    }
  }

  /** Published scenarios in title order. */
  list(): PublishedScenario[] {
    return [...this.current.values()].sort(
      (a, b) =>
        a.scenario.title.localeCompare(b.scenario.title) ||
        a.scenario.id.localeCompare(b.scenario.id),
    );
  }

  get(scenarioId: string): PublishedScenario {
    const entry = this.current.get(scenarioId);
    if (!entry) throw SimulationError.scenarioNotFound(scenarioId);
    return entry;
  }

  has(scenarioId: string): boolean {
    return this.current.has(scenarioId);
  }

  isContent(scenarioId: string): boolean {
    return this.content.some((loaded) => loaded.scenario.id === scenarioId);
  }

  contentSource(scenarioId: string): string | undefined {
    return this.content.find((loaded) => loaded.scenario.id === scenarioId)?.source;
  }

  /** The exact version a session is pinned to. */
  async snapshot(versionId: string): Promise<Scenario> {
    const cached = this.snapshots.get(versionId);
    if (cached) return cached;
    const row = await this.versions.findOne({ where: { id: versionId } });
    if (!row?.definition) throw new Error(`scenario version ${versionId} has no definition`);
    return this.remember(row.id, JSON.parse(row.definition) as Scenario);
  }

  /**
   * Makes a newly published version the one new sessions start on; an older or already known
   * version changes nothing. True when it became the current one.
   */
  register(row: ScenarioVersion): boolean {
    if (!row.definition) return false;
    if (row.origin === 'authored' && row.publishedAt && row.publishedAt > this.newestSeen)
      this.newestSeen = row.publishedAt;
    const existing = this.current.get(row.scenarioId);
    if (existing?.origin === 'content' && row.origin === 'authored') return false;
    if (existing?.versionId === row.id) return false;
    if (existing && existing.origin === row.origin && existing.scenario.version > row.version)
      return false;
    const scenario = this.remember(row.id, JSON.parse(row.definition) as Scenario);
    this.current.set(row.scenarioId, {
      scenario,
      versionId: row.id,
      origin: row.origin,
      publishedAt: row.publishedAt ?? row.createdAt,
    });
    return true;
  }

  /** Rubric ids a trainer's scenario may name: content/rubrics and the default. */
  readonly rubricLookup: RubricLookup = (id: string): Rubric | undefined => {
    try {
      return this.scoring.rubric(id);
    } catch {
      return undefined;
    }
  };

  private remember(versionId: string, scenario: Scenario): Scenario {
    const known = this.snapshots.get(versionId);
    if (known) return known;
    this.snapshots.set(versionId, scenario);
    return scenario;
  }

  private async storeContentSnapshot(loaded: LoadedScenario): Promise<ScenarioVersion> {
    const { scenario } = loaded;
    const { definition, hash } = definitionOf(scenario);
    const where = { scenarioId: scenario.id, version: scenario.version, publishedHash: hash };
    const stored = await this.versions.findOne({ where });
    if (stored) return stored;
    const older = await this.versions.count({
      where: { scenarioId: scenario.id, version: scenario.version, origin: 'content' },
    });
    if (older > 0)
      this.logger.warn(
        `${loaded.file} changed without a version bump (still ${scenario.version}); sessions already started keep their copy`,
      );
    const now = this.clock.now();
    const row: ScenarioVersion = {
      id: randomUUID(),
      scenarioId: scenario.id,
      version: scenario.version,
      origin: 'content',
      status: 'published',
      draftKey: null,
      title: scenario.title,
      source: loaded.source,
      definition,
      publishedHash: hash,
      authorId: null,
      createdAt: now,
      updatedAt: now,
      publishedAt: now,
    };
    try {
      await this.versions.insert(row);
      return row;
    } catch (error) {
      // Another instance stored the same snapshot first.
      const winner = await this.versions.findOne({ where });
      if (winner) return winner;
      throw error;
    }
  }
}
