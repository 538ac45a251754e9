import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { UserView } from '../identity/dto/user.dto';
import { UsersService } from '../identity/users.service';
import { EligibilityService } from './eligibility.service';
import { PositionCatalogue } from './position-catalogue.service';
import { PositionHistoryService } from './position-history.service';
import { RotationMove } from './rotation-move.entity';
import { RotationReview } from './rotation-review.entity';
import { MoveView } from './rotation-views';

/** Turns move rows into views: the person, titles, eligibility (batched) and the review. */
@Injectable()
export class MoveViews {
  constructor(
    @InjectRepository(RotationReview) private readonly reviews: Repository<RotationReview>,
    private readonly users: UsersService,
    private readonly positions: PositionCatalogue,
    private readonly eligibility: EligibilityService,
    private readonly history: PositionHistoryService,
  ) {}

  async present(
    rows: readonly RotationMove[],
    keep: (user: UserView) => boolean = () => true,
  ): Promise<MoveView[]> {
    const users = new Map(
      (await this.users.listByIds(rows.map((row) => row.userId))).map((user) => [user.id, user]),
    );
    const moves = rows.filter((row) => {
      const user = users.get(row.userId);
      return user !== undefined && keep(user);
    });
    const pending = moves.filter((move) => move.status === 'proposed');
    const applied = moves.filter((move) => move.status === 'applied').map((move) => move.id);
    const [eligibility, reviews] = await Promise.all([
      this.eligibility.forMoves(pending),
      applied.length ? this.reviews.findBy({ moveId: In(applied) }) : [],
    ]);
    const reviewViews = await this.history.reviewViews(reviews);
    return moves.map((move) => {
      const user = users.get(move.userId)!;
      return {
        id: move.id,
        userId: move.userId,
        displayName: user.displayName,
        team: user.team,
        positionId: move.positionId,
        positionTitle: this.positions.titleOf(move.positionId),
        fromPositionId: move.fromPositionId,
        fromPositionTitle: move.fromPositionId ? this.positions.titleOf(move.fromPositionId) : null,
        effectiveOn: move.effectiveOn,
        note: move.note,
        status: move.status,
        proposedById: move.proposedById,
        proposedAt: move.proposedAt.toISOString(),
        decidedById: move.decidedById,
        decidedAt: move.decidedAt?.toISOString() ?? null,
        decisionReason: move.decisionReason,
        overrideReason: move.overrideReason,
        eligibility: eligibility.get(move.id) ?? move.eligibilityAtDecision,
        appliedAt: move.appliedAt?.toISOString() ?? null,
        reviewDueOn: move.reviewDueOn,
        review: reviewViews.find((review) => review.moveId === move.id) ?? null,
      };
    });
  }
}
