import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsWhere, In, Raw, Repository } from 'typeorm';
import { ActivityWithdrawals } from '../activities/activity-withdrawals';
import { ROLES } from '../identity/role';
import { scopeTeams } from '../identity/team-scope';
import { chunksOf } from '../database/chunks';
import { Viewer } from '../identity/viewer';
import { UsersService } from '../identity/users.service';
import { ScoreReport } from '../scoring/engine';
import {
  AttemptSummaryView,
  MyScenarioStatusView,
  ScenarioResultsView,
  ScenarioSummaryView,
  StaffSessionView,
} from './dto/simulation-views.dto';
import { ResultsQueryDto, StaffSessionsQueryDto } from './dto/simulation-requests.dto';
import { bestAndLatest, scenarioResults } from './engine';
import { PublishedScenario, ScenarioLibrary } from './scenario-library.service';
import { attemptSummary } from './session-views';
import { SimulationSession } from './simulation-session.entity';
import { SimulationTurn } from './simulation-turn.entity';
import { TurnReview } from './turn-review.entity';

/** Read models: the scenario list with each person's status, session lists and per-scenario results. */
@Injectable()
export class SimulationReportsService {
  constructor(
    @InjectRepository(SimulationSession) private readonly sessions: Repository<SimulationSession>,
    @InjectRepository(SimulationTurn) private readonly turns: Repository<SimulationTurn>,
    @InjectRepository(TurnReview) private readonly reviews: Repository<TurnReview>,
    private readonly library: ScenarioLibrary,
    private readonly users: UsersService,
    private readonly withdrawals: ActivityWithdrawals,
  ) {}

  /** Every published scenario with the person's status: not started, in progress, best and latest. */
  async overview(userId: string): Promise<ScenarioSummaryView[]> {
    const [mine] = await Promise.all([
      this.sessions.find({ where: { userId }, order: { startedAt: 'ASC' } }),
      this.library.syncPublished(),
    ]);
    // A withdrawn scenario stays listed for those who played it (their results), not for others.
    return this.library.list().flatMap((published) => {
      const own = mine.filter((session) => session.scenarioId === published.scenario.id);
      const withdrawn = this.withdrawals.isWithdrawn('scenario', published.scenario.id);
      return withdrawn && own.length === 0 ? [] : [summaryOf(published, own, withdrawn)];
    });
  }

  async scenario(userId: string, scenarioId: string): Promise<ScenarioSummaryView> {
    const published = this.library.get(scenarioId);
    const mine = await this.sessions.find({
      where: { userId, scenarioId },
      order: { startedAt: 'ASC' },
    });
    return summaryOf(published, mine, this.withdrawals.isWithdrawn('scenario', scenarioId));
  }

  /** A person's sessions, newest first. */
  async userSessions(userId: string): Promise<StaffSessionView[]> {
    await this.users.get(userId);
    const rows = await this.sessions.find({
      where: { userId },
      order: { startedAt: 'DESC', id: 'ASC' },
    });
    return this.staffViews(rows);
  }

  /** Sessions for trainers: by default those of the teams the viewer manages. */
  async staffSessions(
    viewer: Viewer,
    query: StaffSessionsQueryDto,
  ): Promise<{ total: number; items: StaffSessionView[]; teams: string[] | null }> {
    const teams = scopeTeams(viewer, query.team);
    const where: FindOptionsWhere<SimulationSession> = {};
    if (query.scenarioId) where.scenarioId = query.scenarioId;
    if (query.status) where.status = query.status;
    // The review queue: finished sessions no one has reviewed yet, or those someone has.
    if (query.reviewed)
      where.id = Raw(
        (id) =>
          `${id} ${query.reviewed === 'yes' ? 'IN' : 'NOT IN'} (SELECT session_id FROM simulation_turn_reviews)`,
      );
    const people = await this.peopleIn(teams, query.q);
    if (people) {
      const allowed = query.userId ? people.filter((id) => id === query.userId) : people;
      if (allowed.length === 0) return { total: 0, items: [], teams };
      where.userId = In(allowed);
    } else if (query.userId) where.userId = query.userId;
    const [rows, total] = await this.sessions.findAndCount({
      where,
      order: { lastActivityAt: 'DESC', id: 'ASC' },
      take: query.limit ?? 100,
      skip: query.offset ?? 0,
    });
    return { total, items: await this.staffViews(rows), teams };
  }

  /** Pass rate, weakest dimensions and most-missed concepts over the finished sessions. */
  async results(
    viewer: Viewer,
    scenarioId: string,
    query: ResultsQueryDto,
  ): Promise<ScenarioResultsView> {
    const published = this.library.get(scenarioId);
    const where: FindOptionsWhere<SimulationSession> = { scenarioId };
    const teams = scopeTeams(viewer, query.team);
    const members = teams && (await this.memberIds(teams));
    if (members) where.userId = In(members);
    const sessions = members?.length === 0 ? [] : await this.sessions.find({ where });
    const finishedIds = sessions.filter((s) => s.status === 'finished').map((s) => s.id);
    const reports: ScoreReport[] = [];
    for (const chunk of chunksOf(finishedIds)) {
      const rows = await this.turns.find({
        select: { report: true },
        where: { sessionId: In(chunk) },
      });
      reports.push(...rows.map((row) => row.report));
    }
    return {
      scenarioId,
      title: published.scenario.title,
      team: query.team ?? null,
      results: scenarioResults(
        sessions.map((session) => ({
          finished: session.status === 'finished',
          outcome: session.outcome,
          passed: session.passed,
          meanScore: session.meanScore,
        })),
        reports,
      ),
    };
  }

  private async memberIds(teams: readonly string[]): Promise<string[]> {
    return (await this.users.membersOf(teams)).map((user) => user.id);
  }

  /** The ids of the people whose sessions may be listed; null: anyone's. */
  private async peopleIn(
    teams: readonly string[] | null,
    q: string | undefined,
  ): Promise<string[] | null> {
    if (teams?.length === 0) return [];
    if (q) {
      // Anyone may have played a scenario, staff too: every role, past members included.
      const found = await this.users.listPeople({
        roles: ROLES,
        teams: teams ?? undefined,
        inactiveToo: true,
        q,
      });
      return found.map((person) => person.id);
    }
    return teams ? this.memberIds(teams) : null;
  }

  private async staffViews(rows: SimulationSession[]): Promise<StaffSessionView[]> {
    const people = new Map(
      (await this.users.listByIds(rows.map((row) => row.userId))).map((user) => [user.id, user]),
    );
    const reviews = await this.reviewCounts(rows.map((row) => row.id));
    return rows.map((row) => ({
      ...attemptSummary(row),
      userId: row.userId,
      userName: people.get(row.userId)?.displayName ?? row.userId,
      team: people.get(row.userId)?.team ?? null,
      scenarioId: row.scenarioId,
      title: this.library.has(row.scenarioId)
        ? this.library.get(row.scenarioId).scenario.title
        : row.scenarioId,
      lastActivityAt: row.lastActivityAt.toISOString(),
      reviews: reviews.get(row.id) ?? 0,
    }));
  }

  /** How many reviews each session's replies have, for the sessions listed. */
  private async reviewCounts(sessionIds: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const chunk of chunksOf(sessionIds)) {
      const rows = await this.reviews
        .createQueryBuilder('review')
        .select('review.session_id', 'sessionId')
        .addSelect('COUNT(*)', 'count')
        .where({ sessionId: In(chunk) })
        .groupBy('review.session_id')
        .getRawMany<{ sessionId: string; count: string | number }>();
      for (const row of rows) counts.set(row.sessionId, Number(row.count));
    }
    return counts;
  }
}

function summaryOf(
  published: PublishedScenario,
  mine: readonly SimulationSession[],
  withdrawn: boolean,
): ScenarioSummaryView {
  const { scenario } = published;
  return {
    id: scenario.id,
    version: scenario.version,
    title: scenario.title,
    summary: scenario.summary,
    tags: scenario.tags,
    channel: scenario.channel,
    difficulty: scenario.difficulty,
    passMark: scenario.passMark,
    origin: published.origin,
    customer: scenario.persona.name,
    startingMood: scenario.persona.mood,
    mine: statusOf(mine),
    withdrawn,
  };
}

function statusOf(mine: readonly SimulationSession[]): MyScenarioStatusView {
  const active = mine.find((session) => session.status === 'active') ?? null;
  const { best, latest } = bestAndLatest(mine);
  const summary = (session: SimulationSession | null): AttemptSummaryView | null =>
    session ? attemptSummary(session) : null;
  return {
    status: active ? 'in-progress' : best ? (best.passed ? 'passed' : 'failed') : 'not-started',
    activeSessionId: active?.id ?? null,
    attempts: mine.length,
    best: summary(best),
    latest: summary(latest),
  };
}
