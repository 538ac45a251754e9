import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { runTransaction } from '../database/transactions';
import { FieldError } from '../common/domain-error';
import { Viewer } from '../identity/viewer';
import { LearningRecordsService } from '../learning-records/learning-records.service';
import { EXTENSIONS, isoDuration, VERBS } from '../learning-records/xapi';
import { courseActivity, lessonActivity, questionActivity } from './course-activities';
import { CourseCatalogueService } from './course-catalogue.service';
import { CourseDefinition, LessonDefinition } from './course-definition';
import { CourseError, CourseErrorCode } from './course-error';
import { completedLessonIds, lessonLink, toLessonProgressView } from './course-view.mapper';
import {
  CheckResultView,
  LessonCompletedView,
  LessonOpenedView,
  LessonProgressView,
} from './dto/course-views.dto';
import { courseScore, creditSeconds } from './engine/course-progress';
import {
  applyGrades,
  checkScore,
  gradeQuestion,
  openQuestions,
  readResponses,
} from './engine/knowledge-check';
import { EnrolmentsService } from './enrolments.service';
import { Enrolment } from './enrolment.entity';
import { LessonProgress } from './lesson-progress.entity';

interface LessonContext {
  course: CourseDefinition;
  lesson: LessonDefinition;
  enrolment: Enrolment;
}

/**
 * A learner's way through a course: open a lesson, read (time credited by heartbeats), answer its
 * knowledge check until every question is right, complete it. The course completes when every
 * lesson of its current version is complete.
 */
@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: CourseCatalogueService,
    private readonly enrolments: EnrolmentsService,
    private readonly records: LearningRecordsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Opens a lesson: the first open starts the course; every open sets where "resume" leads. */
  async open(viewer: Viewer, courseId: string, lessonId: string): Promise<LessonOpenedView> {
    const {
      course,
      lesson,
      enrolment: before,
    } = await this.lessonContext(viewer, courseId, lessonId);
    if (before.status === 'not_started')
      await this.enrolments.assertPrerequisites(viewer.id, course, 'start');
    const now = this.clock.now();
    const { enrolment, progress } = await this.withEnrolment(
      before.id,
      async (manager, enrolment) => {
        const repository = manager.getRepository(LessonProgress);
        if (enrolment.status === 'not_started') {
          Object.assign(enrolment, { status: 'in_progress', startedAt: now });
          await this.record(manager, enrolment, course, {
            verb: VERBS.attempted,
            object: courseActivity(course),
          });
        }
        let progress = await repository.findOneBy({
          enrolmentId: enrolment.id,
          lessonId: lesson.id,
        });
        if (progress) {
          // Time between visits is not reading time: the clock restarts from this open.
          progress.lastSeenAt = now;
          await repository.save(progress);
        } else {
          progress = repository.create({
            id: randomUUID(),
            enrolmentId: enrolment.id,
            userId: enrolment.userId,
            courseId: course.id,
            lessonId: lesson.id,
            openedAt: now,
            lastSeenAt: now,
            completedAt: null,
            secondsSpent: 0,
            checkState: {},
            score: null,
            contentHash: null,
            courseVersion: null,
          });
          await repository.insert(progress);
          await this.record(manager, enrolment, course, {
            verb: VERBS.experienced,
            object: lessonActivity(course, lesson),
            parent: true,
          });
        }
        enrolment.lastLessonId = lesson.id;
        // Lessons removed by a content update may have left everything else done.
        await this.completeCourseIfDone(manager, enrolment, course, now);
        await manager.getRepository(Enrolment).save(enrolment);
        return { enrolment, progress };
      },
    );
    return {
      enrolment: await this.enrolments.view(enrolment),
      progress: toLessonProgressView(lesson, progress),
    };
  }

  /** Credits reading time: at most what the page claims, what has passed, and the cap. */
  async heartbeat(
    viewer: Viewer,
    courseId: string,
    lessonId: string,
    seconds: number,
  ): Promise<LessonProgressView> {
    const { enrolment, lesson } = await this.lessonContext(viewer, courseId, lessonId);
    const now = this.clock.now();
    const progress = await this.withEnrolment(enrolment.id, async (manager) => {
      const progress = await this.opened(manager, enrolment, lesson);
      progress.secondsSpent += creditSeconds({
        lastSeenAt: progress.lastSeenAt,
        now,
        claimed: seconds,
      });
      progress.lastSeenAt = now;
      return manager.getRepository(LessonProgress).save(progress);
    });
    return toLessonProgressView(lesson, progress);
  }

  /** Grades answers to the lesson's knowledge check; wrong answers can be tried again. */
  async answer(
    viewer: Viewer,
    courseId: string,
    lessonId: string,
    answers: Record<string, unknown>,
  ): Promise<CheckResultView> {
    const { course, lesson, enrolment } = await this.lessonContext(viewer, courseId, lessonId);
    const { responses, problems } = readResponses(lesson.check, answers);
    if (problems.length > 0)
      throw new CourseError(
        CourseErrorCode.InvalidAnswer,
        'The answers are not valid',
        problems.map(({ questionId, message }) => ({
          path: questionId ? `answers.${questionId}` : 'answers',
          messages: [message],
        })),
      );
    const grades = lesson.check
      .filter((question) => responses[question.id])
      .map((question) => gradeQuestion(question, responses[question.id]));
    const now = this.clock.now();
    const progress = await this.withEnrolment(enrolment.id, async (manager) => {
      const progress = await this.opened(manager, enrolment, lesson);
      progress.checkState = applyGrades(progress.checkState, grades, responses);
      progress.secondsSpent += creditSeconds({ lastSeenAt: progress.lastSeenAt, now });
      progress.lastSeenAt = now;
      await manager.getRepository(LessonProgress).save(progress);
      for (const grade of grades) {
        const question = lesson.check.find((candidate) => candidate.id === grade.questionId)!;
        await this.record(manager, enrolment, course, {
          verb: VERBS.answered,
          object: questionActivity(course, lesson, question),
          parent: lesson,
          result: { success: grade.correct, response: responses[question.id].join('[,]') },
        });
      }
      return progress;
    });
    const view = toLessonProgressView(lesson, progress);
    return {
      results: grades.map(({ questionId, correct, feedback, hint }) => ({
        questionId,
        correct,
        feedback,
        ...(hint ? { hint } : {}),
      })),
      allCorrect: view.openQuestions.length === 0,
      progress: view,
    };
  }

  /** Completes a lesson once its whole knowledge check is right; may complete the course. */
  async complete(viewer: Viewer, courseId: string, lessonId: string): Promise<LessonCompletedView> {
    const context = await this.lessonContext(viewer, courseId, lessonId);
    const { course, lesson } = context;
    const now = this.clock.now();
    const done = await this.withEnrolment(context.enrolment.id, async (manager, enrolment) => {
      const progress = await this.opened(manager, enrolment, lesson);
      const open = openQuestions(lesson.check, progress.checkState);
      if (open.length > 0) {
        throw new CourseError(
          CourseErrorCode.CheckIncomplete,
          `Answer every knowledge-check question correctly first (${open.length} of ${lesson.check.length} still open)`,
          open.map((id): FieldError => ({
            path: `answers.${id}`,
            messages: ['not answered correctly yet'],
          })),
        );
      }
      progress.secondsSpent += creditSeconds({ lastSeenAt: progress.lastSeenAt, now });
      progress.lastSeenAt = now;
      const wasCompleted = enrolment.status === 'completed';
      if (!progress.completedAt) {
        const score = checkScore(lesson.check, progress.checkState);
        Object.assign(progress, {
          completedAt: now,
          score,
          contentHash: lesson.contentHash,
          courseVersion: course.version,
        });
        await this.record(manager, enrolment, course, {
          verb: VERBS.completed,
          object: lessonActivity(course, lesson),
          parent: true,
          result: {
            score: {
              scaled: score,
              raw: Math.round(score * lesson.check.length),
              min: 0,
              max: lesson.check.length,
            },
            success: true,
            completion: true,
            duration: isoDuration(progress.secondsSpent),
          },
          extensions: { [EXTENSIONS.contentHash]: lesson.contentHash },
        });
      }
      await manager.getRepository(LessonProgress).save(progress);
      await this.completeCourseIfDone(manager, enrolment, course, now);
      await manager.getRepository(Enrolment).save(enrolment);
      return {
        enrolment,
        progress,
        courseCompleted: !wasCompleted && enrolment.status === 'completed',
      };
    });
    const index = course.lessons.indexOf(lesson);
    return {
      lesson: toLessonProgressView(lesson, done.progress),
      enrolment: await this.enrolments.view(done.enrolment),
      courseCompleted: done.courseCompleted,
      next: lessonLink(course.lessons[index + 1]),
    };
  }

  /**
   * Runs one change of a learner's progress in a transaction that holds their enrolment row
   * (locked on PostgreSQL, queued on SQLite), so a double click or two tabs cannot double-count
   * time, answers or completions.
   */
  private withEnrolment<T>(
    enrolmentId: string,
    work: (manager: EntityManager, enrolment: Enrolment) => Promise<T>,
  ): Promise<T> {
    return runTransaction(this.dataSource, async (manager) => {
      const lock =
        manager.connection.options.type === 'postgres'
          ? { lock: { mode: 'pessimistic_write' as const } }
          : {};
      const enrolment = await manager
        .getRepository(Enrolment)
        .findOne({ where: { id: enrolmentId }, ...lock });
      if (!enrolment)
        throw new CourseError(CourseErrorCode.NotEnrolled, 'Enrol in this course first');
      return work(manager, enrolment);
    });
  }

  private async completeCourseIfDone(
    manager: EntityManager,
    enrolment: Enrolment,
    course: CourseDefinition,
    now: Date,
  ): Promise<void> {
    if (enrolment.status === 'completed') return;
    const rows = await manager.getRepository(LessonProgress).findBy({ enrolmentId: enrolment.id });
    const done = completedLessonIds(course, rows);
    if (done.size < course.lessons.length) return;
    const current = rows.filter((row) => done.has(row.lessonId));
    const score = courseScore(current.map((row) => row.score ?? 0));
    const seconds = rows.reduce((sum, row) => sum + row.secondsSpent, 0);
    Object.assign(enrolment, {
      status: 'completed',
      completedAt: now,
      completedVersion: course.version,
      score,
    });
    await this.record(manager, enrolment, course, {
      verb: VERBS.completed,
      object: courseActivity(course),
      result: {
        score: { scaled: score },
        success: true,
        completion: true,
        duration: isoDuration(seconds),
      },
      extensions: { [EXTENSIONS.courseVersion]: course.version },
    });
  }

  private async lessonContext(
    viewer: Viewer,
    courseId: string,
    lessonId: string,
  ): Promise<LessonContext> {
    const { course, lesson } = this.catalogue.lesson(courseId, lessonId);
    const enrolment = await this.enrolments.require(viewer.id, course.id);
    return { course, lesson, enrolment };
  }

  private async opened(
    manager: EntityManager,
    enrolment: Enrolment,
    lesson: LessonDefinition,
  ): Promise<LessonProgress> {
    const progress = await manager
      .getRepository(LessonProgress)
      .findOneBy({ enrolmentId: enrolment.id, lessonId: lesson.id });
    if (!progress) throw new CourseError(CourseErrorCode.LessonNotOpened, 'Open the lesson first');
    return progress;
  }

  private record(
    manager: EntityManager,
    enrolment: Enrolment,
    course: CourseDefinition,
    event: {
      verb: string;
      object: { id: string; type: string; name: string };
      /** The lesson (or `true`: the course) the object sits in. */
      parent?: LessonDefinition | true;
      result?: Parameters<LearningRecordsService['record']>[0]['result'];
      extensions?: Record<string, unknown>;
    },
  ): Promise<unknown> {
    const parent =
      event.parent === true
        ? [courseActivity(course)]
        : event.parent
          ? [lessonActivity(course, event.parent)]
          : undefined;
    return this.records.record(
      {
        userId: enrolment.userId,
        verb: event.verb,
        object: event.object,
        result: event.result,
        context: {
          registration: enrolment.id,
          revision: String(course.version),
          ...(parent ? { parent } : {}),
          ...(event.parent && event.parent !== true ? { grouping: [courseActivity(course)] } : {}),
          ...(event.extensions ? { extensions: event.extensions } : {}),
        },
      },
      manager,
    );
  }
}
