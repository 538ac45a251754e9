import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WithdrawalsModule } from '../activities/withdrawals.module';
import { PersonalDataErasers } from '../identity/personal-data';
import { eraseRolePlayReplies } from './personal-data.eraser';
import { addHomeLink, counted, countNotice, HomeNotices } from '../identity/home-sections';
import { IdentityModule } from '../identity/identity.module';
import { LearningRecordsModule } from '../learning-records/learning-records.module';
import { ScoringModule } from '../scoring/scoring.module';
import { ScenarioAuthoringPagesController } from './scenario-authoring-pages.controller';
import { ScenarioAuthoringController } from './scenario-authoring.controller';
import { ScenarioAuthoringService } from './scenario-authoring.service';
import { ScenarioVersionsService } from './scenario-versions.service';
import { ScenarioLibrary } from './scenario-library.service';
import { ScenarioVersion } from './scenario-version.entity';
import { SessionsService } from './sessions.service';
import { SimulationPagesController } from './simulation-pages.controller';
import { SimulationStaffPagesController } from './simulation-staff-pages.controller';
import { SimulationRecords } from './simulation-records';
import { SimulationReportsService } from './simulation-reports.service';
import { SimulationSession } from './simulation-session.entity';
import { SimulationTurn } from './simulation-turn.entity';
import { SimulationsController } from './simulations.controller';
import { TurnReview } from './turn-review.entity';
import { TurnReviewPagesController } from './turn-review-pages.controller';
import { unseenReviewsNotice } from './turn-review-pages.mapper';
import { TurnReviewsController } from './turn-reviews.controller';
import { ReviewReportsService } from './review-reports.service';
import { TurnReviewsService } from './turn-reviews.service';
import { TurnWriter } from './turn-writer';
import { UnseenReviewsService } from './unseen-reviews.service';

/** Role-play simulations: scenarios from content/ and trainers, sessions and turns, debriefs. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ScenarioVersion, SimulationSession, SimulationTurn, TurnReview]),
    IdentityModule,
    WithdrawalsModule,
    ScoringModule,
    LearningRecordsModule,
  ],
  // Fixed paths (/…/authoring, /…/reviews) come before /…/:scenarioId.
  controllers: [
    ScenarioAuthoringController,
    TurnReviewsController,
    SimulationsController,
    ScenarioAuthoringPagesController,
    TurnReviewPagesController,
    SimulationStaffPagesController,
    SimulationPagesController,
  ],
  providers: [
    ScenarioLibrary,
    SessionsService,
    SimulationRecords,
    SimulationReportsService,
    ScenarioAuthoringService,
    ScenarioVersionsService,
    TurnWriter,
    TurnReviewsService,
    ReviewReportsService,
    UnseenReviewsService,
  ],
  exports: [ScenarioLibrary, SessionsService],
})
export class SimulationsModule implements OnModuleInit {
  constructor(
    private readonly homeNotices: HomeNotices,
    private readonly unseen: UnseenReviewsService,
    private readonly reports: SimulationReportsService,
    private readonly erasers: PersonalDataErasers,
  ) {}

  onModuleInit(): void {
    this.erasers.register('simulations', eraseRolePlayReplies);
    // Trainees only: one grouped count, run when they open the home page.
    this.homeNotices.register(['trainee'], async (viewer) =>
      unseenReviewsNotice(await this.unseen.of(viewer.id)),
    );
    // Reviewers: finished sessions of their teams that no one has reviewed yet.
    this.homeNotices.register(['trainer', 'supervisor', 'admin'], async (viewer) => {
      const query = { status: 'finished', reviewed: 'no', limit: 1 } as const;
      return countNotice(
        'sessions-to-review',
        (await this.reports.staffSessions(viewer, query)).total,
        (count) => `${counted(count, 'finished role-play session')} no one has reviewed yet`,
        '/simulations/sessions?status=finished&reviewed=no',
      );
    });
    addHomeLink('trainee', {
      label: 'Role-play',
      href: '/simulations',
      description: 'Practise with simulated customers and read your debriefs',
    });
    for (const role of ['trainer', 'supervisor', 'admin'] as const)
      addHomeLink(role, {
        label: 'Reply reviews',
        href: '/simulations/reviews',
        description: "Review trainees' replies and see how far the scoring agrees with you",
      });
    for (const role of ['trainer', 'admin'] as const) {
      addHomeLink(role, {
        label: 'Role-play results',
        href: '/simulations',
        description: "Scenarios, your trainees' sessions and per-scenario results",
      });
      addHomeLink(role, {
        label: 'Scenario editor',
        href: '/simulations/authoring',
        description: 'Write and publish role-play scenarios',
      });
    }
  }
}
