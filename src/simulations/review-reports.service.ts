import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Response } from 'express';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { AppError } from '../common/domain-error';
import { finishedOrClosed, sendChunk } from '../common/stream-waits';
import { keysetBatches } from '../database/keyset';
import { DAY_MS, dayStartUtc } from '../common/time';
import { AuditService } from '../identity/audit.service';
import { scopeTeams } from '../identity/team-scope';
import { UsersService } from '../identity/users.service';
import { Viewer } from '../identity/viewer';
import { JudgedReply, judgementAgreement, verdictAgreement } from '../scoring/engine';
import { TurnReviewAgreementView, TurnReviewsQueryDto } from './dto/turn-review.dto';
import { dialogueStep, scoreInputFor } from './engine';
import { ScenarioLibrary } from './scenario-library.service';
import { SimulationSession } from './simulation-session.entity';
import { TurnReview } from './turn-review.entity';
import { ReviewedReply, TurnReviewsService } from './turn-reviews.service';

const DISAGREEMENTS_SHOWN = 20;
// Reviews read per query by the export.
const EXPORT_BATCH = 500;

/**
 * How far the engine agrees with the people who review replies, and the reviewed replies as
 * JSON lines: how a rubric, or the engine's weights, get checked against the people who use
 * them. Both cover the replies of the viewer's teams (hr, admin: everyone).
 */
@Injectable()
export class ReviewReportsService {
  private readonly logger = new Logger(ReviewReportsService.name);

  constructor(
    @InjectRepository(TurnReview) private readonly reviews: Repository<TurnReview>,
    private readonly replies: TurnReviewsService,
    private readonly library: ScenarioLibrary,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

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
    const names = await this.replies.namesOf(disagreeing.map(({ review }) => review.reviewerId));
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
          title: this.replies.titleOf(scenarioId),
          verdict: judgementAgreement(replies).verdict,
        }))
        .sort((a, b) => a.title.localeCompare(b.title) || a.scenarioId.localeCompare(b.scenarioId)),
      disagreements: disagreeing.map(({ review, turn, session }) => ({
        reviewId: review.id,
        sessionId: session.id,
        turnIndex: turn.turnIndex,
        scenarioId: session.scenarioId,
        title: this.replies.titleOf(session.scenarioId),
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
   * Streams the reviewed replies as JSON lines that `npm run -s score` reads back (id, text,
   * stage, customerLine and the step's rubric inline), each with the reviewer's judgement and
   * what the engine said when the reply was given: read in keyset batches, so memory stays flat
   * however many reviews there are. Audited once complete, as it holds trainees' words.
   */
  async streamExport(
    viewer: Viewer,
    query: TurnReviewsQueryDto,
    response: Response,
  ): Promise<void> {
    const teams = scopeTeams(viewer, query.team);
    const batches = this.reviewedBatches(teams, query);
    // The first batch is read before the headers go out, so a bad filter is still a 400.
    let next = await batches.next();
    response
      .status(200)
      // After attachment(), which would set a type from the file name.
      .attachment('reviewed-replies.jsonl')
      .type('application/x-ndjson');
    let rows = 0;
    try {
      for (; !next.done; next = await batches.next()) {
        const lines = await Promise.all(next.value.map((row) => this.exportLine(row)));
        if (!(await sendChunk(response, lines.join('')))) return;
        rows += lines.length;
      }
    } catch (error) {
      // The header is out: all that is left is to cut the download short, visibly.
      this.logger.error(`reviewed replies export failed after ${rows} rows: ${String(error)}`);
      response.destroy();
      return;
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
        rows,
      },
    });
    response.end();
    await finishedOrClosed(response);
  }

  /** One reviewed reply as a line of the export, newline included. */
  private async exportLine({ review, turn, session }: ReviewedReply): Promise<string> {
    const scenario = await this.library.snapshot(session.versionId);
    const input = scoreInputFor(dialogueStep(scenario, turn.stepId), turn.customerLine, turn.reply);
    const line = JSON.stringify({
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
    });
    return `${line}\n`;
  }

  /** The reviews in scope (teams, scenario, last saved within the days) with their replies. */
  private async reviewed(
    teams: string[] | null,
    filter: TurnReviewsQueryDto,
  ): Promise<ReviewedReply[]> {
    const query = await this.scoped(teams, filter);
    if (!query) return [];
    const reviews = await query
      .orderBy('review.created_at', 'ASC')
      .addOrderBy('review.id', 'ASC')
      .getMany();
    return this.replies.withReplies(reviews);
  }

  /** The same reviews a batch at a time, in the order they were first saved. */
  private async *reviewedBatches(
    teams: string[] | null,
    filter: TurnReviewsQueryDto,
  ): AsyncGenerator<ReviewedReply[]> {
    const first = await this.scoped(teams, filter);
    if (!first) return;
    const batches = keysetBatches({
      query: () => first.clone(),
      order: { column: 'review.created_at', id: 'review.id' },
      size: EXPORT_BATCH,
      read: (builder) => builder.getMany(),
      keyOf: (review) => [review.createdAt, review.id],
    });
    for await (const batch of batches) yield this.replies.withReplies(batch);
  }

  /** The query for the reviews in scope, or null when the teams have no members. */
  private async scoped(
    teams: string[] | null,
    filter: TurnReviewsQueryDto,
  ): Promise<SelectQueryBuilder<TurnReview> | null> {
    const query = this.reviews
      .createQueryBuilder('review')
      .innerJoin(SimulationSession, 'session', 'session.id = review.session_id');
    if (filter.scenarioId)
      query.andWhere('session.scenario_id = :scenarioId', { scenarioId: filter.scenarioId });
    const { from, until } = reviewWindow(filter);
    if (from) query.andWhere('review.updated_at >= :from', { from });
    if (until) query.andWhere('review.updated_at < :until', { until });
    if (teams !== null && !(await this.limitToMembers(query, teams))) return null;
    return query;
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
