import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThanOrEqual, Repository } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { UnseenReviewsView } from './dto/turn-review.dto';
import { ScenarioLibrary } from './scenario-library.service';
import { SimulationSession } from './simulation-session.entity';
import { TurnReview } from './turn-review.entity';

/**
 * Which reviews of a person's replies they have not read yet. A review is new until its
 * trainee opens the session's debrief, and new again when its reviewer changes it.
 */
@Injectable()
export class UnseenReviewsService {
  constructor(
    @InjectRepository(TurnReview) private readonly reviews: Repository<TurnReview>,
    private readonly library: ScenarioLibrary,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The person's unseen reviews, counted per session, most recently reviewed first. One
   * grouped query: their sessions by `ix_simulation_sessions_user`, then each session's
   * reviews by `ix_simulation_turn_reviews_session`.
   */
  async of(userId: string): Promise<UnseenReviewsView> {
    const rows = await this.reviews
      .createQueryBuilder('review')
      .innerJoin(SimulationSession, 'session', 'session.id = review.session_id')
      .select('session.id', 'sessionId')
      .addSelect('session.scenario_id', 'scenarioId')
      .addSelect('session.attempt_number', 'attemptNumber')
      .addSelect('COUNT(*)', 'unseen')
      .addSelect('MAX(review.updated_at)', 'latest')
      .where('session.user_id = :userId', { userId })
      .andWhere('review.seen_at IS NULL')
      .groupBy('session.id')
      .addGroupBy('session.scenario_id')
      .addGroupBy('session.attempt_number')
      .orderBy('latest', 'DESC')
      .addOrderBy('session.id', 'ASC')
      .getRawMany<{
        sessionId: string;
        scenarioId: string;
        attemptNumber: number | string;
        unseen: number | string;
      }>();
    const sessions = rows.map((row) => ({
      sessionId: row.sessionId,
      scenarioId: row.scenarioId,
      title: this.library.has(row.scenarioId)
        ? this.library.get(row.scenarioId).scenario.title
        : row.scenarioId,
      attemptNumber: Number(row.attemptNumber),
      unseen: Number(row.unseen),
    }));
    return { unseen: sessions.reduce((sum, item) => sum + item.unseen, 0), sessions };
  }

  /**
   * Marks the reviews of a session its trainee has just been shown as seen, in one UPDATE.
   * Only those shown, and only as they were shown: one saved or changed since stays new.
   */
  async markSeen(
    sessionId: string,
    shown: readonly Pick<TurnReview, 'id' | 'updatedAt' | 'seenAt'>[],
  ): Promise<void> {
    const unseen = shown.filter((review) => review.seenAt === null);
    if (unseen.length === 0) return;
    const shownUpTo = new Date(Math.max(...unseen.map((review) => review.updatedAt.getTime())));
    await this.reviews.update(
      {
        sessionId,
        id: In(unseen.map((review) => review.id)),
        seenAt: IsNull(),
        updatedAt: LessThanOrEqual(shownUpTo),
      },
      { seenAt: this.clock.now() },
    );
  }
}
