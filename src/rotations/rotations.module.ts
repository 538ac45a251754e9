import { Inject, Module, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivitiesModule } from '../activities/activities.module';
import { ActivityCatalogue } from '../activities/activity-catalogue';
import { CertificationsModule } from '../certifications/certifications.module';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { addHomeLink } from '../identity/home-sections';
import { IdentityModule } from '../identity/identity.module';
import { LearningRecordsModule } from '../learning-records/learning-records.module';
import { EligibilityController } from './eligibility.controller';
import { EligibilityService } from './eligibility.service';
import { MoveViews } from './move-views';
import { PositionCatalogue } from './position-catalogue.service';
import { PositionHistory } from './position-history.entity';
import { PositionHistoryService } from './position-history.service';
import { PositionsController } from './positions.controller';
import { RotationEvidenceQueries } from './rotation-evidence.queries';
import { RotationMove } from './rotation-move.entity';
import { RotationPagesController } from './rotation-pages.controller';
import { RotationPlanPageModel } from './rotation-plan-page.model';
import { RotationPlanPagesController } from './rotation-plan-pages.controller';
import { RotationPlanService } from './rotation-plan.service';
import { RotationReview } from './rotation-review.entity';
import { RotationReviewsService } from './rotation-reviews.service';
import { RotationsController } from './rotations.controller';
import { UserPositionsController } from './user-positions.controller';

/** Positions, position history, the rotation plan, eligibility and rotation reviews. */
@Module({
  imports: [
    TypeOrmModule.forFeature([PositionHistory, RotationMove, RotationReview]),
    IdentityModule,
    // Exam and role-play results are read in batches from the learning records.
    LearningRecordsModule,
    // Certificates are read through its CertificateHoldings port.
    CertificationsModule,
    // Titles of the exams and scenarios positions ask for, also those written in the editors.
    ActivitiesModule,
  ],
  controllers: [
    EligibilityController,
    PositionsController,
    UserPositionsController,
    RotationsController,
    RotationPlanPagesController,
    RotationPagesController,
  ],
  providers: [
    PositionCatalogue,
    RotationEvidenceQueries,
    EligibilityService,
    PositionHistoryService,
    MoveViews,
    RotationPlanService,
    RotationReviewsService,
    RotationPlanPageModel,
  ],
  exports: [PositionCatalogue, EligibilityService, RotationPlanService],
})
export class RotationsModule implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly history: PositionHistoryService,
    private readonly positions: PositionCatalogue,
    private readonly activities: ActivityCatalogue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    addHomeLink('trainee', {
      label: 'My position',
      href: '/rotations/mine',
      description: 'Your position, its history and the positions you qualify for',
    });
    addHomeLink('supervisor', {
      label: 'Rotation reviews',
      href: '/rotations/reviews',
      description: 'Review your people after a move; overdue reviews first',
    });
    for (const role of ['trainer', 'supervisor', 'hr', 'admin'] as const)
      addHomeLink(role, {
        label: 'Eligibility matrix',
        href: '/rotations/matrix',
        description: 'Who qualifies for which position, and why not',
      });
    for (const role of ['hr', 'admin'] as const)
      addHomeLink(role, {
        label: 'Rotation plan',
        href: '/rotations/plan',
        description: 'Propose, approve or reject moves between positions',
      });
  }

  // Runs after IdentityModule's bootstrap (it is imported here), so the demo accounts exist.
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.demoAccounts) await this.history.seedDemoPositions();
    await this.activities.reportUnpublished(this.positions.inAppReferences());
  }
}
