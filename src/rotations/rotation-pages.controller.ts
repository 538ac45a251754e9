import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Render,
  Res,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { AppError, DomainError } from '../common/domain-error';
import { errorsByPath, validateInto } from '../common/validation';
import { Roles } from '../identity/access.decorators';
import { CurrentViewer, hasRole, Viewer } from '../identity/viewer';
import {
  MatrixPageQueryDto,
  PersonPageQueryDto,
  ReviewListQueryDto,
  ReviewMoveDto,
} from './dto/rotation-requests.dto';
import { EligibilityService } from './eligibility.service';
import { matrixPageModel, personPageModel, reviewsPageModel } from './rotation-pages.mapper';
import { RotationEvidenceQueries } from './rotation-evidence.queries';
import { RotationPlanService } from './rotation-plan.service';
import { RotationReviewsService } from './rotation-reviews.service';

/** The eligibility matrix, a person's positions (with reviews), and the review list. */
@ApiExcludeController()
@Controller('rotations')
export class RotationPagesController {
  constructor(
    private readonly plan: RotationPlanService,
    private readonly eligibility: EligibilityService,
    private readonly reviews: RotationReviewsService,
    private readonly evidence: RotationEvidenceQueries,
  ) {}

  @Get('mine')
  mine(@CurrentViewer() viewer: Viewer, @Res() response: Response): void {
    response.redirect(303, `/rotations/people/${viewer.id}`);
  }

  @Get('matrix')
  @Roles('trainer', 'supervisor', 'hr', 'admin')
  @Render('rotations/matrix')
  async matrix(
    @CurrentViewer() viewer: Viewer,
    @Query() query: MatrixPageQueryDto,
  ): Promise<object> {
    // Everyone's cells are worked out (the totals count them all); one page of people is shown.
    const matrix = await this.eligibility.matrix(viewer, query);
    const scope = this.eligibility.scopeOf(viewer);
    const teams = scope ?? (await this.evidence.teams());
    return matrixPageModel(matrix, { teams: [...teams].sort(), query });
  }

  // `:userId`: the access guard lets the person and staff through, others get 404.
  @Get('people/:userId')
  @Render('rotations/person')
  async person(
    @CurrentViewer() viewer: Viewer,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Query() query: PersonPageQueryDto,
  ): Promise<object> {
    return this.personModel(viewer, userId, {
      notice: query.done ? 'Review saved.' : undefined,
    });
  }

  @Post('people/:userId/moves/:moveId/review')
  @Roles('supervisor')
  async review(
    @CurrentViewer() viewer: Viewer,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Param('moveId', ParseUUIDPipe) moveId: string,
    @Body() form: Record<string, string | undefined>,
    @Res() response: Response,
  ): Promise<void> {
    const parsed = validateInto(ReviewMoveDto, {
      rating: form.rating ? Number(form.rating) : undefined,
      comments: form.comments?.trim() ?? '',
    });
    try {
      if (!parsed.ok) throw AppError.validation(parsed.errors, 'Check the review');
      await this.reviews.record(viewer, moveId, parsed.value);
      response.redirect(303, `/rotations/people/${userId}?done=reviewed`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 404) throw error;
      const model = await this.personModel(viewer, userId, {
        error: error.message,
        errors: errorsByPath(error.errors),
        form,
        failedMoveId: moveId,
      });
      response.status(error.status).render('rotations/person', model);
    }
  }

  @Get('reviews')
  @Roles('trainer', 'supervisor', 'hr', 'admin')
  @Render('rotations/reviews')
  async reviewList(
    @CurrentViewer() viewer: Viewer,
    @Query() query: ReviewListQueryDto,
  ): Promise<object> {
    return reviewsPageModel(await this.reviews.list(viewer, query.due ?? 'upcoming'), query);
  }

  private async personModel(
    viewer: Viewer,
    userId: string,
    extra: Record<string, unknown>,
  ): Promise<object> {
    const positions = await this.plan.historyOf(userId);
    const eligibility = await this.eligibility.forUser(userId);
    const canReview =
      hasRole(viewer, 'supervisor') &&
      positions.team !== null &&
      viewer.managedTeams.includes(positions.team);
    return personPageModel(positions, eligibility, {
      ...extra,
      own: viewer.id === userId,
      canReview,
      isStaff: hasRole(viewer, 'trainer', 'supervisor', 'hr', 'admin'),
      canPlan: hasRole(viewer, 'hr', 'admin'),
    });
  }
}
