import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../common/clock';
import { DAY_MS } from '../common/time';
import { Viewer } from '../identity/viewer';
import { DIMENSIONS } from '../scoring/engine';
import { DashboardQueries } from './dashboard.queries';
import { countRating, satisfactionOf } from '../courses/engine/satisfaction';
import {
  CourseSatisfactionRowView,
  DashboardView,
  ProgrammeCertificationView,
  RateView,
  TeamCertificationView,
  TeamMovesView,
  TeamSimulationView,
} from './dashboard-views';
import { ReportFiltersDto } from './dto/report-filters.dto';
import { ReportCatalogue } from './report-catalogue';
import { rawNumber, ReportScope, ReportScopes } from './report-scope';

/** "Expiring" on the dashboard: within this many days. */
export const EXPIRING_WITHIN_DAYS = 30;

type Raw = Record<string, unknown>;

/** The HR and supervisor dashboard: certification, exams, role-play, assignments, rotation. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly queries: DashboardQueries,
    private readonly scopes: ReportScopes,
    private readonly catalogue: ReportCatalogue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async dashboard(viewer: Viewer, dto: ReportFiltersDto): Promise<DashboardView> {
    const scope = this.scopes.resolve(viewer, dto);
    const now = this.clock.now();
    const today = now.toISOString().slice(0, 10);
    const quarter = quarterOf(now);
    const programmes = scope.programme ? [scope.programme] : this.catalogue.programmes();
    // One statement after another on SQLite; PostgreSQL runs them side by side.
    const [
      people,
      certificates,
      inProgress,
      exams,
      sessions,
      dimensions,
      assignments,
      moves,
      ratings,
    ] = await Promise.all([
      this.queries.people(scope),
      this.queries.certificates(
        scope,
        now,
        new Date(now.getTime() + EXPIRING_WITHIN_DAYS * DAY_MS),
      ),
      this.queries.inProgress(scope, programmes),
      this.queries.exams(scope),
      this.queries.simulations(scope),
      this.queries.dimensions(scope),
      this.queries.assignments(scope, today),
      this.queries.moves(scope, quarter.first, quarter.last),
      this.queries.satisfaction(scope),
    ]);
    const progress = programmes.map((_, index) =>
      inProgress.map((row) => ({ team: row.team, in_progress: row[`p${index}`] })),
    );
    const byExam = rollUp(exams, 'exam_id');
    const examsByTeam = rollUp(exams, 'team');
    const assignmentsByTeam = rollUp(assignments, 'team');
    const assignmentsByCourse = rollUp(assignments, 'course_id');
    const assignmentTeams = assignmentsByTeam.map((row) => ({
      team: teamOf(row.key),
      ...assignmentCounts(row),
    }));
    const moveTeams = movesByTeam(moves);
    return {
      generatedAt: now.toISOString(),
      today,
      filters: scope.filters,
      scopeTeams: scope.teams,
      people: people.reduce((sum, row) => sum + rawNumber(row.people), 0),
      certification: this.certification(scope, certificates, progress),
      exams: {
        byExam: byExam
          .map((row) => ({
            examId: String(row.key),
            title: this.catalogue.titleOf('exam', String(row.key)),
            ...rate(row),
          }))
          .sort((a, b) => a.title.localeCompare(b.title)),
        byTeam: sortByTeam(examsByTeam.map((row) => ({ team: teamOf(row.key), ...rate(row) }))),
      },
      simulations: simulationsByTeam(sessions, dimensions),
      assignments: {
        assigned: sum(assignmentTeams, 'assigned'),
        completed: sum(assignmentTeams, 'completed'),
        overdue: sum(assignmentTeams, 'overdue'),
        byTeam: sortByTeam(assignmentTeams),
        byCourse: assignmentsByCourse
          .map((row) => ({
            courseId: String(row.key),
            title: this.catalogue.titleOf('course', String(row.key)),
            ...assignmentCounts(row),
          }))
          .sort((a, b) => a.title.localeCompare(b.title)),
      },
      rotations: {
        quarter,
        total: {
          team: null,
          applied: sum(moveTeams, 'applied'),
          pending: sum(moveTeams, 'pending'),
          withdrawn: sum(moveTeams, 'withdrawn'),
        },
        byTeam: moveTeams,
      },
      satisfaction: this.satisfaction(ratings),
    };
  }

  /** Each rated course with what may be shown of its ratings, by title. */
  private satisfaction(rows: Raw[]): CourseSatisfactionRowView[] {
    const counts = new Map<string, number[]>();
    for (const row of rows) {
      const courseId = String(row.course_id);
      counts.set(
        courseId,
        countRating(counts.get(courseId), rawNumber(row.rating), rawNumber(row.answers)),
      );
    }
    return [...counts]
      .map(([courseId, list]) => ({
        courseId,
        title: this.catalogue.titleOf('course', courseId),
        ...satisfactionOf(list),
      }))
      .sort((a, b) => a.title.localeCompare(b.title) || a.courseId.localeCompare(b.courseId));
  }

  private certification(
    scope: ReportScope,
    certificates: Raw[],
    inProgress: Raw[][],
  ): ProgrammeCertificationView[] {
    const programmes = scope.programme ? [scope.programme] : this.catalogue.programmes();
    const known = new Set(programmes.map((programme) => programme.id));
    // Certificates of a programme no longer in content/ still count, under their id.
    const extra = [...new Set(certificates.map((row) => String(row.programme_id)))].filter(
      (id) => !known.has(id),
    );
    const all = [
      ...programmes.map((programme, index) => ({
        id: programme.id,
        title: programme.title,
        progress: inProgress[index] ?? [],
      })),
      ...extra.map((id) => ({
        id,
        title: this.catalogue.titleOf('programme', id),
        progress: [] as Raw[],
      })),
    ];
    return all.map(({ id, title, progress }) => {
      const teams = new Map<string | null, TeamCertificationView>();
      const entry = (team: string | null): TeamCertificationView => {
        let view = teams.get(team);
        if (!view) {
          view = { team, certified: 0, expiringSoon: 0, expired: 0, revoked: 0, inProgress: 0 };
          teams.set(team, view);
        }
        return view;
      };
      for (const row of certificates.filter((candidate) => candidate.programme_id === id)) {
        const view = entry(teamOf(row.team));
        view.certified += rawNumber(row.certified);
        view.expiringSoon += rawNumber(row.expiring);
        view.expired += rawNumber(row.expired);
        view.revoked += rawNumber(row.revoked);
      }
      // Teams with nobody under way get no row of their own.
      for (const row of progress)
        if (rawNumber(row.in_progress) > 0)
          entry(teamOf(row.team)).inProgress += rawNumber(row.in_progress);
      const byTeam = sortByTeam([...teams.values()]);
      return {
        programmeId: id,
        title,
        certified: sum(byTeam, 'certified'),
        expiringSoon: sum(byTeam, 'expiringSoon'),
        expired: sum(byTeam, 'expired'),
        revoked: sum(byTeam, 'revoked'),
        inProgress: sum(byTeam, 'inProgress'),
        byTeam,
      };
    });
  }
}

/** The calendar quarter (UTC) `now` falls in. */
export function quarterOf(now: Date): { label: string; first: string; last: string } {
  const year = now.getUTCFullYear();
  const index = Math.floor(now.getUTCMonth() / 3);
  const first = new Date(Date.UTC(year, index * 3, 1));
  const last = new Date(Date.UTC(year, index * 3 + 3, 0));
  return {
    label: `${year}-Q${index + 1}`,
    first: first.toISOString().slice(0, 10),
    last: last.toISOString().slice(0, 10),
  };
}

function teamOf(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Sums the rows sharing `key` (team, exam or course) into one row whose `key` holds it. */
function rollUp(rows: Raw[], key: 'team' | 'exam_id' | 'course_id'): Raw[] {
  const groups = new Map<unknown, Raw>();
  for (const row of rows) {
    const group = groups.get(row[key]) ?? { key: row[key] };
    groups.set(row[key], group);
    for (const [column, value] of Object.entries(row))
      if (column !== 'team' && column !== 'exam_id' && column !== 'course_id')
        group[column] = rawNumber(group[column]) + rawNumber(value);
  }
  return [...groups.values()];
}

function rate(row: Raw): RateView {
  const attempts = rawNumber(row.attempts);
  const passed = rawNumber(row.passed);
  return {
    attempts,
    passed,
    passRate: attempts ? round1((passed / attempts) * 100) : null,
    meanGrade: rawNumber(row.graded)
      ? round1(rawNumber(row.grade_sum) / rawNumber(row.graded))
      : null,
  };
}

function assignmentCounts(row: Raw): { assigned: number; completed: number; overdue: number } {
  return {
    assigned: rawNumber(row.assigned),
    completed: rawNumber(row.completed),
    overdue: rawNumber(row.overdue),
  };
}

function simulationsByTeam(sessions: Raw[], dimensions: Raw[]): TeamSimulationView[] {
  const means = new Map(dimensions.map((row) => [teamOf(row.key), row]));
  return sortByTeam(
    sessions.map((row) => {
      const team = teamOf(row.key);
      const count = rawNumber(row.sessions);
      const passed = rawNumber(row.passed);
      const dimensionRow = means.get(team);
      const weakest = DIMENSIONS.flatMap((dimension) => {
        const value = dimensionRow?.[dimension];
        return value === null || value === undefined
          ? []
          : [{ dimension, mean: round1(Number(value)) }];
      })
        // Lowest first; DIMENSIONS order breaks ties, so the answer never depends on the driver.
        .sort((a, b) => a.mean - b.mean)
        .slice(0, 2);
      return {
        team,
        sessions: count,
        passed,
        passRate: count ? round1((passed / count) * 100) : null,
        meanScore:
          row.mean_score === null || row.mean_score === undefined
            ? null
            : round1(Number(row.mean_score)),
        weakest,
      };
    }),
  );
}

function movesByTeam(rows: Raw[]): TeamMovesView[] {
  const teams = new Map<string | null, TeamMovesView>();
  for (const row of rows) {
    const team = teamOf(row.key);
    const view = teams.get(team) ?? { team, applied: 0, pending: 0, withdrawn: 0 };
    teams.set(team, view);
    const count = rawNumber(row.moves);
    if (row.status === 'applied') view.applied += count;
    else if (row.status === 'proposed' || row.status === 'approved') view.pending += count;
    else view.withdrawn += count;
  }
  return sortByTeam([...teams.values()]);
}

function sum<T>(
  rows: T[],
  key: { [K in keyof T]: T[K] extends number ? K : never }[keyof T],
): number {
  return rows.reduce((total, row) => total + (row[key] as number), 0);
}

/** Teams by name, people without a team last. */
function sortByTeam<T extends { team: string | null }>(rows: T[]): T[] {
  return rows.sort((a, b) =>
    a.team === null ? 1 : b.team === null ? -1 : a.team.localeCompare(b.team),
  );
}
