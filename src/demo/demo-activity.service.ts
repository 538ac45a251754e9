import { Inject, Injectable, Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { CertificationsService } from '../certifications/certifications.service';
import { Clock, CLOCK, endRewinds, rewound } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EnrolmentsService } from '../courses/enrolments.service';
import { UsersService } from '../identity/users.service';
import { Viewer, viewerOf } from '../identity/viewer';
import { DAY_MS } from '../common/time';
import {
  DEMO_ASSIGNMENTS,
  DEMO_COHORT,
  DEMO_COHORT_NAME,
  DemoTrainee,
  dueDay,
  INTAKE_DAYS_AGO,
  stepDays,
} from './demo-cohort';
import { DemoLearner } from './demo-learner.service';

/** What one run seeded; all zero when the cohort was there already. */
export interface DemoActivitySummary {
  trainees: number;
  coursesCompleted: number;
  examAttempts: number;
  examsPassed: number;
  examsAwaitingReview: number;
  sessions: number;
  sessionsPassed: number;
  certificates: number;
  /** Planned steps refused by a service (content missing, an exam closed…), left out. */
  skipped: number;
}

const DEMO_TRAINER = 'trainer@academy.local';

/** Runs `work` dated `days` days before now (fractions allowed), through `rewound`. */
const daysAgo = <T>(days: number, work: () => Promise<T>): Promise<T> =>
  rewound(days * DAY_MS, work);

/**
 * Seeds the demo cohort at start-up (DEMO_ACTIVITY, with the demo accounts): a dozen trainees
 * in North and South who took courses, sat exams and played role-play calls through the real
 * services, so the dashboards, the eligibility matrix and the certificate pages have something
 * to show. Their steps are dated over the past weeks (the demo intake) or a year ago (two
 * members of an earlier intake), so some certificates are near expiry or expired and some
 * assignments are overdue. A trainee whose account exists is left alone, so nothing is seeded
 * twice.
 */
@Injectable()
export class DemoActivityService {
  private readonly logger = new Logger(DemoActivityService.name);

  constructor(
    private readonly users: UsersService,
    private readonly enrolments: EnrolmentsService,
    private readonly certifications: CertificationsService,
    private readonly learner: DemoLearner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async ensure(): Promise<DemoActivitySummary> {
    const summary = emptySummary();
    if (!this.config.demoActivity || !this.config.demoAccounts) return summary;
    try {
      return await this.seed(summary);
    } finally {
      endRewinds();
    }
  }

  /**
   * Every step runs `rewound` to the day the plan gives it, so the records, attempts, sessions
   * and certificates it writes carry a past: certificates near expiry, overdue assignments.
   */
  private async seed(summary: DemoActivitySummary): Promise<DemoActivitySummary> {
    const started = performance.now();
    const created: { plan: DemoTrainee; viewer: Viewer }[] = [];
    for (const plan of DEMO_COHORT) {
      if (await this.users.findByEmail(plan.email)) continue;
      // The account is opened the day before the member's first step.
      const user = await daysAgo(plan.startedDaysAgo + 1, () =>
        this.users.create(null, {
          email: plan.email,
          displayName: plan.displayName,
          employeeNumber: plan.employeeNumber,
          team: plan.team,
          cohort: plan.cohort,
          roles: ['trainee'],
          password: this.config.demoPassword,
        }),
      );
      created.push({ plan, viewer: viewerOf(user, 'bearer') });
    }
    if (created.length === 0) return summary;
    summary.trainees = created.length;
    const trainerUser = await this.users.findByEmail(DEMO_TRAINER);
    const trainer = trainerUser ? viewerOf(trainerUser, 'bearer') : null;
    const intake = created.filter(({ plan }) => plan.cohort === DEMO_COHORT_NAME);
    if (trainer && intake.length > 0)
      // An hour before the intake's first steps.
      await daysAgo(INTAKE_DAYS_AGO + 1 / 24, () => this.assignCourses(trainer, intake, summary));
    for (const { plan, viewer } of created) await this.play(plan, viewer, trainer, summary);
    // Reading the certificates evaluates them, so every award is in before start-up ends.
    for (const { viewer } of created)
      summary.certificates += (await this.certifications.overviewOf(viewer.id)).certificates.length;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    this.logger.log(
      `demo activity: ${summary.trainees} trainees, ` +
        `${summary.coursesCompleted} courses completed, ${summary.examAttempts} exam attempts ` +
        `(${summary.examsPassed} passed, ${summary.examsAwaitingReview} awaiting review), ` +
        `${summary.sessions} role-play sessions (${summary.sessionsPassed} passed), ` +
        `${summary.certificates} certificates` +
        (summary.skipped ? `, ${summary.skipped} steps skipped` : '') +
        ` in ${seconds} s`,
    );
    return summary;
  }

  private async assignCourses(
    trainer: Viewer,
    created: { viewer: Viewer }[],
    summary: DemoActivitySummary,
  ): Promise<void> {
    const userIds = created.map(({ viewer }) => viewer.id);
    for (const { courseId, dueInDays } of DEMO_ASSIGNMENTS)
      await this.attempt(summary, `assign ${courseId}`, () =>
        this.enrolments.assign(trainer, courseId, {
          userIds,
          dueDate: dueDay(this.clock.now(), dueInDays),
        }),
      );
  }

  private async play(
    plan: DemoTrainee,
    trainee: Viewer,
    trainer: Viewer | null,
    summary: DemoActivitySummary,
  ): Promise<void> {
    const days = stepDays(plan);
    for (const [index, course] of plan.courses.entries())
      if (
        await this.attempt(summary, `${plan.email} ${course.courseId}`, () =>
          daysAgo(days.courses[index], () => this.learner.course(trainee, course)),
        )
      )
        summary.coursesCompleted++;
    for (const [index, exam] of plan.exams.entries()) {
      const outcome = await this.attempt(summary, `${plan.email} ${exam.examId}`, () =>
        daysAgo(days.exams[index], () => this.learner.exam(trainee, exam, trainer)),
      );
      if (!outcome) continue;
      summary.examAttempts++;
      if (outcome.passed === true) summary.examsPassed++;
      if (outcome.passed === null) summary.examsAwaitingReview++;
    }
    for (const [index, simulation] of plan.simulations.entries()) {
      const passed = await this.attempt(summary, `${plan.email} ${simulation.scenarioId}`, () =>
        daysAgo(days.simulations[index], () => this.learner.simulation(trainee, simulation)),
      );
      if (passed === null) continue;
      summary.sessions++;
      if (passed) summary.sessionsPassed++;
    }
  }

  /**
   * Runs one planned step. A service refusing it (content without that course, an exam past
   * its closing date) skips the step, never the start-up; anything else is a bug and throws.
   */
  private async attempt<T>(
    summary: DemoActivitySummary,
    label: string,
    step: () => Promise<T>,
  ): Promise<T | null> {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      summary.skipped++;
      this.logger.debug(`demo step skipped (${label}): ${error.code} ${error.message}`);
      return null;
    }
  }
}

function emptySummary(): DemoActivitySummary {
  return {
    trainees: 0,
    coursesCompleted: 0,
    examAttempts: 0,
    examsPassed: 0,
    examsAwaitingReview: 0,
    sessions: 0,
    sessionsPassed: 0,
    certificates: 0,
    skipped: 0,
  };
}
