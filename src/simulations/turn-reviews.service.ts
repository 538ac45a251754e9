import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, Repository, SelectQueryBuilder } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { AppError } from '../common/domain-error';
import { chunksOf } from '../database/chunks';
import { insertOrUpdate } from '../database/save-once';
import { DAY_MS, dayStartUtc } from '../common/time';
import { AuditService } from '../identity/audit.service';
import { scopeTeams } from '../identity/team-scope';
import { UsersService } from '../identity/users.service';
import { Viewer } from '../identity/viewer';
import { JudgedReply, judgementAgreement, verdictAgreement } from '../scoring/engine';
import {
  ReceivedReviewView,
  ReviewTurnDto,
  TurnReviewAgreementView,
  TurnReviewsQueryDto,
  TurnReviewView,
} from './dto/turn-review.dto';
import { dialogueStep, scoreInputFor } from './engine';
import { ScenarioLibrary } from './scenario-library.service';
import { SessionsService } from './sessions.service';
import { SimulationError, SimulationErrorCode } from './simulation-error';
import { SimulationSession } from './simulation-session.entity';
import { SimulationTurn } from './simulation-turn.entity';
import { TurnReview } from './turn-review.entity';
import { UnseenReviewsService } from './unseen-reviews.service';

const DISAGREEMENTS_SHOWN = 20;

/** A review with the reply and session it judges. */
interface ReviewedReply {
  review: TurnReview;
  turn: SimulationTurn;
  session: SimulationSession;
}

/**
 * Trainers' and supervisors' own judgements of role-play replies ("sampled recording reviews"):
 * a verdict, politeness and empathy ratings and a coaching note per reply, and how far the
 * engine agrees with them. The agreement report and the JSON-lines export are how a rubric, or
 * the engine's weights, get checked against the people who use them.
 */
@Injectable()
export class TurnReviewsService {
  constructor(
    @InjectRepository(TurnReview) private readonly reviews: Repository<TurnReview>,
    @InjectRepository(SimulationTurn) private readonly turns: Repository<SimulationTurn>,
    @InjectRepository(SimulationSession) private readonly sessions: Repository<SimulationSession>,
    private readonly sessionAccess: SessionsService,
    private readonly library: ScenarioLibrary,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly unseen: UnseenReviewsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Records the viewer's review of one reply, or replaces the one they gave before. */
  async review(
    viewer: Viewer,
    sessionId: string,
    turnIndex: number,
    input: ReviewTurnDto,
  ): Promise<TurnReviewView> {
    const turn = await this.reviewableTurn(viewer, sessionId, turnIndex);
    const now = this.clock.now();
    const judgement = {
      verdict: input.verdict,
      politeness: input.politeness ?? null,
      empathy: input.empathy ?? null,
      note: input.note?.trim() || null,
      updatedAt: now,
    };
    const own = { turnId: turn.id, reviewerId: viewer.id };
    const saved = await insertOrUpdate(
      this.reviews,
      own,
      { id: randomUUID(), sessionId, createdAt: now, seenAt: null, ...own, ...judgement },
      // A changed judgement is news to the trainee again; saving the same one is not.
      (existing) => ({
        ...judgement,
        ...(sameJudgement(existing, judgement) ? {} : { seenAt: null }),
      }),
    );
    return this.presentOne(saved, turnIndex);
  }

  /** Removes the viewer's own review of one reply. */
  async withdraw(viewer: Viewer, sessionId: string, turnIndex: number): Promise<void> {
    const turn = await this.reviewableTurn(viewer, sessionId, turnIndex);
    const result = await this.reviews.delete({ turnId: turn.id, reviewerId: viewer.id });
    if (!result.affected)
      throw new SimulationError(
        SimulationErrorCode.ReviewNotFound,
        'You have not reviewed this reply',
      );
  }

  /**
   * Every review of a session, by turn then oldest first; for whoever may read the session.
   * The session's trainee reading them marks them seen (`seen` still says what was new).
   */
  async ofSession(viewer: Viewer, sessionId: string): Promise<TurnReviewView[]> {
    const session = await this.sessionAccess.visible(viewer, sessionId);
    return this.ofReadableSession(viewer, session);
  }

  /** As `ofSession`, for a caller that has already checked the viewer may read the session. */
  async ofReadableSession(
    viewer: Viewer,
    session: { id: string; userId: string },
  ): Promise<TurnReviewView[]> {
    const sessionId = session.id;
    const [reviews, turns] = await Promise.all([
      this.reviews.find({ where: { sessionId }, order: { createdAt: 'ASC', id: 'ASC' } }),
      this.turns.find({ select: { id: true, turnIndex: true }, where: { sessionId } }),
    ]);
    // Only the trainee's own reading counts; staff opening the debrief leave it new.
    if (session.userId === viewer.id) await this.unseen.markSeen(sessionId, reviews);
    const indexOf = new Map(turns.map((turn) => [turn.id, turn.turnIndex]));
    const views = await this.present(reviews, (review) => indexOf.get(review.turnId) ?? -1);
    return views.sort((a, b) => a.turnIndex - b.turnIndex);
  }

  /** The latest reviews of a person's replies, newest first: their feedback from trainers. */
  async receivedBy(userId: string, limit = 5): Promise<ReceivedReviewView[]> {
    const reviews = await this.reviews
      .createQueryBuilder('review')
      .innerJoin(SimulationSession, 'session', 'session.id = review.session_id')
      .where('session.user_id = :userId', { userId })
      .orderBy('review.updated_at', 'DESC')
      .addOrderBy('review.id', 'ASC')
      .limit(limit)
      .getMany();
    const rows = await this.withReplies(reviews);
    const views = await this.present(
      rows.map(({ review }) => review),
      (_review, i) => rows[i].turn.turnIndex,
    );
    return views.map((view, i) => ({
      ...view,
      scenarioId: rows[i].session.scenarioId,
      title: this.titleOf(rows[i].session.scenarioId),
      attemptNumber: rows[i].session.attemptNumber,
      reply: rows[i].turn.reply,
    }));
  }

  /** How far the engine agrees with the reviewers, over the replies the viewer may see. */
  async agreement(viewer: Viewer, query: TurnReviewsQueryDto): Promise<TurnReviewAgreementView> {
    const teams = scopeTeams(viewer, query.team);
    const rows = await this.reviewed(teams, query);
    const judged = rows.map(({ review, turn }) => ({
      engine: {
        passed: turn.report.passed,
        politeness: turn.report.dimensions.politeness,
        empathy: turn.report.dimensions.empathy,
      },
      person: {
        passed: review.verdict === 'pass',
        politeness: review.politeness,
        empathy: review.empathy,
      },
    }));
    const byScenario = new Map<string, JudgedReply[]>();
    rows.forEach(({ session }, i) => {
      const replies = byScenario.get(session.scenarioId) ?? [];
      replies.push(judged[i]);
      byScenario.set(session.scenarioId, replies);
    });
    const disagreeing = rows
      .filter((_row, i) => judged[i].engine.passed !== judged[i].person.passed)
      .sort(
        (a, b) =>
          b.review.updatedAt.getTime() - a.review.updatedAt.getTime() ||
          a.review.id.localeCompare(b.review.id),
      )
      .slice(0, DISAGREEMENTS_SHOWN);
    const names = await this.namesOf(disagreeing.map(({ review }) => review.reviewerId));
    return {
      scenarioId: query.scenarioId ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
      teams,
      reviews: rows.length,
      replies: new Set(rows.map(({ turn }) => turn.id)).size,
      reviewers: new Set(rows.map(({ review }) => review.reviewerId)).size,
      ...judgementAgreement(judged),
      betweenReviewers: verdictAgreement(reviewerPairs(rows)),
      byScenario: [...byScenario]
        .map(([scenarioId, replies]) => ({
          scenarioId,
          title: this.titleOf(scenarioId),
          verdict: judgementAgreement(replies).verdict,
        }))
        .sort((a, b) => a.title.localeCompare(b.title) || a.scenarioId.localeCompare(b.scenarioId)),
      disagreements: disagreeing.map(({ review, turn, session }) => ({
        reviewId: review.id,
        sessionId: session.id,
        turnIndex: turn.turnIndex,
        scenarioId: session.scenarioId,
        title: this.titleOf(session.scenarioId),
        reply: turn.reply,
        engineOverall: turn.report.overall,
        enginePassed: turn.report.passed,
        verdict: review.verdict,
        reviewerName: names.get(review.reviewerId) ?? review.reviewerId,
        note: review.note,
        reviewedAt: review.updatedAt.toISOString(),
      })),
    };
  }

  /**
   * The reviewed replies as JSON lines that `npm run -s score` reads back (id, text, stage,
   * customerLine and the step's rubric inline), each with the reviewer's judgement and what the
   * engine said when the reply was given. Audited, as it holds trainees' words.
   */
  async exportLines(viewer: Viewer, query: TurnReviewsQueryDto): Promise<string[]> {
    const teams = scopeTeams(viewer, query.team);
    const rows = await this.reviewed(teams, query);
    const lines: string[] = [];
    for (const { review, turn, session } of rows) {
      const scenario = await this.library.snapshot(session.versionId);
      const input = scoreInputFor(
        dialogueStep(scenario, turn.stepId),
        turn.customerLine,
        turn.reply,
      );
      lines.push(
        JSON.stringify({
          id: review.id,
          text: input.text,
          stage: input.stage,
          customerLine: input.customerLine,
          rubric: input.rubric,
          scenarioId: session.scenarioId,
          scenarioVersion: session.scenarioVersion,
          sessionId: session.id,
          turnIndex: turn.turnIndex,
          reviewerId: review.reviewerId,
          reviewedAt: review.updatedAt.toISOString(),
          reviewer: {
            verdict: review.verdict,
            politeness: review.politeness,
            empathy: review.empathy,
          },
          engine: {
            overall: turn.report.overall,
            passed: turn.report.passed,
            politeness: turn.report.dimensions.politeness,
            empathy: turn.report.dimensions.empathy,
          },
        }),
      );
    }
    await this.audit.record(viewer, {
      action: 'simulation.reviews-exported',
      targetType: 'turn-reviews',
      targetId: query.scenarioId ?? 'all',
      summary: {
        scenarioId: query.scenarioId ?? null,
        team: query.team ?? null,
        from: query.from ?? null,
        to: query.to ?? null,
        rows: lines.length,
      },
    });
    return lines;
  }

  /** The turn to review: a finished session the viewer may read, and someone else's. */
  private async reviewableTurn(
    viewer: Viewer,
    sessionId: string,
    turnIndex: number,
  ): Promise<SimulationTurn> {
    const session = await this.sessionAccess.visible(viewer, sessionId);
    if (session.userId === viewer.id)
      throw new SimulationError(
        SimulationErrorCode.OwnReplies,
        'Your own replies are reviewed by someone else',
      );
    if (session.status !== 'finished')
      throw new SimulationError(
        SimulationErrorCode.ReviewNotReady,
        'Replies can be reviewed once the conversation has ended',
      );
    const turn = await this.turns.findOne({ where: { sessionId, turnIndex } });
    if (!turn)
      throw new SimulationError(SimulationErrorCode.TurnNotFound, `No reply ${turnIndex + 1}`, [
        { path: 'turnIndex', messages: [`the session has ${session.turnCount} replies`] },
      ]);
    return turn;
  }

  /** The reviews in scope (teams, scenario, last saved within the days) with their replies. */
  private async reviewed(
    teams: string[] | null,
    filter: TurnReviewsQueryDto,
  ): Promise<ReviewedReply[]> {
    const query = this.reviews
      .createQueryBuilder('review')
      .innerJoin(SimulationSession, 'session', 'session.id = review.session_id')
      .orderBy('review.created_at', 'ASC')
      .addOrderBy('review.id', 'ASC');
    if (filter.scenarioId)
      query.andWhere('session.scenario_id = :scenarioId', { scenarioId: filter.scenarioId });
    const { from, until } = reviewWindow(filter);
    if (from) query.andWhere('review.updated_at >= :from', { from });
    if (until) query.andWhere('review.updated_at < :until', { until });
    if (teams !== null && !(await this.limitToMembers(query, teams))) return [];
    return this.withReplies(await query.getMany());
  }

  /** The reviews with the turns and sessions they belong to, in the reviews' order. */
  private async withReplies(reviews: readonly TurnReview[]): Promise<ReviewedReply[]> {
    const turns = await this.byIds(
      this.turns,
      reviews.map((review) => review.turnId),
    );
    const sessions = await this.byIds(
      this.sessions,
      reviews.map((review) => review.sessionId),
    );
    return reviews.flatMap((review) => {
      const turn = turns.get(review.turnId);
      const session = sessions.get(review.sessionId);
      return turn && session ? [{ review, turn, session }] : [];
    });
  }

  /** Narrows to sessions of the teams' members; false when the teams have none. */
  private async limitToMembers(
    query: SelectQueryBuilder<TurnReview>,
    teams: readonly string[],
  ): Promise<boolean> {
    const members = (await this.users.membersOf(teams)).map((user) => user.id);
    if (members.length === 0) return false;
    query.andWhere('session.user_id IN (:...members)', { members });
    return true;
  }

  private async byIds<T extends { id: string }>(
    repository: Repository<T>,
    ids: readonly string[],
  ): Promise<Map<string, T>> {
    const unique = [...new Set(ids)];
    const found = new Map<string, T>();
    for (const chunk of chunksOf(unique)) {
      const rows = await repository.find({
        where: { id: In(chunk) } as never,
      });
      for (const row of rows) found.set(row.id, row);
    }
    return found;
  }

  private async presentOne(review: TurnReview, turnIndex: number): Promise<TurnReviewView> {
    const [view] = await this.present([review], turnIndex);
    return view;
  }

  private async present(
    reviews: readonly TurnReview[],
    turnIndex: number | ((review: TurnReview, index: number) => number),
  ): Promise<TurnReviewView[]> {
    const names = await this.namesOf(reviews.map((review) => review.reviewerId));
    return reviews.map((review, index) => ({
      id: review.id,
      sessionId: review.sessionId,
      turnIndex: typeof turnIndex === 'number' ? turnIndex : turnIndex(review, index),
      reviewerId: review.reviewerId,
      reviewerName: names.get(review.reviewerId) ?? review.reviewerId,
      verdict: review.verdict,
      politeness: review.politeness,
      empathy: review.empathy,
      note: review.note,
      createdAt: review.createdAt.toISOString(),
      updatedAt: review.updatedAt.toISOString(),
      seen: review.seenAt !== null,
    }));
  }

  private async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    const people = await this.users.listByIds([...new Set(ids)]);
    return new Map(people.map((person) => [person.id, person.displayName]));
  }

  private titleOf(scenarioId: string): string {
    return this.library.has(scenarioId) ? this.library.get(scenarioId).scenario.title : scenarioId;
  }
}

type Judgement = Pick<TurnReview, 'verdict' | 'politeness' | 'empathy' | 'note'>;

function sameJudgement(a: Judgement, b: Judgement): boolean {
  return (
    a.verdict === b.verdict &&
    a.politeness === b.politeness &&
    a.empathy === b.empathy &&
    a.note === b.note
  );
}

/** Each two reviews of the same reply by different reviewers, as a pair of pass verdicts. */
function reviewerPairs(rows: readonly ReviewedReply[]): (readonly [boolean, boolean])[] {
  const byTurn = new Map<string, TurnReview[]>();
  for (const { review } of rows) {
    const list = byTurn.get(review.turnId) ?? [];
    list.push(review);
    byTurn.set(review.turnId, list);
  }
  const pairs: (readonly [boolean, boolean])[] = [];
  for (const list of byTurn.values())
    for (let i = 0; i < list.length; i += 1)
      for (let j = i + 1; j < list.length; j += 1)
        pairs.push([list[i].verdict === 'pass', list[j].verdict === 'pass']);
  return pairs;
}

/** [from, until) from the filter's first and last day; 400 at the field for a day that is not real. */
function reviewWindow(filter: TurnReviewsQueryDto): { from: Date | null; until: Date | null } {
  const day = (value: string | null | undefined, path: 'from' | 'to'): Date | null => {
    if (!value) return null;
    const start = dayStartUtc(value);
    if (!start)
      throw AppError.validation([{ path, messages: [`${path} is not a real calendar day`] }]);
    return start;
  };
  const from = day(filter.from, 'from');
  const to = day(filter.to, 'to');
  if (from && to && to < from)
    throw AppError.validation([{ path: 'to', messages: ['to must be on or after from'] }]);
  return { from, until: to ? new Date(to.getTime() + DAY_MS) : null };
}
