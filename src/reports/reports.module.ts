import { Module, OnModuleInit } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { addHomeLink, counted, countNotice, HomeNotices } from '../identity/home-sections';
import { IdentityModule } from '../identity/identity.module';
import { DashboardQueries } from './dashboard.queries';
import { DashboardService } from './dashboard.service';
import { ExportsService } from './exports.service';
import { PersonRecordService } from './person-record.service';
import { ReportCatalogue } from './report-catalogue';
import { retrainingNotice, RetrainingService } from './retraining.service';
import { ReportExportsController } from './report-exports.controller';
import { ReportPagesController } from './report-pages.controller';
import { ReportScopes } from './report-scope';
import { ReportsController } from './reports.controller';

/**
 * HR and supervisor reports: the dashboard, a person's full record and CSV exports. A read
 * model over the other features' tables (aggregated in SQL); it writes only audit entries.
 */
@Module({
  imports: [IdentityModule, ActivitiesModule],
  controllers: [ReportExportsController, ReportsController, ReportPagesController],
  providers: [
    ReportCatalogue,
    RetrainingService,
    ReportScopes,
    DashboardQueries,
    DashboardService,
    ExportsService,
    PersonRecordService,
  ],
})
export class ReportsModule implements OnModuleInit {
  constructor(
    private readonly homeNotices: HomeNotices,
    private readonly retraining: RetrainingService,
  ) {}

  onModuleInit(): void {
    // Trainees: what to work on, while a course that trains it is still to do.
    this.homeNotices.register(['trainee'], async (viewer) =>
      retrainingNotice(await this.retraining.forPerson(viewer.id)),
    );
    // Trainers and supervisors: their trainees a course would reach (team-scoped, so quick).
    this.homeNotices.register(['trainer', 'supervisor'], async (viewer) => {
      const view = await this.retraining.retraining(viewer, {});
      const reached = new Set(view.courses.flatMap((course) => course.toAssign));
      return countNotice(
        'retraining',
        reached.size,
        (count) =>
          `${counted(count, 'trainee')} in your teams ${count === 1 ? 'is' : 'are'} weak on a role-play dimension, with a course that trains it not yet assigned`,
        '/reports/retraining',
      );
    });
    for (const role of ['supervisor', 'trainer', 'hr', 'admin'] as const) {
      addHomeLink(role, {
        label: 'Reports',
        href: '/reports',
        description: 'Certification, exams, role-play, overdue work and rotation at a glance',
      });
      addHomeLink(role, {
        label: 'Retraining',
        href: '/reports/retraining',
        description: 'Who scores low on a role-play dimension, and the courses that train it',
      });
      addHomeLink(role, {
        label: 'Exports',
        href: '/reports/exports',
        description: 'Every report table as CSV, filtered by team, cohort, programme and dates',
      });
    }
    addHomeLink('trainee', {
      label: 'My record',
      href: '/reports/me',
      description: 'Your courses, exams, role-play, certificates and positions on one page',
    });
  }
}
