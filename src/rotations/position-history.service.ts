import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { runTransaction } from '../database/transactions';
import { UsersService } from '../identity/users.service';
import { dayOf } from './engine';
import { PositionCatalogue } from './position-catalogue.service';
import { PositionHistory } from './position-history.entity';
import { RotationMove } from './rotation-move.entity';
import { RotationReview } from './rotation-review.entity';
import { HistoryEntryView, PersonPositionsView, ReviewView } from './rotation-views';

// Demo accounts start in a position so the pages have something to show (demo data only).
export const DEMO_POSITIONS: Record<string, string> = {
  'trainee@academy.local': 'front-line-agent',
  'supervisor@academy.local': 'team-leader',
};

/** Position history: one row per stretch in a position, one current row per person. */
@Injectable()
export class PositionHistoryService {
  private readonly logger = new Logger(PositionHistoryService.name);

  constructor(
    @InjectRepository(PositionHistory) private readonly rows: Repository<PositionHistory>,
    @InjectRepository(RotationReview) private readonly reviews: Repository<RotationReview>,
    @InjectRepository(RotationMove) private readonly moves: Repository<RotationMove>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly positions: PositionCatalogue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  current(userId: string, manager?: EntityManager): Promise<PositionHistory | null> {
    const repository = manager ? manager.getRepository(PositionHistory) : this.rows;
    return repository.findOneBy({ userId, currentKey: 'current' });
  }

  /**
   * Closes the person's current row on `startedOn` and opens the new one from that day, in the
   * caller's transaction (the unique (user, current_key) index refuses a second current row).
   */
  async open(
    manager: EntityManager,
    entry: {
      userId: string;
      positionId: string;
      startedOn: string;
      reason: string;
      moveId?: string;
    },
  ): Promise<PositionHistory> {
    const repository = manager.getRepository(PositionHistory);
    const current = await this.current(entry.userId, manager);
    if (current)
      await repository.update(current.id, { endedOn: entry.startedOn, currentKey: null });
    const row = repository.create({
      id: randomUUID(),
      userId: entry.userId,
      positionId: entry.positionId,
      startedOn: entry.startedOn,
      endedOn: null,
      reason: entry.reason.slice(0, 500),
      moveId: entry.moveId ?? null,
      currentKey: 'current',
      recordedAt: this.clock.now(),
    });
    await repository.insert(row);
    return row;
  }

  async historyOf(userId: string): Promise<PersonPositionsView> {
    const user = await this.users.get(userId);
    const rows = await this.rows.find({
      where: { userId },
      order: { startedOn: 'DESC', recordedAt: 'DESC' },
    });
    const moveIds = rows.flatMap((row) => (row.moveId ? [row.moveId] : []));
    const [moves, reviews] = await Promise.all([
      moveIds.length ? this.moves.findBy({ id: In(moveIds) }) : [],
      moveIds.length ? this.reviews.findBy({ moveId: In(moveIds) }) : [],
    ]);
    const reviewViews = await this.reviewViews(reviews);
    const history = rows.map((row): HistoryEntryView => {
      const move = moves.find((item) => item.id === row.moveId);
      return {
        id: row.id,
        positionId: row.positionId,
        positionTitle: this.positions.titleOf(row.positionId),
        startedOn: row.startedOn,
        endedOn: row.endedOn,
        current: row.currentKey === 'current',
        reason: row.reason,
        moveId: row.moveId,
        overridden: Boolean(move?.overrideReason),
        reviewDueOn: move?.reviewDueOn ?? null,
        review: reviewViews.find((review) => review.moveId === row.moveId) ?? null,
      };
    });
    return {
      userId: user.id,
      displayName: user.displayName,
      team: user.team,
      current: history.find((entry) => entry.current) ?? null,
      history,
    };
  }

  async reviewViews(reviews: RotationReview[]): Promise<ReviewView[]> {
    const reviewers = await this.users.listByIds(reviews.map((review) => review.reviewerId));
    return reviews.map((review) => ({
      id: review.id,
      moveId: review.moveId,
      reviewerId: review.reviewerId,
      reviewerName:
        reviewers.find((user) => user.id === review.reviewerId)?.displayName ?? 'unknown',
      rating: review.rating,
      comments: review.comments,
      reviewedAt: review.reviewedAt.toISOString(),
    }));
  }

  /** Gives the demo accounts a current position when they have none (never twice). */
  async seedDemoPositions(): Promise<void> {
    for (const [email, positionId] of Object.entries(DEMO_POSITIONS)) {
      if (!this.positions.find(positionId)) continue;
      const user = await this.users.findByEmail(email);
      if (!user || (await this.rows.countBy({ userId: user.id })) > 0) continue;
      await runTransaction(this.dataSource, (manager) =>
        this.open(manager, {
          userId: user.id,
          positionId,
          startedOn: dayOf(this.clock.now()),
          reason: 'Demo account: starting position',
        }),
      );
      this.logger.log(`demo position ${positionId} for ${email}`);
    }
  }
}
