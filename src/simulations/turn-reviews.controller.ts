import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Response } from 'express';
import { Roles } from '../identity/access.decorators';
import { CurrentViewer, Viewer } from '../identity/viewer';
import {
  ReceivedReviewView,
  ReviewTurnDto,
  TurnReviewAgreementView,
  TurnReviewsQueryDto,
  TurnReviewView,
  UnseenReviewsView,
} from './dto/turn-review.dto';
import { ReviewReportsService } from './review-reports.service';
import { TurnReviewsService } from './turn-reviews.service';
import { UnseenReviewsService } from './unseen-reviews.service';

export const REVIEWERS = ['trainer', 'supervisor', 'admin'] as const;
const STAFF = ['trainer', 'supervisor', 'hr', 'admin'] as const;
const TURN = 'simulations/sessions/:sessionId/turns/:turnIndex/review';

/** Trainers' and supervisors' reviews of role-play replies, and the engine's agreement with them. */
@ApiTags('simulations')
@ApiBearerAuth()
@Controller('api')
export class TurnReviewsController {
  constructor(
    private readonly reviews: TurnReviewsService,
    private readonly reports: ReviewReportsService,
    private readonly unseen: UnseenReviewsService,
  ) {}

  @Put(TURN)
  @Roles(...REVIEWERS)
  @ApiOperation({
    summary:
      'Review one reply of a finished session: verdict, politeness and empathy (1–5), a note for the trainee; replaces the caller’s earlier review',
  })
  @ApiOkResponse({ type: TurnReviewView })
  review(
    @CurrentViewer() viewer: Viewer,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Param('turnIndex', ParseIntPipe) turnIndex: number,
    @Body() dto: ReviewTurnDto,
  ): Promise<TurnReviewView> {
    return this.reviews.review(viewer, sessionId, turnIndex, dto);
  }

  @Delete(TURN)
  @Roles(...REVIEWERS)
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw the caller’s review of one reply' })
  @ApiNoContentResponse()
  withdraw(
    @CurrentViewer() viewer: Viewer,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Param('turnIndex', ParseIntPipe) turnIndex: number,
  ): Promise<void> {
    return this.reviews.withdraw(viewer, sessionId, turnIndex);
  }

  @Get('simulations/sessions/:sessionId/reviews')
  @ApiOperation({
    summary:
      'The reviews of a session’s replies (its trainee and staff may read); the trainee reading them marks them seen',
  })
  @ApiOkResponse({ type: [TurnReviewView] })
  ofSession(
    @CurrentViewer() viewer: Viewer,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
  ): Promise<TurnReviewView[]> {
    return this.reviews.ofSession(viewer, sessionId);
  }

  // No @Roles: the guard's ownership rule opens `:userId` routes to that person and to staff.
  @Get('users/:userId/reply-reviews')
  @ApiOperation({ summary: 'The latest reviews of a person’s role-play replies, newest first' })
  @ApiOkResponse({ type: [ReceivedReviewView] })
  received(@Param('userId', ParseUUIDPipe) userId: string): Promise<ReceivedReviewView[]> {
    return this.reviews.receivedBy(userId, 20);
  }

  @Get('users/:userId/reply-reviews/unseen-count')
  @ApiOperation({
    summary:
      'How many reviews of a person’s replies they have not seen yet (new, or changed since they last opened that debrief), per session',
  })
  @ApiOkResponse({ type: UnseenReviewsView })
  unseenCount(@Param('userId', ParseUUIDPipe) userId: string): Promise<UnseenReviewsView> {
    return this.unseen.of(userId);
  }

  @Get('simulations/reviews/agreement')
  @Roles(...STAFF)
  @ApiOperation({
    summary:
      'How far the engine agrees with the reviewers: verdicts (Cohen’s kappa), politeness and empathy ratings (bands, Spearman ρ), reviewers with each other, the latest disagreements',
  })
  @ApiOkResponse({ type: TurnReviewAgreementView })
  agreement(
    @CurrentViewer() viewer: Viewer,
    @Query() query: TurnReviewsQueryDto,
  ): Promise<TurnReviewAgreementView> {
    return this.reports.agreement(viewer, query);
  }

  @Get('simulations/reviews/export.jsonl')
  @Roles(...STAFF)
  @ApiOperation({
    summary:
      'The reviewed replies as JSON lines `npm run -s score` reads back, each with the reviewer’s judgement and the engine’s scores; audited',
  })
  @ApiProduces('application/x-ndjson')
  async export(
    @CurrentViewer() viewer: Viewer,
    @Query() query: TurnReviewsQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    await this.reports.streamExport(viewer, query, response);
  }
}
