import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, LessThan, Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ActivityWithdrawals } from '../activities/activity-withdrawals';
import { ContentCatalogue } from '../content/content-kind';
import { COURSES } from '../courses/course-content.kind';
import { coursesTraining, WEAK_BELOW } from '../courses/courses-training';
import { Clock, CLOCK } from '../common/clock';
import { PeriodicTask } from '../common/periodic-task';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { runTransaction } from '../database/transactions';
import { isStaff } from '../identity/role';
import { UsersService } from '../identity/users.service';
import { Viewer } from '../identity/viewer';
import { assertScorableLength } from '../scoring/scoring-error';
import { sharedEngine } from '../scoring/shared-engine';
import { DebriefView, SessionView, TurnView } from './dto/simulation-views.dto';
import {
  buildDebrief,
  dialogueStep,
  dimensionMeans,
  scoreInputFor,
  sessionVerdict,
  startSession,
  takeTurn,
} from './engine';
import { ScenarioLibrary } from './scenario-library.service';
import { SESSION_IDLE_MS, sessionView, turnRecord, turnView } from './session-views';
import { SimulationError, SimulationErrorCode } from './simulation-error';
import { SimulationRecords } from './simulation-records';
import { SimulationSession } from './simulation-session.entity';
import { SimulationTurn } from './simulation-turn.entity';
import { TurnWriter } from './turn-writer';

const SWEEP_MS = 3600 * 1000;
// Open sessions whose row this process wrote last, kept to skip re-reading them on the next reply.
const OPEN_CACHE_MAX = 20_000;

/**
 * Role-play sessions: start (or resume), one reply per turn, the debrief. A turn is scored and
 * run through the engine before anything is written; TurnWriter then stores the turn row
 * (unique per session and index, so a double submit cannot store two) and the session row
 * (guarded by the turn count it was read with) in one transaction.
 */
@Injectable()
export class SessionsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionsService.name);
  private readonly sweep = new PeriodicTask(
    'expiring idle sessions',
    SWEEP_MS,
    () => this.expireIdle(),
    this.logger,
  );
  /**
   * The open sessions' rows as this process last stored them, by id. Only a hint: a reply for
   * the turn count held here is scored from it, and the guarded update (turn_count and status
   * as read) decides; anything else (another index, a collision, a session that moved on in
   * another process or expired) reads the row again. Finished sessions are dropped.
   */
  private readonly open = new Map<string, SimulationSession>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(SimulationSession) private readonly sessions: Repository<SimulationSession>,
    @InjectRepository(SimulationTurn) private readonly turns: Repository<SimulationTurn>,
    private readonly library: ScenarioLibrary,
    private readonly writer: TurnWriter,
    private readonly records: SimulationRecords,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly catalogue: ContentCatalogue,
    private readonly withdrawals: ActivityWithdrawals,
  ) {}

  /** Resumes the viewer's active session of this scenario, or starts one on its current version. */
  async start(
    viewer: Viewer,
    scenarioId: string,
  ): Promise<{ view: SessionView; created: boolean }> {
    // Another instance may have published a newer version (or the scenario itself), or
    // withdrawn it, meanwhile.
    await Promise.all([this.library.syncPublished(), this.withdrawals.refresh()]);
    const published = this.library.get(scenarioId);
    const open = await this.openSession(viewer.id, scenarioId);
    if (open) return { view: await this.present(open), created: false };
    if (this.withdrawals.isWithdrawn('scenario', scenarioId))
      throw new SimulationError(
        SimulationErrorCode.ScenarioWithdrawn,
        'The trainers have withdrawn this scenario: it cannot be started now',
      );
    const now = this.clock.now();
    const previous = await this.sessions.count({ where: { userId: viewer.id, scenarioId } });
    const seed = randomBytes(16).toString('hex');
    const state = startSession(published.scenario, seed);
    const session: SimulationSession = {
      id: randomUUID(),
      userId: viewer.id,
      scenarioId,
      scenarioVersion: published.scenario.version,
      versionId: published.versionId,
      attemptNumber: previous + 1,
      seed,
      status: state.finished ? 'finished' : 'active',
      openKey: state.finished ? null : 'open',
      turnCount: 0,
      scoreSum: 0,
      anger: state.anger,
      state,
      startedAt: now,
      lastActivityAt: now,
      finishedAt: state.finished ? now : null,
      outcome: state.outcome,
      passed: state.finished ? false : null,
      meanScore: null,
    };
    try {
      await runTransaction(this.dataSource, async (manager) => {
        await manager.insert(
          SimulationSession,
          session as QueryDeepPartialEntity<SimulationSession>,
        );
        await this.records.attempted(manager, published.scenario, session);
      });
    } catch (error) {
      // Two starts at once: the unique index let one through; resume that one.
      const winner = await this.openSession(viewer.id, scenarioId);
      if (winner) return { view: await this.present(winner), created: false };
      throw error;
    }
    return { view: await this.present(session), created: true };
  }

  async get(viewer: Viewer, sessionId: string): Promise<SessionView> {
    return this.present(await this.visible(viewer, sessionId));
  }

  /** One reply. The same turn index again answers with the stored turn (`replayed`). */
  async turn(
    viewer: Viewer,
    sessionId: string,
    input: { turnIndex: number; text: string },
  ): Promise<TurnView> {
    const cached = this.open.get(sessionId);
    const session =
      cached && cached.turnCount === input.turnIndex
        ? cached
        : await this.sessions.findOne({ where: { id: sessionId } });
    if (!session || session.userId !== viewer.id) throw SimulationError.sessionNotFound();
    if (input.turnIndex < session.turnCount) return this.storedTurn(session, input.turnIndex);
    this.assertPlayable(session);
    if (this.isIdle(session)) {
      await this.expire(session.id);
      throw this.expiredError();
    }
    if (input.turnIndex > session.turnCount)
      throw new SimulationError(
        SimulationErrorCode.TurnOutOfOrder,
        `The next reply is turn ${session.turnCount}`,
        [{ path: 'turnIndex', messages: [`expected ${session.turnCount}`] }],
      );
    assertScorableLength(input.text, this.config.scoringMaxChars);
    const scenario = await this.library.snapshot(session.versionId);
    const step = dialogueStep(scenario, session.state.stepId);
    const report = sharedEngine().score(
      scoreInputFor(step, session.state.customerLine, input.text),
    );
    const result = takeTurn({
      scenario,
      state: session.state,
      reply: input.text,
      report,
      seed: session.seed,
    });
    const now = this.clock.now();
    const turn: SimulationTurn = {
      id: randomUUID(),
      sessionId,
      turnIndex: input.turnIndex,
      stepId: result.stepId,
      customerLine: result.customerLine,
      reply: input.text,
      report,
      overall: report.overall,
      branchIndex: result.branchIndex,
      nextStepId: result.next,
      reaction: result.reaction,
      nextLine: result.state.customerLine,
      trigger: result.trigger,
      angerBefore: result.angerBefore,
      angerAfter: result.angerAfter,
      moodBefore: result.moodBefore,
      moodAfter: result.moodAfter,
      reasons: result.reasons,
      createdAt: now,
    };
    const finished = result.state.finished;
    const turnCount = session.turnCount + 1;
    const scoreSum = session.scoreSum + report.overall;
    const verdict = sessionVerdict(scenario.passMark, result.state.outcome, scoreSum, turnCount);
    const change: Partial<SimulationSession> = {
      turnCount,
      scoreSum,
      anger: result.state.anger,
      state: result.state,
      lastActivityAt: now,
      ...(finished
        ? {
            status: 'finished' as const,
            openKey: null,
            finishedAt: now,
            outcome: result.state.outcome,
            passed: verdict.passed,
            meanScore: verdict.meanScore,
          }
        : {}),
    };
    const updated: SimulationSession = { ...session, ...change };
    this.open.delete(sessionId);
    const written = await this.writer.write({
      turn,
      expectedCount: session.turnCount,
      change,
      finished: finished
        ? {
            scenario,
            session: updated,
            dimensions: dimensionMeans(
              [...(await this.turnsOf(sessionId)), turn].map((t) => t.report),
            ),
          }
        : null,
    });
    if (written === 'duplicate') {
      // A double submit: the other request stored this turn first; answer as it did.
      const current = await this.reload(sessionId);
      return this.storedTurn(current, input.turnIndex);
    }
    if (written === 'stale') {
      // The session expired, finished or moved on while this reply was being scored.
      const current = await this.reload(sessionId);
      this.assertPlayable(current);
      throw new SimulationError(
        SimulationErrorCode.TurnOutOfOrder,
        `The next reply is turn ${current.turnCount}`,
        [{ path: 'turnIndex', messages: [`expected ${current.turnCount}`] }],
      );
    }
    if (!finished) this.remember(updated);
    return turnView(updated, turn, false);
  }

  private remember(session: SimulationSession): void {
    if (this.open.size >= OPEN_CACHE_MAX) {
      const oldest = this.open.keys().next();
      if (!oldest.done) this.open.delete(oldest.value);
    }
    this.open.set(session.id, session);
  }

  async debrief(viewer: Viewer, sessionId: string): Promise<DebriefView> {
    const session = await this.visible(viewer, sessionId);
    if (session.status !== 'finished')
      throw new SimulationError(
        SimulationErrorCode.DebriefNotReady,
        'The debrief is ready once the conversation has ended',
      );
    const scenario = await this.library.snapshot(session.versionId);
    const turns = await this.turnsOf(session.id);
    const { name, situation, wants } = scenario.persona;
    const debrief = buildDebrief(scenario, session.outcome, turns.map(turnRecord));
    const weak = debrief.dimensions
      .filter((item) => item.mean < WEAK_BELOW)
      .map((item) => item.dimension);
    return {
      sessionId: session.id,
      userId: session.userId,
      scenarioId: session.scenarioId,
      scenarioVersion: session.scenarioVersion,
      title: scenario.title,
      attemptNumber: session.attemptNumber,
      persona: { name, situation, wants },
      debrief,
      courses: coursesTraining(this.catalogue.get(COURSES), weak),
    };
  }

  /** Ends every active session idle for longer than SESSION_IDLE_MS; returns how many. */
  async expireIdle(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - SESSION_IDLE_MS);
    const result = await this.sessions
      .createQueryBuilder()
      .update(SimulationSession)
      .set({ status: 'expired', openKey: null })
      .where({ status: 'active', lastActivityAt: LessThan(cutoff) })
      .execute();
    this.open.clear();
    return result.affected ?? 0;
  }

  onApplicationBootstrap(): void {
    this.sweep.start({ runNow: true });
  }

  onApplicationShutdown(): Promise<void> {
    return this.sweep.stop();
  }

  /** The session for its owner or staff; anyone else gets the same 404 as for no session. */
  async visible(viewer: Viewer, sessionId: string): Promise<SimulationSession> {
    const session = await this.sessions.findOne({ where: { id: sessionId } });
    if (!session || !(await this.mayRead(viewer, session.userId)))
      throw SimulationError.sessionNotFound();
    if (session.status === 'active' && this.isIdle(session)) {
      await this.expire(session.id);
      return this.reload(session.id);
    }
    return session;
  }

  /** Owners read their sessions; staff those of the people in their teams (hr, admin: all). */
  private async mayRead(viewer: Viewer, userId: string): Promise<boolean> {
    if (userId !== viewer.id && !isStaff(viewer.roles)) return false;
    return this.users.maySee(viewer, userId);
  }

  private async present(session: SimulationSession): Promise<SessionView> {
    const scenario = await this.library.snapshot(session.versionId);
    return sessionView(scenario, session, await this.turnsOf(session.id));
  }

  private async storedTurn(
    session: SimulationSession,
    turnIndex: number,
    known?: SimulationTurn,
  ): Promise<TurnView> {
    const turn =
      known ?? (await this.turns.findOne({ where: { sessionId: session.id, turnIndex } }));
    if (!turn) throw SimulationError.sessionNotFound();
    return turnView(session, turn, true);
  }

  private async openSession(userId: string, scenarioId: string): Promise<SimulationSession | null> {
    const open = await this.sessions.findOne({ where: { userId, scenarioId, status: 'active' } });
    if (!open) return null;
    if (!this.isIdle(open)) return open;
    await this.expire(open.id);
    return null;
  }

  private turnsOf(sessionId: string): Promise<SimulationTurn[]> {
    return this.turns.find({ where: { sessionId }, order: { turnIndex: 'ASC' } });
  }

  private async reload(sessionId: string): Promise<SimulationSession> {
    const session = await this.sessions.findOne({ where: { id: sessionId } });
    if (!session) throw SimulationError.sessionNotFound();
    return session;
  }

  private isIdle(session: SimulationSession): boolean {
    return this.clock.now().getTime() - session.lastActivityAt.getTime() > SESSION_IDLE_MS;
  }

  private async expire(sessionId: string): Promise<void> {
    this.open.delete(sessionId);
    await this.sessions.update(
      { id: sessionId, status: 'active' },
      { status: 'expired', openKey: null },
    );
  }

  private assertPlayable(session: SimulationSession): void {
    if (session.status === 'finished')
      throw new SimulationError(
        SimulationErrorCode.SessionFinished,
        'This conversation has ended; see the debrief or start again',
      );
    if (session.status === 'expired') throw this.expiredError();
  }

  private expiredError(): SimulationError {
    return new SimulationError(
      SimulationErrorCode.SessionExpired,
      'This session expired after a day without a reply; start the scenario again',
    );
  }
}
