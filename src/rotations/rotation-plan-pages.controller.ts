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
import { validateInto } from '../common/validation';
import { Roles } from '../identity/access.decorators';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { DecideMoveDto, PlanPageQueryDto, ProposeMoveDto } from './dto/rotation-requests.dto';
import { RotationPlanPageModel } from './rotation-plan-page.model';
import { RotationPlanService } from './rotation-plan.service';

type Form = Record<string, string | undefined>;
const NOTICES: Record<string, string> = {
  proposed: 'Move proposed.',
  approved: 'Move approved.',
  overridden: 'Move approved with an override; the reason is in the audit log.',
  rejected: 'Move rejected.',
  cancelled: 'Move cancelled.',
};

/** The rotation plan page: propose, approve (with an override when needed), reject, cancel. */
@ApiExcludeController()
@Controller('rotations/plan')
@Roles('hr', 'admin')
export class RotationPlanPagesController {
  constructor(
    private readonly plan: RotationPlanService,
    private readonly page: RotationPlanPageModel,
  ) {}

  @Get()
  @Render('rotations/plan')
  show(
    @CurrentViewer() viewer: Viewer,
    @Query() { done, ...query }: PlanPageQueryDto,
  ): Promise<object> {
    return this.page.build(viewer, query, { notice: done ? NOTICES[done] : undefined });
  }

  @Post('moves')
  propose(
    @CurrentViewer() viewer: Viewer,
    @Body() form: Form,
    @Res() response: Response,
  ): Promise<void> {
    return this.act(viewer, response, form, async () => {
      const parsed = validateInto(ProposeMoveDto, {
        userId: form.userId || undefined,
        positionId: form.positionId || undefined,
        effectiveOn: form.effectiveOn || undefined,
        note: form.note?.trim() || undefined,
      });
      if (!parsed.ok) throw AppError.validation(parsed.errors, 'Check the fields marked below');
      await this.plan.propose(viewer, parsed.value);
      return 'proposed';
    });
  }

  @Post('moves/:moveId/approve')
  approve(
    @CurrentViewer() viewer: Viewer,
    @Param('moveId', ParseUUIDPipe) moveId: string,
    @Body() form: Form,
    @Res() response: Response,
  ): Promise<void> {
    const reason = form.overrideReason?.trim();
    return this.act(viewer, response, {}, async () => {
      const move = await this.plan.approve(viewer, moveId, reason ? { override: { reason } } : {});
      return move.overrideReason ? 'overridden' : 'approved';
    });
  }

  @Post('moves/:moveId/reject')
  reject(
    @CurrentViewer() viewer: Viewer,
    @Param('moveId', ParseUUIDPipe) moveId: string,
    @Body() form: Form,
    @Res() response: Response,
  ): Promise<void> {
    return this.act(viewer, response, {}, async () => {
      await this.plan.reject(viewer, moveId, this.reasonOf(form));
      return 'rejected';
    });
  }

  @Post('moves/:moveId/cancel')
  cancel(
    @CurrentViewer() viewer: Viewer,
    @Param('moveId', ParseUUIDPipe) moveId: string,
    @Body() form: Form,
    @Res() response: Response,
  ): Promise<void> {
    return this.act(viewer, response, {}, async () => {
      await this.plan.cancel(viewer, moveId, this.reasonOf(form));
      return 'cancelled';
    });
  }

  private reasonOf(form: Form): string {
    const parsed = validateInto(DecideMoveDto, { reason: form.reason?.trim() ?? '' });
    if (!parsed.ok) throw AppError.validation(parsed.errors, 'Give a reason');
    return parsed.value.reason;
  }

  // Success redirects back (POST/redirect/GET); a refusal re-renders the page with the reasons.
  private async act(
    viewer: Viewer,
    response: Response,
    form: Form,
    action: () => Promise<string>,
  ): Promise<void> {
    try {
      response.redirect(303, `/rotations/plan?done=${await action()}`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 404) throw error;
      const model = await this.page.build(
        viewer,
        {},
        { form, error: error.message, errors: error.errors },
      );
      response.status(error.status).render('rotations/plan', model);
    }
  }
}
