import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ContentCatalogue } from '../content/content-kind';
import { COURSES } from '../courses/course-content.kind';
import { CourseDefinition } from '../courses/course-definition';
import { coursesTraining } from '../courses/courses-training';
import { chunksOf } from '../database/chunks';
import { jsonNumberSql } from '../database/json-number';
import { HomeNotice } from '../identity/home-sections';
import { Viewer } from '../identity/viewer';
import { DIMENSIONS } from '../scoring/engine';
import {
  CourseSuggestionView,
  DEFAULT_MIN_SESSIONS,
  DEFAULT_THRESHOLD,
  RetrainingCourseView,
  RetrainingPersonView,
  RetrainingQueryDto,
  RetrainingView,
} from './dto/retraining.dto';
import { rawNumber, ReportScope, ReportScopes } from './report-scope';

// Everyone, all time: a single person's assessment (access is checked by the caller).
const EVERYONE: ReportScope = {
  teams: null,
  cohort: null,
  programme: null,
  from: null,
  to: null,
  fromTime: null,
  untilTime: null,
  filters: { team: null, cohort: null, programme: null, from: null, to: null },
};

interface EnrolmentRow {
  user_id: string;
  course_id: string;
  status: string;
  due_date: string | null;
}

/**
 * Targeted retraining: the trainees whose role-play replies score below a threshold on a
 * dimension (mean over the scored replies of their finished sessions in the window), and the
 * courses that train that dimension (`trains` in content/courses), with where each person is
 * with each course. Read-only; assigning goes through the courses feature.
 */
@Injectable()
export class RetrainingService {
  private readonly courses: CourseDefinition[];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scopes: ReportScopes,
    catalogue: ContentCatalogue,
  ) {
    this.courses = catalogue.get(COURSES).filter((course) => course.trains.length > 0);
  }

  async retraining(viewer: Viewer, query: RetrainingQueryDto): Promise<RetrainingView> {
    const scope = this.scopes.resolve(viewer, query);
    const threshold = query.threshold ?? DEFAULT_THRESHOLD;
    const minSessions = query.minSessions ?? DEFAULT_MIN_SESSIONS;
    const { assessed, people } = await this.assess(scope, threshold, minSessions);
    const courses: RetrainingCourseView[] = this.courses
      .map((course) => {
        const suggested = people.filter((person) =>
          person.suggestions.some((suggestion) => suggestion.courseId === course.id),
        );
        const toAssign = suggested.filter((person) => {
          const suggestion = person.suggestions.find((item) => item.courseId === course.id);
          return suggestion?.status !== 'completed' && !suggestion?.dueDate;
        });
        return {
          courseId: course.id,
          title: course.title,
          trains: course.trains,
          toAssign: toAssign.map((person) => person.userId),
          suggestedFor: suggested.length,
        };
      })
      .filter((course) => course.suggestedFor > 0)
      .sort((a, b) => b.toAssign.length - a.toAssign.length || a.title.localeCompare(b.title));

    return { filters: scope.filters, threshold, minSessions, assessed, people, courses };
  }

  /**
   * One person's weak dimensions over all their finished sessions, with the courses that train
   * them; null when they have too few sessions or no dimension below the threshold.
   */
  async forPerson(userId: string): Promise<RetrainingPersonView | null> {
    const { people } = await this.assess(EVERYONE, DEFAULT_THRESHOLD, DEFAULT_MIN_SESSIONS, {
      userId,
      traineesOnly: false,
    });
    return people[0] ?? null;
  }

  // Per person in scope: the dimension means of their finished sessions, the weak ones, and the
  // suggested courses with where they are with each; weakest first.
  private async assess(
    scope: ReportScope,
    threshold: number,
    minSessions: number,
    only: { userId: string; traineesOnly: boolean } | null = null,
  ): Promise<{ assessed: number; people: RetrainingPersonView[] }> {
    const builder = this.scopes
      .applyPeople(
        this.dataSource
          .createQueryBuilder()
          .from('simulation_sessions', 's')
          .innerJoin('users', 'u', 'u.id = s.user_id')
          .innerJoin('simulation_turns', 't', 't.session_id = s.id')
          .select('u.id', 'user_id')
          .addSelect('u.display_name', 'display_name')
          .addSelect('u.team', 'team')
          .addSelect('COUNT(DISTINCT s.id)', 'sessions')
          .where(`s.status = 'finished'`),
        scope,
        only ? { traineesOnly: only.traineesOnly } : { activeOnly: true },
      )
      .groupBy('u.id')
      .addGroupBy('u.display_name')
      .addGroupBy('u.team')
      .having('COUNT(DISTINCT s.id) >= :minSessions', { minSessions });
    for (const dimension of DIMENSIONS)
      builder.addSelect(
        `AVG(${jsonNumberSql(this.scopes.isPostgres(), 't.report', 'dimensions', dimension)})`,
        dimension,
      );
    this.scopes.applySessionFilters(builder, scope);
    if (only) builder.andWhere('u.id = :onlyUser', { onlyUser: only.userId });
    const rows = await builder.getRawMany<Record<string, unknown>>();

    const flagged = rows
      .map((row) => ({
        userId: String(row.user_id),
        displayName: String(row.display_name),
        team: row.team === null || row.team === undefined ? null : String(row.team),
        sessions: rawNumber(row.sessions),
        weak: DIMENSIONS.flatMap((dimension) => {
          const value = row[dimension];
          if (value === null || value === undefined) return [];
          const mean = Math.round(Number(value) * 10) / 10;
          return mean < threshold ? [{ dimension, mean }] : [];
        }).sort((a, b) => a.mean - b.mean || a.dimension.localeCompare(b.dimension)),
      }))
      .filter((person) => person.weak.length > 0);

    const enrolments = await this.enrolmentsOf(flagged.map((person) => person.userId));
    const people: RetrainingPersonView[] = flagged
      .map((person) => ({
        ...person,
        suggestions: coursesTraining(
          this.courses,
          person.weak.map((weak) => weak.dimension),
        ).map((course): CourseSuggestionView => {
          const enrolment = enrolments.get(`${person.userId}|${course.courseId}`);
          return {
            ...course,
            status: enrolment ? enrolment.status.replace('_', '-') : 'none',
            dueDate: enrolment?.dueDate ?? null,
          };
        }),
      }))
      .sort(
        (a, b) => a.weak[0].mean - b.weak[0].mean || a.displayName.localeCompare(b.displayName),
      );
    return { assessed: rows.length, people };
  }

  // IN lists of the flagged ids (the index on user_id), not a pass over the whole table: with
  // thousands flagged, rowsForIds' whole-table read measured slower here (587 against 443 ms,
  // one sitting, bench/reports).
  private async enrolmentsOf(
    userIds: string[],
  ): Promise<Map<string, { status: string; dueDate: string | null }>> {
    const courseIds = this.courses.map((course) => course.id);
    const found = new Map<string, { status: string; dueDate: string | null }>();
    if (courseIds.length === 0) return found;
    for (const ids of chunksOf(userIds)) {
      const rows = await this.dataSource
        .createQueryBuilder()
        .from('enrolments', 'e')
        .select('e.user_id', 'user_id')
        .addSelect('e.course_id', 'course_id')
        .addSelect('e.status', 'status')
        .addSelect('e.due_date', 'due_date')
        .where('e.user_id IN (:...ids)', { ids })
        .andWhere('e.course_id IN (:...courseIds)', { courseIds })
        .getRawMany<EnrolmentRow>();
      for (const row of rows)
        found.set(`${row.user_id}|${row.course_id}`, {
          status: row.status,
          dueDate: row.due_date,
        });
    }
    return found;
  }
}

/**
 * The home-page notice of a trainee weak on a role-play dimension: the weakest one, linking to
 * their record's "What to work on", with the courses that train it still to do; none once
 * every suggested course is completed (or when nothing is weak).
 */
export function retrainingNotice(person: RetrainingPersonView | null): HomeNotice | null {
  const open = person?.suggestions.filter((suggestion) => suggestion.status !== 'completed');
  if (!person || !open?.length) return null;
  const weakest = person.weak[0];
  return {
    kind: 'retraining',
    text: `Your role-play replies are weakest on ${weakest.dimension} (${weakest.mean} on average): see what to work on`,
    href: '/reports/me#h-retraining',
    links: open.map((suggestion) => ({
      label: suggestion.title,
      href: `/courses/${suggestion.courseId}`,
    })),
  };
}
