import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { chunksOf } from '../database/chunks';
import { insertOrUpdate } from '../database/save-once';
import { UsersService } from '../identity/users.service';
import { Viewer } from '../identity/viewer';
import { ReceivedReviewView, ReviewTurnDto, TurnReviewView } from './dto/turn-review.dto';
import { ScenarioLibrary } from './scenario-library.service';
import { SessionsService } from './sessions.service';
import { SimulationError, SimulationErrorCode } from './simulation-error';
import { SimulationSession } from './simulation-session.entity';
import { SimulationTurn } from './simulation-turn.entity';
import { TurnReview } from './turn-review.entity';
import { UnseenReviewsService } from './unseen-reviews.service';

/** A review with the reply and session it judges. */
export interface ReviewedReply {
  review: TurnReview;
  turn: SimulationTurn;
  session: SimulationSession;
}

/**
 * Trainers' and supervisors' own judgements of role-play replies ("sampled recording reviews"):
 * a verdict, politeness and empathy ratings and a coaching note per reply, which the trainee
 * reads in their debrief. How far the engine agrees with them is ReviewReportsService's.
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

  /** The reviews with the turns and sessions they belong to, in the reviews' order. */
  async withReplies(reviews: readonly TurnReview[]): Promise<ReviewedReply[]> {
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

  namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    return this.users.namesOf(ids);
  }

  titleOf(scenarioId: string): string {
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
