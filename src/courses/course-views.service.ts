import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../common/clock';
import { UserView } from '../identity/dto/user.dto';
import { UsersService } from '../identity/users.service';
import { Viewer } from '../identity/viewer';
import { CourseCatalogueService } from './course-catalogue.service';
import { CourseDefinition } from './course-definition';
import {
  lessonLink,
  toEnrolmentView,
  toLessonProgressView,
  toQuestionView,
} from './course-view.mapper';
import {
  CourseDetailView,
  CourseProgressView,
  CourseSummaryView,
  LessonView,
  ProgressRowView,
  UserCoursesView,
} from './dto/course-views.dto';
import { Enrolment } from './enrolment.entity';
import { EnrolmentsService } from './enrolments.service';
import { LessonProgress } from './lesson-progress.entity';
import { ProgressService } from './progress.service';

/** Read models of the courses feature: the catalogue, a course, a lesson, progress tables. */
@Injectable()
export class CourseViewsService {
  constructor(
    private readonly catalogue: CourseCatalogueService,
    private readonly enrolments: EnrolmentsService,
    private readonly progress: ProgressService,
    private readonly users: UsersService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Every course with this person's enrolment and whether its prerequisites are done. */
  async catalogueFor(userId: string): Promise<CourseSummaryView[]> {
    const mine = await this.loadEnrolments(userId);
    return this.catalogue.all().map((course) => this.summary(course, mine));
  }

  async courseFor(userId: string, courseId: string): Promise<CourseDetailView> {
    const course = this.catalogue.course(courseId);
    const mine = await this.loadEnrolments(userId);
    const rows = mine.get(course.id)?.progress ?? [];
    const enrolment = mine.get(course.id)?.enrolment;
    return {
      ...this.summary(course, mine),
      objectives: course.objectives,
      introHtml: course.introHtml,
      lessons: course.lessons.map((lesson, index) => {
        const row = rows.find((candidate) => candidate.lessonId === lesson.id);
        return {
          id: lesson.id,
          number: index + 1,
          title: lesson.title,
          minutes: lesson.minutes,
          objectives: lesson.objectives,
          questionCount: lesson.check.length,
          progress: row ? toLessonProgressView(lesson, row) : null,
        };
      }),
      newerVersion:
        enrolment?.completedVersion !== null &&
        enrolment?.completedVersion !== undefined &&
        enrolment.completedVersion < course.version,
    };
  }

  /**
   * The lesson page: opens the lesson (recording it) when the viewer may make progress on it,
   * so reading without an enrolment, or before the prerequisites, is a preview.
   */
  async readLesson(viewer: Viewer, courseId: string, lessonId: string): Promise<LessonView> {
    const preview = await this.lessonFor(viewer.id, courseId, lessonId);
    if (!preview.enrolment || preview.missingPrerequisites.length > 0) return preview;
    await this.progress.open(viewer, courseId, lessonId);
    return this.lessonFor(viewer.id, courseId, lessonId);
  }

  /** Trainees to offer in the assignment form, with their teams and cohorts. */
  async assignmentOptions(): Promise<{ trainees: UserView[]; teams: string[]; cohorts: string[] }> {
    const { items } = await this.users.list({ role: 'trainee', limit: 1000 });
    const trainees = items.filter((user) => user.active);
    const distinct = (values: (string | null)[]): string[] =>
      [...new Set(values.filter((value): value is string => !!value))].sort();
    return {
      trainees,
      teams: distinct(trainees.map((user) => user.team)),
      cohorts: distinct(trainees.map((user) => user.cohort)),
    };
  }

  /** A course as another person sees it (404 for a user that does not exist). */
  async userCourse(userId: string, courseId: string): Promise<CourseDetailView> {
    await this.users.get(userId);
    return this.courseFor(userId, courseId);
  }

  /** A lesson to read: sanitized HTML, questions without answers, neighbours, own progress. */
  async lessonFor(userId: string, courseId: string, lessonId: string): Promise<LessonView> {
    const { course, lesson, index } = this.catalogue.lesson(courseId, lessonId);
    const mine = await this.loadEnrolments(userId);
    const entry = mine.get(course.id);
    const row = entry?.progress.find((candidate) => candidate.lessonId === lesson.id);
    const summary = this.summary(course, mine);
    return {
      courseId: course.id,
      courseTitle: course.title,
      courseVersion: course.version,
      id: lesson.id,
      number: index + 1,
      lessonCount: course.lessons.length,
      title: lesson.title,
      minutes: lesson.minutes,
      objectives: lesson.objectives,
      html: lesson.html,
      questions: lesson.check.map(toQuestionView),
      previous: lessonLink(course.lessons[index - 1]),
      next: lessonLink(course.lessons[index + 1]),
      enrolment: summary.enrolment,
      progress: row ? toLessonProgressView(lesson, row) : null,
      // Only a course not started yet is held back by its prerequisites.
      missingPrerequisites:
        summary.enrolment?.status === 'not_started' || !summary.enrolment
          ? summary.prerequisites.filter((prerequisite) => !prerequisite.completed)
          : [],
    };
  }

  /** A person's enrolments (courses no longer in the catalogue are left out). */
  async userCourses(userId: string): Promise<UserCoursesView> {
    await this.users.get(userId);
    const mine = await this.loadEnrolments(userId);
    const courses = this.catalogue.all().flatMap((course) => {
      const entry = mine.get(course.id);
      if (!entry) return [];
      return [
        {
          ...toEnrolmentView(course, entry.enrolment, entry.progress, this.clock.now()),
          courseTitle: course.title,
          courseVersion: course.version,
        },
      ];
    });
    return { userId, courses };
  }

  /**
   * Person × lesson table of one course: the trainees of a team or cohort (enrolled or not),
   * or, with no filter, everyone enrolled.
   */
  async courseProgress(
    courseId: string,
    filter: { team?: string; cohort?: string },
  ): Promise<CourseProgressView> {
    const course = this.catalogue.course(courseId);
    let people: UserView[];
    let enrolments: Enrolment[];
    if (filter.team || filter.cohort) {
      const { items } = await this.users.list({
        team: filter.team,
        cohort: filter.cohort,
        role: 'trainee',
        limit: 1000,
      });
      people = items.filter((user) => user.active);
      enrolments = await this.enrolments.ofCourse(
        course.id,
        people.map((person) => person.id),
      );
    } else {
      enrolments = await this.enrolments.ofCourse(course.id);
      people = await this.users.listByIds(enrolments.map((enrolment) => enrolment.userId));
    }
    const progress = await this.enrolments.progressOf(enrolments.map((enrolment) => enrolment.id));
    const now = this.clock.now();
    const rows: ProgressRowView[] = people.map((person) => {
      const enrolment = enrolments.find((candidate) => candidate.userId === person.id);
      const mine = enrolment ? progress.filter((row) => row.enrolmentId === enrolment.id) : [];
      return {
        userId: person.id,
        displayName: person.displayName,
        email: person.email,
        team: person.team,
        cohort: person.cohort,
        enrolment: enrolment ? toEnrolmentView(course, enrolment, mine, now) : null,
        lessons: course.lessons.map((lesson) => {
          const row = mine.find((candidate) => candidate.lessonId === lesson.id);
          return {
            lessonId: lesson.id,
            state: !row ? 'not_started' : row.completedAt ? 'completed' : 'opened',
            score: row?.score ?? null,
            secondsSpent: row?.secondsSpent ?? 0,
          };
        }),
      };
    });
    const count = (status: string): number =>
      rows.filter((row) => row.enrolment?.status === status).length;
    return {
      courseId: course.id,
      courseTitle: course.title,
      courseVersion: course.version,
      team: filter.team ?? null,
      cohort: filter.cohort ?? null,
      lessons: course.lessons.map((lesson) => ({ id: lesson.id, title: lesson.title })),
      rows,
      totals: {
        people: rows.length,
        notEnrolled: rows.filter((row) => !row.enrolment).length,
        notStarted: count('not_started'),
        inProgress: count('in_progress'),
        completed: count('completed'),
        overdue: rows.filter((row) => row.enrolment?.overdue).length,
      },
    };
  }

  private summary(
    course: CourseDefinition,
    mine: Map<string, { enrolment: Enrolment; progress: LessonProgress[] }>,
  ): CourseSummaryView {
    const entry = mine.get(course.id);
    const prerequisites = course.prerequisites.map((id) => ({
      id,
      title: this.catalogue.find(id)?.title ?? id,
      completed: mine.get(id)?.enrolment.status === 'completed',
    }));
    return {
      id: course.id,
      title: course.title,
      version: course.version,
      order: course.order,
      summary: course.summary,
      tags: course.tags,
      requiredFor: course.requiredFor,
      requiredForTitles: course.requiredFor.map((id) => this.catalogue.positionTitle(id)),
      trains: course.trains,
      prerequisites,
      prerequisitesMet: prerequisites.every((prerequisite) => prerequisite.completed),
      lessonCount: course.lessons.length,
      minutes: course.lessons.reduce((sum, lesson) => sum + lesson.minutes, 0),
      enrolment: entry
        ? toEnrolmentView(course, entry.enrolment, entry.progress, this.clock.now())
        : null,
    };
  }

  private async loadEnrolments(
    userId: string,
  ): Promise<Map<string, { enrolment: Enrolment; progress: LessonProgress[] }>> {
    const enrolments = await this.enrolments.ofUser(userId);
    const progress = await this.enrolments.progressOf(enrolments.map((enrolment) => enrolment.id));
    return new Map(
      enrolments.map((enrolment) => [
        enrolment.courseId,
        { enrolment, progress: progress.filter((row) => row.enrolmentId === enrolment.id) },
      ]),
    );
  }
}
