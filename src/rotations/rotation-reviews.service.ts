import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull, Not, Repository } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { runTransaction } from '../database/transactions';
import { AuditService } from '../identity/audit.service';
import { UsersService } from '../identity/users.service';
import { hasRole, Viewer } from '../identity/viewer';
import { ReviewMoveDto } from './dto/rotation-requests.dto';
import { EligibilityService } from './eligibility.service';
import { PositionCatalogue } from './position-catalogue.service';
import { RotationError, RotationErrorCode } from './rotation-error';
import { RotationMove } from './rotation-move.entity';
import { RotationPlanService } from './rotation-plan.service';
import { RotationReview } from './rotation-review.entity';
import { DueReviewView, MoveView } from './rotation-views';

/**
 * Rotation reviews: every applied move has a review day (effective day + the position's
 * `reviewAfterDays`); a supervisor of the person's team records one short review per move
 * (rating 1–5 and comments) from the effective day on. A review not recorded by its day is overdue.
 */
@Injectable()
export class RotationReviewsService {
  constructor(
    @InjectRepository(RotationMove) private readonly moves: Repository<RotationMove>,
    @InjectRepository(RotationReview) private readonly reviews: Repository<RotationReview>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plan: RotationPlanService,
    private readonly eligibility: EligibilityService,
    private readonly positions: PositionCatalogue,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(viewer: Viewer, moveId: string, dto: ReviewMoveDto): Promise<MoveView> {
    await this.plan.applyDue();
    const move = await this.moves.findOneBy({ id: moveId });
    if (!move) throw RotationError.moveNotFound();
    const person = await this.users.get(move.userId);
    if (
      !hasRole(viewer, 'supervisor') ||
      !person.team ||
      !viewer.managedTeams.includes(person.team)
    )
      throw new RotationError(
        RotationErrorCode.ReviewNotAllowed,
        "Only a supervisor of the person's team may review this move",
      );
    if (move.status !== 'applied' || !move.historyId)
      throw new RotationError(
        RotationErrorCode.MoveNotApplied,
        'The move has not taken effect yet; review it once the person is in the position',
      );
    if (await this.reviews.existsBy({ moveId })) throw this.alreadyReviewed();
    const review = this.reviews.create({
      id: randomUUID(),
      moveId,
      historyId: move.historyId,
      userId: move.userId,
      reviewerId: viewer.id,
      rating: dto.rating,
      comments: dto.comments.trim(),
      reviewedAt: this.clock.now(),
    });
    await runTransaction(this.dataSource, async (manager) => {
      await manager
        .getRepository(RotationReview)
        .insert(review)
        .catch((error: unknown) => {
          throw /UNIQUE constraint|duplicate key/i.test(String(error))
            ? this.alreadyReviewed()
            : error;
        });
      await this.audit.record(
        viewer,
        {
          action: 'rotation.review.recorded',
          targetType: 'user',
          targetId: move.userId,
          summary: { moveId, positionId: move.positionId, rating: dto.rating },
        },
        manager,
      );
    });
    return this.plan.get(moveId);
  }

  /** Applied moves and their review day, in the viewer's teams (hr and admin: everyone). */
  async list(
    viewer: Viewer,
    due: 'overdue' | 'upcoming' | 'all' = 'all',
  ): Promise<DueReviewView[]> {
    await this.plan.applyDue();
    const rows = await this.moves.find({
      where: { status: 'applied', reviewDueOn: Not(IsNull()) },
      order: { reviewDueOn: 'ASC', id: 'ASC' },
    });
    const reviewed = new Set(
      rows.length
        ? (await this.reviews.find({ where: { moveId: In(rows.map((row) => row.id)) } })).map(
            (review) => review.moveId,
          )
        : [],
    );
    const users = new Map(
      (await this.users.listByIds(rows.map((row) => row.userId))).map((user) => [user.id, user]),
    );
    const scope = this.eligibility.scopeOf(viewer);
    const today = this.eligibility.today();
    return rows
      .map((move): DueReviewView | null => {
        const user = users.get(move.userId);
        if (!user || (scope && (!user.team || !scope.includes(user.team)))) return null;
        const isReviewed = reviewed.has(move.id);
        return {
          moveId: move.id,
          userId: move.userId,
          displayName: user.displayName,
          team: user.team,
          positionId: move.positionId,
          positionTitle: this.positions.titleOf(move.positionId),
          effectiveOn: move.effectiveOn,
          reviewDueOn: move.reviewDueOn!,
          overdue: !isReviewed && move.reviewDueOn! < today,
          reviewed: isReviewed,
        };
      })
      .filter((item): item is DueReviewView => {
        if (!item) return false;
        if (due === 'overdue') return item.overdue;
        if (due === 'upcoming') return !item.reviewed;
        return true;
      });
  }

  private alreadyReviewed(): RotationError {
    return new RotationError(
      RotationErrorCode.AlreadyReviewed,
      'This move has been reviewed already',
    );
  }
}
