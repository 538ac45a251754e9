import { UserView } from '../identity/dto/user.dto';
import { percentOf } from '../common/view-helpers';
import { formatSeconds, statusBadge } from './course-pages.mapper';
import { CourseProgressView } from './dto/course-views.dto';

const CELL = {
  not_started: { symbol: '·', label: 'not opened' },
  opened: { symbol: '◐', label: 'opened' },
  completed: { symbol: '✓', label: 'completed' },
} as const;

/** The trainer's table and assignment form. */
export function progressPage(
  progress: CourseProgressView,
  extra: {
    trainees: UserView[];
    teams: string[];
    cohorts: string[];
    canAssign: boolean;
    today: string;
    query: { team?: string; cohort?: string };
    notice?: string;
    form: Record<string, unknown>;
    error?: string;
    errors: Record<string, string>;
  },
): object {
  const picked = new Set([extra.form.userIds ?? []].flat().map(String));
  return {
    title: `Progress · ${progress.courseTitle}`,
    progress,
    rows: progress.rows.map((row) => ({
      ...row,
      badge: statusBadge(row.enrolment) ?? { label: 'Not enrolled', tone: '' },
      timeSpent: row.enrolment ? formatSeconds(row.enrolment.secondsSpent) : '–',
      scoreText: percentOf(row.enrolment?.score ?? null),
      cells: row.lessons.map((cell) => ({
        ...CELL[cell.state as keyof typeof CELL],
        state: cell.state,
        title: `${CELL[cell.state as keyof typeof CELL].label}${cell.score !== null ? `, ${percentOf(cell.score)} first try` : ''}, ${formatSeconds(cell.secondsSpent)}`,
      })),
    })),
    trainees: extra.trainees.map((trainee) => ({ ...trainee, selected: picked.has(trainee.id) })),
    teams: extra.teams,
    cohorts: extra.cohorts,
    canAssign: extra.canAssign,
    today: extra.today,
    query: extra.query,
    notice: extra.notice,
    form: extra.form,
    error: extra.error,
    errors: extra.errors,
  };
}
