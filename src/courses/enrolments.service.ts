import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, LessThanOrEqual, Not, Repository } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { runTransaction } from '../database/transactions';
import { FieldError } from '../common/domain-error';
import { AuditService } from '../identity/audit.service';
import { UserView } from '../identity/dto/user.dto';
import { UsersService } from '../identity/users.service';
import { Viewer } from '../identity/viewer';
import { LearningRecordsService } from '../learning-records/learning-records.service';
import { EXTENSIONS, VERBS } from '../learning-records/xapi';
import { courseActivity } from './course-activities';
import { CourseCatalogueService } from './course-catalogue.service';
import { CourseDefinition } from './course-definition';
import { CourseError, CourseErrorCode } from './course-error';
import { AssignCourseDto } from './dto/course-requests.dto';
import { AssigneeView, AssignmentResultView } from './dto/course-views.dto';
import { toEnrolmentView } from './course-view.mapper';
import { EnrolmentView } from './dto/course-views.dto';
import { Enrolment } from './enrolment.entity';
import { LessonProgress } from './lesson-progress.entity';

/** Who is on which course: self-enrolment, assignment by staff, and the prerequisite rule. */
@Injectable()
export class EnrolmentsService {
  constructor(
    @InjectRepository(Enrolment) private readonly enrolments: Repository<Enrolment>,
    @InjectRepository(LessonProgress) private readonly progress: Repository<LessonProgress>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: CourseCatalogueService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly records: LearningRecordsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  find(userId: string, courseId: string): Promise<Enrolment | null> {
    return this.enrolments.findOneBy({ userId, courseId });
  }

  async require(userId: string, courseId: string): Promise<Enrolment> {
    const enrolment = await this.find(userId, courseId);
    if (!enrolment)
      throw new CourseError(CourseErrorCode.NotEnrolled, 'Enrol in this course first');
    return enrolment;
  }

  /** The person's unfinished assignments due by `lastDay` (YYYY-MM-DD), soonest first. */
  dueBy(userId: string, lastDay: string): Promise<Enrolment[]> {
    return this.enrolments.find({
      where: { userId, status: Not('completed'), dueDate: LessThanOrEqual(lastDay) },
      order: { dueDate: 'ASC', courseId: 'ASC' },
    });
  }

  ofUser(userId: string): Promise<Enrolment[]> {
    return this.enrolments.find({ where: { userId }, order: { enrolledAt: 'ASC', id: 'ASC' } });
  }

  ofCourse(courseId: string, userIds?: readonly string[]): Promise<Enrolment[]> {
    if (userIds && userIds.length === 0) return Promise.resolve([]);
    return this.enrolments.find({
      where: { courseId, ...(userIds ? { userId: In([...userIds]) } : {}) },
      order: { enrolledAt: 'ASC', id: 'ASC' },
    });
  }

  /** Lesson progress of these enrolments. */
  progressOf(enrolmentIds: readonly string[]): Promise<LessonProgress[]> {
    if (enrolmentIds.length === 0) return Promise.resolve([]);
    return this.progress.find({
      where: { enrolmentId: In([...enrolmentIds]) },
      order: { openedAt: 'ASC', id: 'ASC' },
    });
  }

  async view(enrolment: Enrolment): Promise<EnrolmentView> {
    const course = this.catalogue.course(enrolment.courseId);
    const rows = await this.progressOf([enrolment.id]);
    return toEnrolmentView(course, enrolment, rows, this.clock.now());
  }

  /** Ids of the prerequisite courses this person has not completed yet. */
  async missingPrerequisites(userId: string, course: CourseDefinition): Promise<string[]> {
    if (course.prerequisites.length === 0) return [];
    const done = await this.enrolments.find({
      where: { userId, courseId: In(course.prerequisites), status: 'completed' },
    });
    const completed = new Set(done.map((enrolment) => enrolment.courseId));
    return course.prerequisites.filter((id) => !completed.has(id));
  }

  /** Refuses with the names of the prerequisites still to complete. */
  async assertPrerequisites(
    userId: string,
    course: CourseDefinition,
    action: string,
  ): Promise<void> {
    const missing = await this.missingPrerequisites(userId, course);
    if (missing.length === 0) return;
    const titles = missing.map((id) => `“${this.catalogue.find(id)?.title ?? id}”`);
    throw new CourseError(
      CourseErrorCode.PrerequisitesNotMet,
      `Complete ${titles.join(' and ')} before you ${action} “${course.title}”`,
      [{ path: 'prerequisites', messages: missing.map((id) => `${id} is not completed yet`) }],
    );
  }

  /** Enrols the viewer; enrolling again answers the enrolment that exists. */
  async enrol(viewer: Viewer, courseId: string): Promise<EnrolmentView> {
    const course = this.catalogue.course(courseId);
    const existing = await this.find(viewer.id, course.id);
    if (existing) return this.view(existing);
    await this.assertPrerequisites(viewer.id, course, 'enrol in');
    const created = await this.insertEnrolment(viewer, course).catch(async (error: unknown) => {
      // A double-submitted form races itself: the unique key keeps one, which both answer.
      const winner = await this.find(viewer.id, course.id);
      if (winner) return winner;
      throw error;
    });
    return this.view(created);
  }

  private insertEnrolment(viewer: Viewer, course: CourseDefinition): Promise<Enrolment> {
    return runTransaction(this.dataSource, async (manager) => {
      const enrolment = this.newEnrolment(viewer.id, course.id);
      await manager.getRepository(Enrolment).insert(enrolment);
      await this.records.record(
        {
          userId: viewer.id,
          verb: VERBS.registered,
          object: courseActivity(course),
          context: { registration: enrolment.id, revision: String(course.version) },
        },
        manager,
      );
      return enrolment;
    });
  }

  /**
   * Assigns a course to people, a team and/or a cohort (active trainees), due by a day. One
   * transaction with the audit entry: everyone is assigned or, on any problem, no one.
   */
  async assign(
    viewer: Viewer,
    courseId: string,
    dto: AssignCourseDto,
  ): Promise<AssignmentResultView> {
    const course = this.catalogue.course(courseId);
    const today = this.clock.now().toISOString().slice(0, 10);
    const errors: FieldError[] = [];
    if (dto.dueDate < today)
      errors.push({ path: 'dueDate', messages: [`dueDate must be today (${today}) or later`] });
    const people = await this.assignees(dto, errors);
    if (errors.length > 0)
      throw new CourseError(
        CourseErrorCode.InvalidAssignment,
        'Nobody was assigned: fix the fields listed',
        errors,
      );
    const now = this.clock.now();
    const assignees = await runTransaction(this.dataSource, async (manager) => {
      const existing = await manager.getRepository(Enrolment).find({
        where: { courseId: course.id, userId: In(people.map((person) => person.id)) },
      });
      const result: AssigneeView[] = [];
      for (const person of people) {
        const enrolment = existing.find((row) => row.userId === person.id);
        result.push(
          await this.assignOne(manager, {
            viewer,
            course,
            person,
            enrolment,
            dueDate: dto.dueDate,
            now,
          }),
        );
      }
      await this.audit.record(
        viewer,
        {
          action: 'course.assigned',
          targetType: 'course',
          targetId: course.id,
          summary: {
            dueDate: dto.dueDate,
            team: dto.team ?? null,
            cohort: dto.cohort ?? null,
            userIds: result.map((assignee) => assignee.userId),
            created: result.filter((assignee) => assignee.outcome === 'created').length,
            updated: result.filter((assignee) => assignee.outcome === 'updated').length,
            alreadyCompleted: result.filter((a) => a.outcome === 'already_completed').length,
          },
        },
        manager,
      );
      return result;
    });
    for (const assignee of assignees)
      assignee.waitingFor = await this.missingPrerequisites(assignee.userId, course);
    return { courseId: course.id, dueDate: dto.dueDate, assignees };
  }

  private async assignOne(
    manager: EntityManager,
    input: {
      viewer: Viewer;
      course: CourseDefinition;
      person: UserView;
      enrolment: Enrolment | undefined;
      dueDate: string;
      now: Date;
    },
  ): Promise<AssigneeView> {
    const { viewer, course, person, now } = input;
    const view = (enrolment: Enrolment, outcome: AssigneeView['outcome']): AssigneeView => ({
      userId: person.id,
      displayName: person.displayName,
      enrolmentId: enrolment.id,
      outcome,
      waitingFor: [],
    });
    // A completion stands: assigning again does not reopen the course.
    if (input.enrolment?.status === 'completed') return view(input.enrolment, 'already_completed');
    const enrolment = input.enrolment ?? this.newEnrolment(person.id, course.id);
    Object.assign(enrolment, { assignedById: viewer.id, assignedAt: now, dueDate: input.dueDate });
    if (input.enrolment) await manager.getRepository(Enrolment).save(enrolment);
    else await manager.getRepository(Enrolment).insert(enrolment);
    await this.records.record(
      {
        userId: person.id,
        verb: VERBS.assigned,
        object: courseActivity(course),
        context: {
          registration: enrolment.id,
          revision: String(course.version),
          instructorId: viewer.id,
          extensions: { [EXTENSIONS.dueDate]: input.dueDate },
        },
      },
      manager,
    );
    return view(enrolment, input.enrolment ? 'updated' : 'created');
  }

  private async assignees(dto: AssignCourseDto, errors: FieldError[]): Promise<UserView[]> {
    if (!dto.userIds?.length && !dto.team && !dto.cohort) {
      errors.push({ path: 'userIds', messages: ['name people (userIds), a team or a cohort'] });
      return [];
    }
    const people = new Map<string, UserView>();
    if (dto.userIds?.length) {
      const found = await this.users.listByIds(dto.userIds);
      dto.userIds.forEach((id, index) => {
        const user = found.find((candidate) => candidate.id === id);
        if (user?.active) people.set(id, user);
        else errors.push({ path: `userIds.${index}`, messages: ['no active user with this id'] });
      });
    }
    for (const field of ['team', 'cohort'] as const) {
      const value = dto[field];
      if (!value) continue;
      const { items } = await this.users.list({ [field]: value, role: 'trainee', limit: 1000 });
      const active = items.filter((user) => user.active);
      if (active.length === 0)
        errors.push({ path: field, messages: [`no active trainee in ${field} “${value}”`] });
      for (const user of active) people.set(user.id, user);
    }
    return [...people.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  private newEnrolment(userId: string, courseId: string): Enrolment {
    return this.enrolments.create({
      id: randomUUID(),
      userId,
      courseId,
      status: 'not_started',
      enrolledAt: this.clock.now(),
      assignedById: null,
      assignedAt: null,
      dueDate: null,
      startedAt: null,
      completedAt: null,
      completedVersion: null,
      score: null,
      lastLessonId: null,
    });
  }
}
