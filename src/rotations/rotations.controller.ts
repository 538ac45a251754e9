import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../identity/access.decorators';
import { CurrentViewer, Viewer } from '../identity/viewer';
import {
  ApproveMoveDto,
  DecideMoveDto,
  MoveListQueryDto,
  ProposeMoveDto,
  ReviewListQueryDto,
  ReviewMoveDto,
} from './dto/rotation-requests.dto';
import { RotationPlanService } from './rotation-plan.service';
import { RotationReviewsService } from './rotation-reviews.service';
import { DueReviewView, MoveView } from './rotation-views';

@ApiTags('rotations')
@ApiBearerAuth()
@Controller('api/rotations')
export class RotationsController {
  constructor(
    private readonly plan: RotationPlanService,
    private readonly reviews: RotationReviewsService,
  ) {}

  @Post('moves')
  @Roles('hr', 'admin')
  @ApiOperation({ summary: 'Propose a move (person → position from a day); eligibility included' })
  propose(@CurrentViewer() viewer: Viewer, @Body() dto: ProposeMoveDto): Promise<MoveView> {
    return this.plan.propose(viewer, dto);
  }

  @Get('moves')
  @Roles('supervisor', 'hr', 'admin')
  @ApiOkResponse({ description: 'Moves, newest first (supervisors: their teams only)' })
  list(@CurrentViewer() viewer: Viewer, @Query() query: MoveListQueryDto): Promise<MoveView[]> {
    return this.plan.list(viewer, query);
  }

  @Get('moves/:moveId')
  @Roles('hr', 'admin')
  @ApiOkResponse({ description: 'One move with its eligibility and review' })
  get(@Param('moveId', ParseUUIDPipe) moveId: string): Promise<MoveView> {
    return this.plan.get(moveId);
  }

  @Post('moves/:moveId/approve')
  @Roles('hr', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Approve a proposed move; 422 NOT_ELIGIBLE (reasons under errors) unless `override.reason` is given, which is audited',
  })
  approve(
    @CurrentViewer() viewer: Viewer,
    @Param('moveId', ParseUUIDPipe) moveId: string,
    @Body() dto: ApproveMoveDto,
  ): Promise<MoveView> {
    return this.plan.approve(viewer, moveId, dto);
  }

  @Post('moves/:moveId/reject')
  @Roles('hr', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a proposed move, with a reason' })
  reject(
    @CurrentViewer() viewer: Viewer,
    @Param('moveId', ParseUUIDPipe) moveId: string,
    @Body() dto: DecideMoveDto,
  ): Promise<MoveView> {
    return this.plan.reject(viewer, moveId, dto.reason);
  }

  @Post('moves/:moveId/cancel')
  @Roles('hr', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a proposed or approved move that has not taken effect' })
  cancel(
    @CurrentViewer() viewer: Viewer,
    @Param('moveId', ParseUUIDPipe) moveId: string,
    @Body() dto: DecideMoveDto,
  ): Promise<MoveView> {
    return this.plan.cancel(viewer, moveId, dto.reason);
  }

  @Post('moves/:moveId/review')
  @Roles('supervisor')
  @HttpCode(200)
  @ApiOperation({
    summary: "Record the rotation review (supervisor of the person's team; once per move)",
  })
  review(
    @CurrentViewer() viewer: Viewer,
    @Param('moveId', ParseUUIDPipe) moveId: string,
    @Body() dto: ReviewMoveDto,
  ): Promise<MoveView> {
    return this.reviews.record(viewer, moveId, dto);
  }

  @Get('reviews')
  @Roles('trainer', 'supervisor', 'hr', 'admin')
  @ApiOkResponse({
    description: 'Applied moves with their review day; `due=overdue` for late ones',
  })
  reviewList(
    @CurrentViewer() viewer: Viewer,
    @Query() query: ReviewListQueryDto,
  ): Promise<DueReviewView[]> {
    return this.reviews.list(viewer, query.due);
  }
}
