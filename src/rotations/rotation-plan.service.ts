import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, LessThanOrEqual, Repository } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { PeriodicTask } from '../common/periodic-task';
import { runTransaction } from '../database/transactions';
import { AuditService } from '../identity/audit.service';
import { UsersService } from '../identity/users.service';
import { Viewer } from '../identity/viewer';
import { ApproveMoveDto, MoveListQueryDto, ProposeMoveDto } from './dto/rotation-requests.dto';
import { EligibilityService } from './eligibility.service';
import { addDays, isCalendarDay } from './engine';
import { MoveViews } from './move-views';
import { PositionCatalogue } from './position-catalogue.service';
import { PositionHistoryService } from './position-history.service';
import { RotationError, RotationErrorCode } from './rotation-error';
import { RotationMove } from './rotation-move.entity';
import { MoveView, PersonPositionsView } from './rotation-views';

const HOUR_MS = 3600 * 1000;

/**
 * The rotation plan: hr proposes moves, the system checks eligibility, hr approves (an
 * ineligible person only with an override reason, audited), rejects or cancels. An approved
 * move is applied on its effective day: at once when that day has come, otherwise by the sweep
 * that runs at start-up, every hour and before the plan or a history is read.
 */
@Injectable()
export class RotationPlanService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RotationPlanService.name);
  private readonly sweep = new PeriodicTask(
    'applying due rotation moves',
    HOUR_MS,
    () => this.applyDue(),
    this.logger,
  );

  constructor(
    @InjectRepository(RotationMove) private readonly moves: Repository<RotationMove>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly history: PositionHistoryService,
    private readonly eligibility: EligibilityService,
    private readonly positions: PositionCatalogue,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly views: MoveViews,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async propose(viewer: Viewer, dto: ProposeMoveDto): Promise<MoveView> {
    const problems: { path: string; messages: string[] }[] = [];
    if (!isCalendarDay(dto.effectiveOn))
      problems.push({ path: 'effectiveOn', messages: ['effectiveOn is not a real calendar day'] });
    if (!this.positions.find(dto.positionId))
      problems.push({ path: 'positionId', messages: [`no position "${dto.positionId}"`] });
    const user = await this.users.get(dto.userId).catch(() => null);
    if (!user) problems.push({ path: 'userId', messages: ['no person with this id'] });
    if (problems.length || !user)
      throw new RotationError(RotationErrorCode.InvalidMove, 'The move is not valid', problems);
    if (!user.active)
      throw new RotationError(RotationErrorCode.UserInactive, `${user.displayName} is not active`);
    await this.applyDue();
    const current = await this.history.current(user.id);
    this.checkAgainstCurrent(current, dto.positionId, dto.effectiveOn);
    const move = this.moves.create({
      id: randomUUID(),
      userId: user.id,
      positionId: dto.positionId,
      fromPositionId: current?.positionId ?? null,
      effectiveOn: dto.effectiveOn,
      note: dto.note?.trim() || null,
      status: 'proposed',
      pendingKey: 'pending',
      proposedById: viewer.id,
      proposedAt: this.clock.now(),
      decidedById: null,
      decidedAt: null,
      decisionReason: null,
      overrideReason: null,
      eligibilityAtDecision: null,
      appliedAt: null,
      historyId: null,
      reviewDueOn: null,
    });
    if (await this.moves.existsBy({ userId: user.id, pendingKey: 'pending' }))
      throw this.alreadyPending(user.displayName);
    await runTransaction(this.dataSource, async (manager) => {
      await manager
        .getRepository(RotationMove)
        .insert(move)
        .catch((error: unknown) => {
          // The unique (user, pending_key) index: a proposal for the same person got in first.
          throw isUniqueViolation(error) ? this.alreadyPending(user.displayName) : error;
        });
      await this.audit.record(
        viewer,
        {
          action: 'rotation.move.proposed',
          targetType: 'user',
          targetId: user.id,
          summary: { moveId: move.id, positionId: move.positionId, effectiveOn: move.effectiveOn },
        },
        manager,
      );
    });
    return this.get(move.id);
  }

  async list(viewer: Viewer, query: MoveListQueryDto): Promise<MoveView[]> {
    await this.applyDue();
    const rows = await this.moves.find({
      where: query.status ? { status: query.status } : {},
      order: { proposedAt: 'DESC', id: 'ASC' },
    });
    const scope = this.eligibility.scopeOf(viewer);
    return this.views.present(rows, (user) => {
      if (query.team && user.team !== query.team) return false;
      return scope === null || (user.team !== null && scope.includes(user.team));
    });
  }

  async get(id: string): Promise<MoveView> {
    const move = await this.moves.findOneBy({ id });
    if (!move) throw RotationError.moveNotFound();
    const [view] = await this.views.present([move]);
    return view;
  }

  async approve(viewer: Viewer, id: string, dto: ApproveMoveDto): Promise<MoveView> {
    await this.applyDue();
    const move = await this.pending(id, ['proposed']);
    const current = await this.history.current(move.userId);
    this.checkAgainstCurrent(current, move.positionId, move.effectiveOn);
    const eligibility = (await this.eligibility.forMoves([move])).get(move.id);
    if (!eligibility) throw RotationError.positionNotFound();
    const override = dto.override?.reason.trim();
    const overridden = eligibility.status === 'not-eligible';
    if (overridden && !override)
      throw new RotationError(
        RotationErrorCode.NotEligible,
        'The person is not eligible for this position; approving needs an override with a reason',
        [{ path: 'eligibility', messages: eligibility.reasons }],
      );
    const today = this.eligibility.today();
    const position = this.positions.get(move.positionId);
    await runTransaction(this.dataSource, async (manager) => {
      await manager.getRepository(RotationMove).update(move.id, {
        status: 'approved',
        decidedById: viewer.id,
        decidedAt: this.clock.now(),
        overrideReason: overridden ? override : null,
        eligibilityAtDecision: eligibility,
        reviewDueOn: addDays(move.effectiveOn, position.reviewAfterDays),
      });
      await this.audit.record(
        viewer,
        {
          action: overridden ? 'rotation.move.overridden' : 'rotation.move.approved',
          targetType: 'user',
          targetId: move.userId,
          summary: {
            moveId: move.id,
            positionId: move.positionId,
            effectiveOn: move.effectiveOn,
            status: eligibility.status,
            ...(overridden ? { reasons: eligibility.reasons, override } : {}),
          },
        },
        manager,
      );
      if (move.effectiveOn <= today) await this.apply(manager, { ...move, status: 'approved' });
    });
    return this.get(move.id);
  }

  async reject(viewer: Viewer, id: string, reason: string): Promise<MoveView> {
    return this.close(viewer, id, reason, 'rejected', ['proposed']);
  }

  async cancel(viewer: Viewer, id: string, reason: string): Promise<MoveView> {
    return this.close(viewer, id, reason, 'cancelled', ['proposed', 'approved']);
  }

  /** A person's position history, after applying the moves whose day has come. */
  async historyOf(userId: string): Promise<PersonPositionsView> {
    await this.applyDue();
    return this.history.historyOf(userId);
  }

  /** Applies every approved move whose effective day has come; returns how many. */
  async applyDue(): Promise<number> {
    const due = await this.moves.find({
      where: { status: 'approved', effectiveOn: LessThanOrEqual(this.eligibility.today()) },
      order: { effectiveOn: 'ASC', decidedAt: 'ASC' },
    });
    for (const move of due)
      await runTransaction(this.dataSource, async (manager) => {
        // Re-read inside the transaction: another sweep may have applied it meanwhile.
        const fresh = await manager.getRepository(RotationMove).findOneBy({ id: move.id });
        if (fresh?.status === 'approved') await this.apply(manager, fresh);
      });
    return due.length;
  }

  onApplicationBootstrap(): void {
    this.sweep.start({ runNow: true });
  }

  onApplicationShutdown(): Promise<void> {
    return this.sweep.stop();
  }

  private async apply(manager: EntityManager, move: RotationMove): Promise<void> {
    const current = await this.history.current(move.userId, manager);
    // Never before the current stretch began (it may have changed since the approval).
    const startedOn =
      current && current.startedOn > move.effectiveOn ? current.startedOn : move.effectiveOn;
    const row = await this.history.open(manager, {
      userId: move.userId,
      positionId: move.positionId,
      startedOn,
      reason: move.note ? `Rotation: ${move.note}` : 'Rotation move',
      moveId: move.id,
    });
    await manager.getRepository(RotationMove).update(move.id, {
      status: 'applied',
      fromPositionId: current?.positionId ?? null,
      pendingKey: null,
      appliedAt: this.clock.now(),
      historyId: row.id,
    });
  }

  private async close(
    viewer: Viewer,
    id: string,
    reason: string,
    status: 'rejected' | 'cancelled',
    from: RotationMove['status'][],
  ): Promise<MoveView> {
    await this.applyDue();
    const move = await this.pending(id, from);
    await runTransaction(this.dataSource, async (manager) => {
      await manager.getRepository(RotationMove).update(move.id, {
        status,
        pendingKey: null,
        decidedById: viewer.id,
        decidedAt: this.clock.now(),
        decisionReason: reason.trim(),
      });
      await this.audit.record(
        viewer,
        {
          action: `rotation.move.${status}`,
          targetType: 'user',
          targetId: move.userId,
          summary: { moveId: move.id, positionId: move.positionId, reason: reason.trim() },
        },
        manager,
      );
    });
    return this.get(move.id);
  }

  private async pending(id: string, statuses: RotationMove['status'][]): Promise<RotationMove> {
    const move = await this.moves.findOneBy({ id });
    if (!move) throw RotationError.moveNotFound();
    if (!statuses.includes(move.status))
      throw new RotationError(
        RotationErrorCode.MoveNotPending,
        `The move is ${move.status}; only a ${statuses.join(' or ')} move can be changed`,
      );
    return move;
  }

  private checkAgainstCurrent(
    current: { positionId: string; startedOn: string } | null,
    positionId: string,
    effectiveOn: string,
  ): void {
    if (current?.positionId === positionId)
      throw new RotationError(
        RotationErrorCode.AlreadyInPosition,
        `The person already works as ${this.positions.titleOf(positionId)}`,
      );
    if (current && effectiveOn < current.startedOn)
      throw new RotationError(
        RotationErrorCode.EffectiveDateTooEarly,
        `The move cannot take effect before the current position began (${current.startedOn})`,
        [{ path: 'effectiveOn', messages: [`must be ${current.startedOn} or later`] }],
      );
  }

  private alreadyPending(name: string): RotationError {
    return new RotationError(
      RotationErrorCode.MoveAlreadyPending,
      `${name} already has a move waiting; cancel or reject it first`,
    );
  }
}

function isUniqueViolation(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /UNIQUE constraint|duplicate key/i.test(message);
}
