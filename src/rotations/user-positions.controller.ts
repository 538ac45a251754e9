import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EligibilityService } from './eligibility.service';
import { RotationPlanService } from './rotation-plan.service';
import { PersonEligibilityView, PersonPositionsView } from './rotation-views';

// `:userId` routes: the access guard lets the person and staff through, anyone else gets 404.
@ApiTags('positions')
@ApiBearerAuth()
@Controller('api/users/:userId')
export class UserPositionsController {
  constructor(
    private readonly plan: RotationPlanService,
    private readonly eligibility: EligibilityService,
  ) {}

  @Get('positions')
  @ApiOkResponse({
    description:
      'The position history, newest first: position, from, to, reason, and the rotation review',
  })
  history(@Param('userId') userId: string): Promise<PersonPositionsView> {
    return this.plan.historyOf(userId);
  }

  @Get('eligibility')
  @ApiOkResponse({
    description:
      'Eligibility for every position today: eligible, expiring or not-eligible, with the reasons',
  })
  eligibilityOf(@Param('userId') userId: string): Promise<PersonEligibilityView> {
    return this.eligibility.forUser(userId);
  }
}
