import {
  Body,
  Controller,
  Get,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { AppError, DomainError, FieldError } from '../common/domain-error';
import { validateInto } from '../common/validation';
import { Roles } from '../identity/access.decorators';
import { UsersService } from '../identity/users.service';
import { CurrentViewer, hasRole, Viewer } from '../identity/viewer';
import { ReviewTurnDto, TurnReviewsQueryDto } from './dto/turn-review.dto';
import { ScenarioLibrary } from './scenario-library.service';
import { SessionsService } from './sessions.service';
import { debriefModel } from './simulation-pages.mapper';
import { agreementModel } from './turn-review-pages.mapper';
import { REVIEWERS } from './turn-reviews.controller';
import { ReviewReportsService } from './review-reports.service';
import { TurnReviewsService } from './turn-reviews.service';

type Form = Record<string, unknown>;
const debriefPath = (id: string, anchor = ''): string =>
  `/simulations/sessions/${id}/debrief${anchor}`;

/** The debrief page with reviewers' judgements, the review forms, and the agreement report. */
@ApiExcludeController()
@Controller('simulations')
export class TurnReviewPagesController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly reviews: TurnReviewsService,
    private readonly reports: ReviewReportsService,
    private readonly library: ScenarioLibrary,
    private readonly users: UsersService,
  ) {}

  @Get('reviews')
  @Roles('trainer', 'supervisor', 'hr', 'admin')
  async agreement(
    @CurrentViewer() viewer: Viewer,
    @Query() query: Form,
    @Res() response: Response,
  ): Promise<void> {
    const parsed = validateInto(TurnReviewsQueryDto, query);
    let errors = parsed.ok ? undefined : parsed.errors;
    let report;
    try {
      report = await this.reports.agreement(viewer, parsed.ok ? parsed.value : {});
    } catch (error) {
      // A day that is not real, or a window that ends before it starts: say so over all reviews.
      if (!(error instanceof DomainError) || error.status !== 400) throw error;
      errors = error.errors;
      report = await this.reports.agreement(viewer, {});
    }
    response.status(errors ? 400 : 200).render(
      'simulations/reviews',
      agreementModel(report, {
        query,
        scenarios: this.library.list().map(({ scenario }) => scenario),
        teams: await this.users.teamsVisibleTo(viewer),
        errors,
      }),
    );
  }

  @Get('sessions/:sessionId/debrief')
  async debrief(
    @CurrentViewer() viewer: Viewer,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Res() response: Response,
  ): Promise<void> {
    try {
      await this.renderDebrief(viewer, sessionId, response, 200);
    } catch (error) {
      // Not over yet: back to the conversation.
      if (error instanceof DomainError && error.status === 409)
        return response.redirect(303, `/simulations/sessions/${sessionId}`);
      throw error;
    }
  }

  /** The review form under each reply (works without JavaScript). */
  @Post('sessions/:sessionId/turns/:turnIndex/review')
  @Roles(...REVIEWERS)
  async review(
    @CurrentViewer() viewer: Viewer,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Param('turnIndex', ParseIntPipe) turnIndex: number,
    @Body() form: Form,
    @Res() response: Response,
  ): Promise<void> {
    const parsed = validateInto(ReviewTurnDto, form);
    try {
      if (!parsed.ok) throw AppError.validation(parsed.errors, 'Check the review');
      await this.reviews.review(viewer, sessionId, turnIndex, parsed.value);
      response.redirect(303, debriefPath(sessionId, `#review-${turnIndex + 1}`));
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 404) throw error;
      await this.renderDebrief(viewer, sessionId, response, error.status, {
        turnIndex,
        message: error.message,
        errors: error.errors,
        form,
      });
    }
  }

  @Post('sessions/:sessionId/turns/:turnIndex/review/withdraw')
  @Roles(...REVIEWERS)
  async withdraw(
    @CurrentViewer() viewer: Viewer,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Param('turnIndex', ParseIntPipe) turnIndex: number,
    @Res() response: Response,
  ): Promise<void> {
    await this.reviews.withdraw(viewer, sessionId, turnIndex);
    response.redirect(303, debriefPath(sessionId, `#review-${turnIndex + 1}`));
  }

  private async renderDebrief(
    viewer: Viewer,
    sessionId: string,
    response: Response,
    status: number,
    failed?: { turnIndex: number; message: string; errors?: FieldError[]; form: Form },
  ): Promise<void> {
    const debrief = await this.sessions.debrief(viewer, sessionId);
    const own = debrief.userId === viewer.id;
    const userName = own
      ? undefined
      : (await this.users.listByIds([debrief.userId]))[0]?.displayName;
    // debrief() checked the viewer may read the session; the trainee's reading marks it seen.
    const reviews = await this.reviews.ofReadableSession(viewer, {
      id: sessionId,
      userId: debrief.userId,
    });
    response.status(status).render(
      'simulations/debrief',
      debriefModel(debrief, {
        own,
        userName,
        reviews,
        reviewerId: !own && hasRole(viewer, ...REVIEWERS) ? viewer.id : null,
        failed,
      }),
    );
  }
}
