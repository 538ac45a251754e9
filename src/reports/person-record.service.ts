import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { statusAt } from '../certifications/engine';
import { Clock, CLOCK } from '../common/clock';
import { AuditService } from '../identity/audit.service';
import { UsersService } from '../identity/users.service';
import { Viewer } from '../identity/viewer';
import { ReportFiltersDto } from './dto/report-filters.dto';
import { PersonRecordView } from './person-record-views';
import { ReportCatalogue } from './report-catalogue';
import { ReportError } from './report-error';
import { rawNumber, ReportScopes } from './report-scope';
import { RetrainingService } from './retraining.service';
import { rawIso, rawTime } from '../database/raw-time';
import { outcomeLabel } from '../simulations/outcome-labels';

type Raw = Record<string, unknown>;
const PEOPLE_PAGE = 200;

export interface PersonIndexEntry {
  id: string;
  displayName: string;
  email: string;
  team: string | null;
  cohort: string | null;
  active: boolean;
  position: string | null;
}

/** One person's whole record on one page: courses, exams, role-play, certificates, positions. */
@Injectable()
export class PersonRecordService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly scopes: ReportScopes,
    private readonly catalogue: ReportCatalogue,
    private readonly audit: AuditService,
    private readonly retraining: RetrainingService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The record, if the viewer may see it; otherwise the same 404 as for nobody. */
  async record(viewer: Viewer, userId: string): Promise<PersonRecordView> {
    const user = await this.users.get(userId).catch(() => null);
    if (!user || !this.scopes.maySee(viewer, user)) throw ReportError.personNotFound();
    const now = this.clock.now();
    const today = now.toISOString().slice(0, 10);
    const [
      enrolments,
      lessons,
      attempts,
      sessions,
      certificates,
      positions,
      moves,
      reviews,
      retraining,
    ] = await Promise.all([
      this.rows('enrolments', 'e', userId).orderBy('e.enrolled_at', 'DESC').getRawMany<Raw>(),
      this.rows('lesson_progress', 'p', userId, ['p.course_id AS course_id', 'COUNT(*) AS done'])
        .andWhere('p.completed_at IS NOT NULL')
        .groupBy('p.course_id')
        .getRawMany<Raw>(),
      this.rows('exam_attempts', 'a', userId).orderBy('a.started_at', 'DESC').getRawMany<Raw>(),
      this.rows('simulation_sessions', 's', userId)
        .orderBy('s.started_at', 'DESC')
        .getRawMany<Raw>(),
      this.rows('certificates', 'c', userId)
        .orderBy('c.issued_at', 'DESC')
        .addOrderBy('c.cycle', 'DESC')
        .getRawMany<Raw>(),
      this.rows('position_history', 'h', userId).orderBy('h.started_on', 'DESC').getRawMany<Raw>(),
      this.rows('rotation_moves', 'm', userId).orderBy('m.effective_on', 'DESC').getRawMany<Raw>(),
      this.rows('rotation_reviews', 'r', userId)
        .leftJoin('users', 'reviewer', 'reviewer.id = r.reviewer_id')
        .leftJoin('rotation_moves', 'rm', 'rm.id = r.move_id')
        .addSelect(['reviewer.display_name AS reviewer_name', 'rm.position_id AS move_position'])
        .orderBy('r.reviewed_at', 'DESC')
        .getRawMany<Raw>(),
      this.retraining.forPerson(userId),
    ]);
    const done = new Map(lessons.map((row) => [String(row.course_id), rawNumber(row.done)]));
    const current = positions.find((row) => row.ended_on === null || row.ended_on === undefined);
    return {
      generatedAt: now.toISOString(),
      profile: {
        id: user.id,
        displayName: user.displayName,
        email: user.email,
        employeeNumber: user.employeeNumber,
        team: user.team,
        cohort: user.cohort,
        roles: user.roles,
        active: user.active,
        createdAt: user.createdAt.toISOString(),
        currentPosition: current
          ? {
              positionId: String(current.position_id),
              title: this.catalogue.titleOf('position', String(current.position_id)),
              since: String(current.started_on),
            }
          : null,
      },
      courses: enrolments.map((row) => {
        const courseId = String(row.course_id);
        const total = this.catalogue.lessonCount(courseId);
        const completed = row.status === 'completed';
        const lessonsCompleted = completed ? total : Math.min(done.get(courseId) ?? 0, total);
        const dueDate = (row.due_date as string | null) ?? null;
        return {
          enrolmentId: String(row.id),
          courseId,
          title: this.catalogue.titleOf('course', courseId),
          status: String(row.status),
          enrolledAt: rawIso(row.enrolled_at) ?? '',
          assigned: row.assigned_by_id !== null && row.assigned_by_id !== undefined,
          dueDate,
          overdue: dueDate !== null && dueDate < today && !completed,
          lessonsCompleted,
          lessons: total,
          progress: total ? Math.round((lessonsCompleted / total) * 100) : 0,
          startedAt: rawIso(row.started_at),
          completedAt: rawIso(row.completed_at),
          score:
            row.score === null || row.score === undefined
              ? null
              : Math.round(Number(row.score) * 1000) / 10,
          link: `/courses/${encodeURIComponent(courseId)}`,
        };
      }),
      exams: attempts.map((row) => ({
        attemptId: String(row.id),
        examId: String(row.exam_id),
        title: this.catalogue.titleOf('exam', String(row.exam_id)),
        attemptNumber: rawNumber(row.attempt_number),
        status: String(row.status),
        startedAt: rawIso(row.started_at) ?? '',
        finishedAt: rawIso(row.finished_at),
        percent: row.percent === null || row.percent === undefined ? null : Number(row.percent),
        passed: booleanOf(row.passed),
        pending: rawNumber(row.pending),
        link: `/exams/attempts/${String(row.id)}/result`,
      })),
      simulations: sessions.map((row) => ({
        sessionId: String(row.id),
        scenarioId: String(row.scenario_id),
        title: this.catalogue.titleOf('scenario', String(row.scenario_id)),
        attemptNumber: rawNumber(row.attempt_number),
        status: String(row.status),
        startedAt: rawIso(row.started_at) ?? '',
        finishedAt: rawIso(row.finished_at),
        turns: rawNumber(row.turn_count),
        outcome: (row.outcome as string | null) ?? null,
        outcomeLabel: row.outcome ? outcomeLabel(String(row.outcome)) : null,
        passed: booleanOf(row.passed),
        meanScore:
          row.mean_score === null || row.mean_score === undefined ? null : Number(row.mean_score),
        link: row.status === 'finished' ? `/simulations/sessions/${String(row.id)}/debrief` : null,
      })),
      certificates: certificates.map((row) => {
        const cycle = {
          status: row.status as Parameters<typeof statusAt>[0]['status'],
          expiresAt: rawTime(row.expires_at)!,
          renewalOpensAt: rawTime(row.renewal_opens_at)!,
        };
        return {
          certificateId: String(row.id),
          programmeId: String(row.programme_id),
          title: String(row.programme_title),
          cycle: rawNumber(row.cycle),
          status: statusAt(cycle, now),
          issuedAt: rawIso(row.issued_at) ?? '',
          expiresAt: cycle.expiresAt.toISOString(),
          revokedAt: rawIso(row.revoked_at),
          revokedReason: (row.revoked_reason as string | null) ?? null,
        };
      }),
      positions: positions.map((row) => ({
        historyId: String(row.id),
        positionId: String(row.position_id),
        title: this.catalogue.titleOf('position', String(row.position_id)),
        startedOn: String(row.started_on),
        endedOn: (row.ended_on as string | null) ?? null,
        reason: String(row.reason),
      })),
      moves: moves.map((row) => ({
        moveId: String(row.id),
        fromPositionId: (row.from_position_id as string | null) ?? null,
        positionId: String(row.position_id),
        title: this.catalogue.titleOf('position', String(row.position_id)),
        effectiveOn: String(row.effective_on),
        status: String(row.status),
        overrideReason: (row.override_reason as string | null) ?? null,
        reviewDueOn: (row.review_due_on as string | null) ?? null,
      })),
      reviews: reviews.map((row) => ({
        reviewId: String(row.id),
        moveId: String(row.move_id),
        positionTitle: row.move_position
          ? this.catalogue.titleOf('position', String(row.move_position))
          : '',
        reviewerName: String(row.reviewer_name ?? row.reviewer_id),
        rating: rawNumber(row.rating),
        comments: String(row.comments),
        reviewedAt: rawIso(row.reviewed_at) ?? '',
      })),
      retraining,
    };
  }

  /** The record as a download, written to the audit log like every export. */
  async exportRecord(
    viewer: Viewer,
    userId: string,
    format: 'csv' | 'json',
  ): Promise<PersonRecordView> {
    const record = await this.record(viewer, userId);
    await this.audit.recordExport(viewer, {
      table: 'person-record',
      target: { type: 'user', id: userId },
      format,
      rowCount:
        record.courses.length +
        record.exams.length +
        record.simulations.length +
        record.certificates.length +
        record.positions.length +
        record.moves.length +
        record.reviews.length,
    });
    return record;
  }

  /** People in the viewer's scope matching a name or email, for finding a record. */
  async index(
    viewer: Viewer,
    dto: ReportFiltersDto,
    search?: string,
  ): Promise<{ total: number; items: PersonIndexEntry[] }> {
    const scope = this.scopes.resolve(viewer, dto);
    const builder = this.scopes.applyPeople(
      this.dataSource
        .createQueryBuilder()
        .from('users', 'u')
        .leftJoin('position_history', 'h', `h.user_id = u.id AND h.current_key = 'current'`)
        .where('1 = 1'),
      scope,
    );
    if (search?.trim())
      builder.andWhere('(LOWER(u.display_name) LIKE :search OR LOWER(u.email) LIKE :search)', {
        search: `%${search.trim().toLowerCase().replace(/[%_]/g, '')}%`,
      });
    const total = await builder.clone().select('COUNT(*)', 'count').getRawOne<{ count: unknown }>();
    const rows = await builder
      .select([
        'u.id AS id',
        'u.display_name AS name',
        'u.email AS email',
        'u.team AS team',
        'u.cohort AS cohort',
        'u.active AS active',
        'h.position_id AS position_id',
      ])
      .orderBy('u.display_name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(PEOPLE_PAGE)
      .getRawMany<Raw>();
    return {
      total: rawNumber(total?.count),
      items: rows.map((row) => ({
        id: String(row.id),
        displayName: String(row.name),
        email: String(row.email),
        team: (row.team as string | null) ?? null,
        cohort: (row.cohort as string | null) ?? null,
        active: booleanOf(row.active) ?? false,
        position: row.position_id
          ? this.catalogue.titleOf('position', String(row.position_id))
          : null,
      })),
    };
  }

  private rows(
    table: string,
    alias: string,
    userId: string,
    select?: string[],
  ): SelectQueryBuilder<ObjectLiteral> {
    return this.dataSource
      .createQueryBuilder()
      .select(select ?? [`${alias}.*`])
      .from(table, alias)
      .where(`${alias}.user_id = :userId`, { userId });
  }
}

function booleanOf(value: unknown): boolean | null {
  if (value === null || value === undefined) return null;
  return value === true || value === 1 || value === '1' || value === 't';
}
