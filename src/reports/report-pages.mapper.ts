import { FieldError } from '../common/domain-error';
import { errorsByPath } from '../common/validation';
import { barChartSvg } from '../common/charts/bar-chart';
import { DashboardView, ReportFiltersView } from './dashboard-views';
import { RetrainingView } from './dto/retraining.dto';
import { Viewer } from '../identity/viewer';

const TEAMLESS = '(no team)';

/** `?team=North&from=…` for the filters that are set (links to exports keep the filters). */
export function filterQuery(
  filters: Partial<ReportFiltersView> & { threshold?: string; minSessions?: string },
): string {
  const parts = Object.entries(filters)
    .filter(([, value]) => typeof value === 'string' && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value as string)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

function teamLabel(team: string | null): string {
  return team ?? TEAMLESS;
}

/** The dashboard page: each chart as inline SVG with the same numbers as a table below it. */
export function dashboardPageModel(view: DashboardView): object {
  const query = filterQuery(view.filters);
  return {
    title: 'Reports',
    view,
    query,
    charts: {
      certification: barChartSvg({
        id: 'chart-certification',
        title: 'Certification by programme',
        description: `People by the state of their latest certificate cycle on ${view.today}: ${view.certification
          .map(
            (row) =>
              `${row.title}: ${row.certified} certified, ${row.expiringSoon} expiring within 30 days, ${row.expired} expired, ${row.revoked} revoked, ${row.inProgress} in progress`,
          )
          .join('; ')}.`,
        series: [
          { key: 'certified', label: 'Certified' },
          { key: 'expiring', label: 'Expiring ≤ 30 d' },
          { key: 'expired', label: 'Expired' },
          { key: 'revoked', label: 'Revoked' },
          { key: 'progress', label: 'In progress' },
        ],
        bars: view.certification.map((row) => ({
          label: row.title,
          segments: [
            { key: 'certified', value: row.certified },
            { key: 'expiring', value: row.expiringSoon },
            { key: 'expired', value: row.expired },
            { key: 'revoked', value: row.revoked },
            { key: 'progress', value: row.inProgress },
          ],
        })),
      }),
      exams: barChartSvg({
        id: 'chart-exams',
        title: 'Exam pass rate',
        description: `Share of finished attempts that passed, per exam: ${view.exams.byExam
          .map((row) => `${row.title} ${row.passRate ?? 0} % of ${row.attempts}`)
          .join('; ')}.`,
        series: [{ key: 'rate', label: 'Pass rate' }],
        bars: view.exams.byExam.map((row) => ({
          label: row.title,
          segments: [{ key: 'rate', value: row.passRate ?? 0 }],
        })),
        max: 100,
        unit: ' %',
      }),
      simulations: barChartSvg({
        id: 'chart-simulations',
        title: 'Role-play pass rate by team',
        description: `Share of finished sessions that passed, per team: ${view.simulations
          .map((row) => `${teamLabel(row.team)} ${row.passRate ?? 0} % of ${row.sessions}`)
          .join('; ')}.`,
        series: [{ key: 'rate', label: 'Pass rate' }],
        bars: view.simulations.map((row) => ({
          label: teamLabel(row.team),
          segments: [{ key: 'rate', value: row.passRate ?? 0 }],
        })),
        max: 100,
        unit: ' %',
      }),
      assignments: barChartSvg({
        id: 'chart-assignments',
        title: 'Assignments by team',
        description: `Assigned courses per team: ${view.assignments.byTeam
          .map(
            (row) =>
              `${teamLabel(row.team)} ${row.overdue} overdue, ${row.assigned - row.completed - row.overdue} open, ${row.completed} completed`,
          )
          .join('; ')}.`,
        series: [
          { key: 'overdue', label: 'Overdue' },
          { key: 'open', label: 'Open' },
          { key: 'completed', label: 'Completed' },
        ],
        bars: view.assignments.byTeam.map((row) => ({
          label: teamLabel(row.team),
          segments: [
            { key: 'overdue', value: row.overdue },
            { key: 'open', value: row.assigned - row.completed - row.overdue },
            { key: 'completed', value: row.completed },
          ],
        })),
      }),
      rotations: barChartSvg({
        id: 'chart-rotations',
        title: `Rotation moves in ${view.rotations.quarter.label}`,
        description: `Moves taking effect from ${view.rotations.quarter.first} to ${view.rotations.quarter.last}, per team: ${view.rotations.byTeam
          .map((row) => `${teamLabel(row.team)} ${row.applied} applied, ${row.pending} pending`)
          .join('; ')}.`,
        series: [
          { key: 'applied', label: 'Applied' },
          { key: 'pending', label: 'Pending' },
        ],
        bars: view.rotations.byTeam.map((row) => ({
          label: teamLabel(row.team),
          segments: [
            { key: 'applied', value: row.applied },
            { key: 'pending', value: row.pending },
          ],
        })),
      }),
    },
    certificationRows: view.certification.flatMap((programme) =>
      programme.byTeam.map((row) => ({
        ...row,
        programme: programme.title,
        team: teamLabel(row.team),
      })),
    ),
    examTeams: view.exams.byTeam.map((row) => ({ ...row, team: teamLabel(row.team) })),
    simulationTeams: view.simulations.map((row) => ({
      ...row,
      team: teamLabel(row.team),
      weakestText: row.weakest.map((item) => `${item.dimension} ${item.mean}`).join(', ') || '–',
    })),
    assignmentTeams: view.assignments.byTeam.map((row) => ({ ...row, team: teamLabel(row.team) })),
    moveTeams: view.rotations.byTeam.map((row) => ({ ...row, team: teamLabel(row.team) })),
  };
}

/** The filter form's state: what was asked, the choices, and any field errors. */
export function filterFormModel(
  form: Record<string, unknown>,
  options: { teams: string[]; cohorts: string[]; programmes: { id: string; title: string }[] },
  errors?: FieldError[],
): object {
  const value = (key: string): string =>
    typeof form[key] === 'string' ? (form[key] as string) : '';
  return {
    form: {
      team: value('team'),
      cohort: value('cohort'),
      programme: value('programme'),
      from: value('from'),
      to: value('to'),
    },
    teams: options.teams,
    cohorts: options.cohorts,
    programmes: options.programmes,
    errors: errorsByPath(errors),
  };
}

/**
 * The retraining page: people weakest first, and per course the form that assigns it to those
 * it would reach (trainers, hr and admins; supervisors read). `self` is where the form returns;
 * `today` is the earliest due date the assignment accepts.
 */
export function retrainingPageModel(
  view: RetrainingView,
  page: { viewer: Viewer; self: string; today: string },
): object {
  const { viewer, self, today } = page;
  const mayAssign = viewer.roles.some((role) => ['trainer', 'hr', 'admin'].includes(role));
  const names = new Map(view.people.map((person) => [person.userId, person.displayName]));
  return {
    view,
    mayAssign,
    next: self,
    today,
    jsonQuery: self.slice('/reports/retraining'.length),
    courses: view.courses.map((course) => ({
      ...course,
      trainsText: course.trains.join(', '),
      toAssignPeople: course.toAssign.map((id) => ({ id, name: names.get(id) ?? id })),
    })),
    people: view.people.map((person) => ({
      ...person,
      weakText: person.weak.map((weak) => `${weak.dimension} ${weak.mean}`).join(', '),
      suggestions: person.suggestions.map((suggestion) => ({
        ...suggestion,
        statusLabel:
          suggestion.status === 'none'
            ? 'not enrolled'
            : suggestion.status === 'completed'
              ? 'completed'
              : `${suggestion.status.replace('-', ' ')}${suggestion.dueDate ? `, due ${suggestion.dueDate}` : ''}`,
      })),
    })),
  };
}

/**
 * What the assignment form reports on coming back to the retraining page (`?course=…` with
 * `assigned=2`, or `refused=` and the reason): a notice, or an alert that nobody was assigned.
 */
export function assignmentOutcome(
  query: { assigned?: unknown; refused?: unknown; course?: unknown },
  titleOf: (courseId: string) => string,
): { notice?: string; refusal?: string } {
  const { assigned, refused, course } = query;
  if (typeof course !== 'string') return {};
  const title = titleOf(course);
  if (typeof refused === 'string') return { refusal: `Nobody was assigned “${title}”: ${refused}` };
  if (typeof assigned === 'string')
    return { notice: `${assigned} ${assigned === '1' ? 'person' : 'people'} assigned “${title}”.` };
  return {};
}
