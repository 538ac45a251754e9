import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { PersonalDataErasers } from '../identity/personal-data';
import { eraseCourseComments } from './personal-data.eraser';
import { Clock, CLOCK } from '../common/clock';
import { DAY_MS } from '../common/time';
import { TypeOrmModule } from '@nestjs/typeorm';
import { addHomeLink, HomeNotices } from '../identity/home-sections';
import { IdentityModule } from '../identity/identity.module';
import { LearningRecordsModule } from '../learning-records/learning-records.module';
import { CourseCatalogueService } from './course-catalogue.service';
import { CourseFeedback } from './course-feedback.entity';
import { CourseFeedbackController } from './course-feedback.controller';
import { CourseFeedbackPagesController } from './course-feedback-pages.controller';
import { CourseFeedbackService } from './course-feedback.service';
import { CoursePagesController } from './course-pages.controller';
import { dueCoursesNotice, DUE_SOON_DAYS } from './course-pages.mapper';
import { CourseStaffPagesController } from './course-staff-pages.controller';
import { CourseStaffController } from './course-staff.controller';
import { CourseViewsService } from './course-views.service';
import { CoursesController } from './courses.controller';
import { EnrolmentsService } from './enrolments.service';
import { Enrolment } from './enrolment.entity';
import { LessonPagesController } from './lesson-pages.controller';
import { LessonProgressController } from './lesson-progress.controller';
import { LessonProgress } from './lesson-progress.entity';
import { ProgressService } from './progress.service';
import { UserCoursesController } from './user-courses.controller';

/**
 * Courses: catalogue from content/, enrolment and assignment, lesson progress, knowledge checks,
 * and training satisfaction (people rate the courses they completed).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Enrolment, LessonProgress, CourseFeedback]),
    IdentityModule,
    LearningRecordsModule,
  ],
  controllers: [
    CoursesController,
    LessonProgressController,
    CourseStaffController,
    UserCoursesController,
    CoursePagesController,
    CourseStaffPagesController,
    CourseFeedbackPagesController,
    LessonPagesController,
    CourseFeedbackController,
  ],
  providers: [
    CourseCatalogueService,
    EnrolmentsService,
    ProgressService,
    CourseViewsService,
    CourseFeedbackService,
  ],
  exports: [CourseCatalogueService, EnrolmentsService, ProgressService, CourseFeedbackService],
})
export class CoursesModule implements OnModuleInit {
  constructor(
    private readonly homeNotices: HomeNotices,
    private readonly enrolments: EnrolmentsService,
    private readonly catalogue: CourseCatalogueService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly erasers: PersonalDataErasers,
  ) {}

  onModuleInit(): void {
    this.erasers.register('courses', eraseCourseComments);
    // Assignments overdue or due within a week; one indexed query, on the home page only.
    this.homeNotices.register(['trainee'], async (viewer) => {
      const now = this.clock.now();
      const today = now.toISOString().slice(0, 10);
      const lastDay = new Date(now.getTime() + DUE_SOON_DAYS * DAY_MS).toISOString().slice(0, 10);
      return dueCoursesNotice(
        await this.enrolments.dueBy(viewer.id, lastDay),
        today,
        (courseId) => this.catalogue.find(courseId)?.title ?? courseId,
      );
    });
    addHomeLink('trainee', {
      label: 'Your courses',
      href: '/courses',
      description: 'Assigned courses, due dates and where you left off',
    });
    for (const role of ['trainer', 'supervisor', 'hr'] as const) {
      addHomeLink(role, {
        label: 'Courses and progress',
        href: '/courses',
        description: 'The curriculum, assignments and each team’s progress',
      });
    }
  }
}
