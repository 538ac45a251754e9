import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DIMENSIONS } from '../scoring/engine';
import { ProgrammeScope } from './report-catalogue';
import { ReportScope, ReportScopes } from './report-scope';
import { jsonNumberSql } from '../database/json-number';

type Raw = Record<string, unknown>;

/** Live cycles follow their dates; revoked and superseded ones are final (as `statusAt`). */
const LIVE = `c.status NOT IN ('revoked', 'superseded')`;

/**
 * The dashboard's aggregates, each one GROUP BY query over the people of the scope (never a
 * row per person loaded into memory). Tables of other features are read, never written.
 */
@Injectable()
export class DashboardQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scopes: ReportScopes,
  ) {}

  /** Active trainees per team. */
  people(scope: ReportScope): Promise<Raw[]> {
    return this.scopes
      .applyPeople(
        this.dataSource
          .createQueryBuilder()
          .select('u.team', 'team')
          .addSelect('COUNT(*)', 'people')
          .from('users', 'u'),
        scope,
        { activeOnly: true },
      )
      .groupBy('u.team')
      .getRawMany<Raw>();
  }

  /** Each person's latest cycle of each programme, counted by where it stands at `now`. */
  certificates(scope: ReportScope, now: Date, soon: Date): Promise<Raw[]> {
    const builder = this.fromPeople('certificates', 'c', scope)
      .select('u.team', 'team')
      .addSelect('c.programme_id', 'programme_id')
      .addSelect(`SUM(CASE WHEN ${LIVE} AND c.expires_at > :soon THEN 1 ELSE 0 END)`, 'certified')
      .addSelect(
        `SUM(CASE WHEN ${LIVE} AND c.expires_at > :now AND c.expires_at <= :soon THEN 1 ELSE 0 END)`,
        'expiring',
      )
      .addSelect(`SUM(CASE WHEN ${LIVE} AND c.expires_at <= :now THEN 1 ELSE 0 END)`, 'expired')
      .addSelect(`SUM(CASE WHEN c.status = 'revoked' THEN 1 ELSE 0 END)`, 'revoked')
      .andWhere(
        'c.cycle = (SELECT MAX(l.cycle) FROM certificates l WHERE l.user_id = c.user_id AND l.programme_id = c.programme_id)',
      )
      .setParameters({ now: this.scopes.time(now), soon: this.scopes.time(soon) })
      .groupBy('u.team')
      .addGroupBy('c.programme_id');
    if (scope.programme)
      builder.andWhere('c.programme_id = :programmeId', { programmeId: scope.programme.id });
    return builder.getRawMany<Raw>();
  }

  /**
   * People who never held a programme but have started on it (one of its courses begun, one of
   * its exams or scenarios tried), per team: one pass over the people, one column per programme.
   */
  inProgress(scope: ReportScope, programmes: readonly ProgrammeScope[]): Promise<Raw[]> {
    const builder = this.scopes.applyPeople(
      this.dataSource.createQueryBuilder().select('u.team', 'team').from('users', 'u'),
      scope,
      { activeOnly: true },
    );
    programmes.forEach((programme, index) => {
      const started: string[] = [];
      const key = (name: string): string => `${name}${index}`;
      if (programme.courseIds.length) {
        started.push(
          `EXISTS (SELECT 1 FROM enrolments e WHERE e.user_id = u.id AND e.course_id IN (:...${key('courses')}) AND e.status <> 'not_started')`,
        );
        builder.setParameter(key('courses'), programme.courseIds);
      }
      if (programme.examIds.length) {
        started.push(
          `EXISTS (SELECT 1 FROM exam_attempts a WHERE a.user_id = u.id AND a.exam_id IN (:...${key('exams')}))`,
        );
        builder.setParameter(key('exams'), programme.examIds);
      }
      if (programme.scenarioIds.length) {
        started.push(
          `EXISTS (SELECT 1 FROM simulation_sessions s WHERE s.user_id = u.id AND s.scenario_id IN (:...${key('scenarios')}))`,
        );
        builder.setParameter(key('scenarios'), programme.scenarioIds);
      }
      const condition = started.length
        ? `NOT EXISTS (SELECT 1 FROM certificates c WHERE c.user_id = u.id AND c.programme_id = :${key('programme')}) AND (${started.join(' OR ')})`
        : '1 = 0';
      builder
        .addSelect(`SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`, `p${index}`)
        .setParameter(key('programme'), programme.id);
    });
    return builder.groupBy('u.team').getRawMany<Raw>();
  }

  /** Finished attempts with a final verdict, by team and exam (sums, so either can be rolled up). */
  exams(scope: ReportScope): Promise<Raw[]> {
    const builder = this.fromPeople('exam_attempts', 'a', scope)
      .select('u.team', 'team')
      .addSelect('a.exam_id', 'exam_id')
      .addSelect('COUNT(*)', 'attempts')
      .addSelect('SUM(CASE WHEN a.passed = :yes THEN 1 ELSE 0 END)', 'passed')
      .addSelect('SUM(a.percent)', 'grade_sum')
      .addSelect('COUNT(a.percent)', 'graded')
      .andWhere(`a.status = 'finished'`)
      .andWhere('a.passed IS NOT NULL')
      .setParameter('yes', true)
      .groupBy('u.team')
      .addGroupBy('a.exam_id');
    this.scopes.applyWindow(builder, scope, 'a.finished_at');
    this.scopes.inList(builder, 'a.exam_id', scope.programme?.examIds, 'programmeExams');
    return builder.getRawMany<Raw>();
  }

  /** Finished role-play sessions by team. */
  simulations(scope: ReportScope): Promise<Raw[]> {
    const builder = this.fromPeople('simulation_sessions', 's', scope)
      .select('u.team', 'key')
      .addSelect('COUNT(*)', 'sessions')
      .addSelect('SUM(CASE WHEN s.passed = :yes THEN 1 ELSE 0 END)', 'passed')
      .addSelect('AVG(s.mean_score)', 'mean_score')
      .andWhere(`s.status = 'finished'`)
      .setParameter('yes', true)
      .groupBy('u.team');
    return this.scopes.applySessionFilters(builder, scope).getRawMany<Raw>();
  }

  /** Mean score of each dimension over the turns of finished sessions, by team. */
  dimensions(scope: ReportScope): Promise<Raw[]> {
    const builder = this.fromPeople('simulation_sessions', 's', scope)
      .innerJoin('simulation_turns', 't', 't.session_id = s.id')
      .select('u.team', 'key')
      .andWhere(`s.status = 'finished'`)
      .groupBy('u.team');
    for (const dimension of DIMENSIONS)
      builder.addSelect(
        `AVG(${jsonNumberSql(this.scopes.isPostgres(), 't.report', 'dimensions', dimension)})`,
        dimension,
      );
    return this.scopes.applySessionFilters(builder, scope).getRawMany<Raw>();
  }

  /** Assignments (enrolments with a due date) and the overdue ones, by team and course. */
  assignments(scope: ReportScope, today: string): Promise<Raw[]> {
    const builder = this.fromPeople('enrolments', 'e', scope)
      .select('u.team', 'team')
      .addSelect('e.course_id', 'course_id')
      .addSelect('COUNT(*)', 'assigned')
      .addSelect(
        `SUM(CASE WHEN e.due_date < :today AND e.status <> 'completed' THEN 1 ELSE 0 END)`,
        'overdue',
      )
      .addSelect(`SUM(CASE WHEN e.status = 'completed' THEN 1 ELSE 0 END)`, 'completed')
      .andWhere('e.due_date IS NOT NULL')
      .setParameter('today', today)
      .groupBy('u.team')
      .addGroupBy('e.course_id');
    this.scopes.applyWindow(builder, scope, 'e.due_date', 'day');
    this.scopes.inList(builder, 'e.course_id', scope.programme?.courseIds, 'programmeCourses');
    return builder.getRawMany<Raw>();
  }

  /** Course ratings of the people in scope, by course and rating. */
  satisfaction(scope: ReportScope): Promise<Raw[]> {
    const builder = this.fromPeople('course_feedback', 'f', scope)
      .select('f.course_id', 'course_id')
      .addSelect('f.rating', 'rating')
      .addSelect('COUNT(*)', 'answers')
      .groupBy('f.course_id')
      .addGroupBy('f.rating');
    this.scopes.applyWindow(builder, scope, 'f.updated_at');
    this.scopes.inList(builder, 'f.course_id', scope.programme?.courseIds, 'programmeCourses');
    return builder.getRawMany<Raw>();
  }

  /** Moves taking effect in [first, last] (calendar days), by team and status. */
  moves(scope: ReportScope, first: string, last: string): Promise<Raw[]> {
    return this.fromPeople('rotation_moves', 'm', scope)
      .select('u.team', 'key')
      .addSelect('m.status', 'status')
      .addSelect('COUNT(*)', 'moves')
      .andWhere('m.effective_on >= :first AND m.effective_on <= :last', { first, last })
      .groupBy('u.team')
      .addGroupBy('m.status')
      .getRawMany<Raw>();
  }

  private fromPeople(
    table: string,
    alias: string,
    scope: ReportScope,
  ): SelectQueryBuilder<ObjectLiteral> {
    const builder = this.dataSource
      .createQueryBuilder()
      .from(table, alias)
      .innerJoin('users', 'u', `u.id = ${alias}.user_id`)
      .where('1 = 1');
    return this.scopes.applyPeople(builder, scope);
  }
}
