import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CsvCell } from '../common/csv-download';
import { ReportCatalogue } from './report-catalogue';
import { ReportScope, ReportScopes } from './report-scope';
import { rawIso } from '../database/raw-time';

type Raw = Record<string, unknown>;

export interface ExportContext {
  dataSource: DataSource;
  scopes: ReportScopes;
  catalogue: ReportCatalogue;
  scope: ReportScope;
  now: Date;
  today: string;
}

/** One exportable table: its columns, its query over the scope's people, and how a row reads. */
export interface ExportTable {
  name: string;
  title: string;
  description: string;
  /** Which filters narrow it besides team and cohort. */
  window: string | null;
  programme: string | null;
  columns: string[];
  /** Rows come in (sort, id) order, read in batches on that key. */
  sort: { column: string; id: string };
  query(context: ExportContext): SelectQueryBuilder<ObjectLiteral>;
  row(raw: Raw, context: ExportContext): CsvCell[];
}

const PERSON_COLUMNS = ['user_id', 'employee_number', 'name', 'team', 'cohort'];
const PERSON_SELECT = [
  'u.id AS user_id',
  'u.employee_number AS employee_number',
  'u.display_name AS name',
  'u.team AS team',
  'u.cohort AS cohort',
];

function person(raw: Raw): CsvCell[] {
  return [
    text(raw.user_id),
    text(raw.employee_number),
    text(raw.name),
    text(raw.team),
    text(raw.cohort),
  ];
}

function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function numberOf(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function bool(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value === true || value === 1 || value === '1' || value === 't' ? 'true' : 'false';
}

function joined(
  context: ExportContext,
  table: string,
  alias: string,
): SelectQueryBuilder<ObjectLiteral> {
  const builder = context.dataSource
    .createQueryBuilder()
    .from(table, alias)
    .innerJoin('users', 'u', `u.id = ${alias}.user_id`)
    .select(PERSON_SELECT)
    .where('1 = 1');
  return context.scopes.applyPeople(builder, context.scope);
}

export const EXPORT_TABLES: ExportTable[] = [
  {
    name: 'people',
    title: 'People',
    description: 'Trainees with their team, cohort, account state and current position',
    window: null,
    programme: null,
    columns: [
      ...PERSON_COLUMNS,
      'email',
      'active',
      'current_position_id',
      'current_position',
      'position_since',
      'created_at',
      'last_login_at',
    ],
    sort: { column: 'u.display_name', id: 'u.id' },
    query: (context) => {
      const builder = context.dataSource
        .createQueryBuilder()
        .from('users', 'u')
        .leftJoin('position_history', 'h', `h.user_id = u.id AND h.current_key = 'current'`)
        .select(PERSON_SELECT)
        .addSelect([
          'u.email AS email',
          'u.active AS active',
          'u.created_at AS created_at',
          'u.last_login_at AS last_login_at',
        ])
        .addSelect(['h.position_id AS position_id', 'h.started_on AS position_since'])
        .addSelect('u.display_name', 'sort_key')
        .addSelect('u.id', 'row_id')
        .where('1 = 1');
      return context.scopes.applyPeople(builder, context.scope);
    },
    row: (raw, context) => [
      ...person(raw),
      text(raw.email),
      bool(raw.active),
      text(raw.position_id),
      raw.position_id ? context.catalogue.titleOf('position', String(raw.position_id)) : null,
      text(raw.position_since),
      rawIso(raw.created_at),
      rawIso(raw.last_login_at),
    ],
  },
  {
    name: 'certificates',
    title: 'Certificates',
    description: 'Every cycle of every certificate, with where it stands today',
    window: 'issued',
    programme: 'the programme',
    columns: [
      'certificate_id',
      ...PERSON_COLUMNS,
      'programme_id',
      'programme_title',
      'programme_version',
      'cycle',
      'status',
      'issued_at',
      'expires_at',
      'renewal_opens_at',
      'revoked_at',
      'revoked_reason',
      'superseded_by',
    ],
    sort: { column: 'c.issued_at', id: 'c.id' },
    query: (context) => {
      const builder = joined(context, 'certificates', 'c')
        .addSelect([
          'c.id AS row_id',
          'c.issued_at AS sort_key',
          'c.programme_id AS programme_id',
          'c.programme_title AS programme_title',
          'c.programme_version AS programme_version',
          'c.cycle AS cycle',
          'c.expires_at AS expires_at',
          'c.renewal_opens_at AS renewal_opens_at',
          'c.revoked_at AS revoked_at',
          'c.revoked_reason AS revoked_reason',
          'c.superseded_by AS superseded_by',
        ])
        // Where the cycle stands now, by the same rule as the certifications engine (`statusAt`).
        .addSelect(
          `CASE WHEN c.status IN ('revoked', 'superseded') THEN c.status WHEN c.expires_at <= :exportNow THEN 'expired' WHEN c.renewal_opens_at <= :exportNow THEN 'expiring' ELSE 'active' END`,
          'status',
        )
        .setParameter('exportNow', context.scopes.time(context.now));
      context.scopes.applyWindow(builder, context.scope, 'c.issued_at');
      if (context.scope.programme)
        builder.andWhere('c.programme_id = :programmeId', {
          programmeId: context.scope.programme.id,
        });
      return builder;
    },
    row: (raw) => [
      text(raw.row_id),
      ...person(raw),
      text(raw.programme_id),
      text(raw.programme_title),
      numberOf(raw.programme_version),
      numberOf(raw.cycle),
      text(raw.status),
      rawIso(raw.sort_key),
      rawIso(raw.expires_at),
      rawIso(raw.renewal_opens_at),
      rawIso(raw.revoked_at),
      text(raw.revoked_reason),
      text(raw.superseded_by),
    ],
  },
  {
    name: 'exam-attempts',
    title: 'Exam attempts',
    description: 'Every attempt with its grade and verdict',
    window: 'started',
    programme: "the programme's exams",
    columns: [
      'attempt_id',
      ...PERSON_COLUMNS,
      'exam_id',
      'exam_title',
      'attempt_number',
      'status',
      'started_at',
      'finished_at',
      'percent',
      'pass_mark',
      'passed',
      'pending_reviews',
    ],
    sort: { column: 'a.started_at', id: 'a.id' },
    query: (context) => {
      const builder = joined(context, 'exam_attempts', 'a').addSelect([
        'a.id AS row_id',
        'a.started_at AS sort_key',
        'a.exam_id AS exam_id',
        'a.attempt_number AS attempt_number',
        'a.status AS status',
        'a.finished_at AS finished_at',
        'a.percent AS percent',
        'a.pass_mark AS pass_mark',
        'a.passed AS passed',
        'a.pending AS pending',
      ]);
      context.scopes.applyWindow(builder, context.scope, 'a.started_at');
      context.scopes.inList(
        builder,
        'a.exam_id',
        context.scope.programme?.examIds,
        'programmeExams',
      );
      return builder;
    },
    row: (raw, context) => [
      text(raw.row_id),
      ...person(raw),
      text(raw.exam_id),
      context.catalogue.titleOf('exam', String(raw.exam_id)),
      numberOf(raw.attempt_number),
      text(raw.status),
      rawIso(raw.sort_key),
      rawIso(raw.finished_at),
      numberOf(raw.percent),
      numberOf(raw.pass_mark),
      bool(raw.passed),
      numberOf(raw.pending),
    ],
  },
  {
    name: 'simulation-sessions',
    title: 'Role-play sessions',
    description: 'Every simulation session with its outcome and score',
    window: 'started',
    programme: "the programme's scenarios",
    columns: [
      'session_id',
      ...PERSON_COLUMNS,
      'scenario_id',
      'scenario_title',
      'scenario_version',
      'attempt_number',
      'status',
      'started_at',
      'finished_at',
      'turns',
      'outcome',
      'passed',
      'mean_score',
    ],
    sort: { column: 's.started_at', id: 's.id' },
    query: (context) => {
      const builder = joined(context, 'simulation_sessions', 's').addSelect([
        's.id AS row_id',
        's.started_at AS sort_key',
        's.scenario_id AS scenario_id',
        's.scenario_version AS scenario_version',
        's.attempt_number AS attempt_number',
        's.status AS status',
        's.finished_at AS finished_at',
        's.turn_count AS turns',
        's.outcome AS outcome',
        's.passed AS passed',
        's.mean_score AS mean_score',
      ]);
      context.scopes.applyWindow(builder, context.scope, 's.started_at');
      context.scopes.inList(
        builder,
        's.scenario_id',
        context.scope.programme?.scenarioIds,
        'programmeScenarios',
      );
      return builder;
    },
    row: (raw, context) => [
      text(raw.row_id),
      ...person(raw),
      text(raw.scenario_id),
      context.catalogue.titleOf('scenario', String(raw.scenario_id)),
      numberOf(raw.scenario_version),
      numberOf(raw.attempt_number),
      text(raw.status),
      rawIso(raw.sort_key),
      rawIso(raw.finished_at),
      numberOf(raw.turns),
      text(raw.outcome),
      bool(raw.passed),
      numberOf(raw.mean_score),
    ],
  },
  {
    name: 'assignments',
    title: 'Course assignments',
    description: 'Enrolments with a due date, with progress and whether they are overdue',
    window: 'due',
    programme: "the programme's courses",
    columns: [
      'enrolment_id',
      ...PERSON_COLUMNS,
      'course_id',
      'course_title',
      'assigned_at',
      'due_date',
      'status',
      'started_at',
      'completed_at',
      'score',
      'overdue',
    ],
    sort: { column: 'e.due_date', id: 'e.id' },
    query: (context) => {
      const builder = joined(context, 'enrolments', 'e')
        .addSelect([
          'e.id AS row_id',
          'e.due_date AS sort_key',
          'e.course_id AS course_id',
          'e.assigned_at AS assigned_at',
          'e.status AS status',
          'e.started_at AS started_at',
          'e.completed_at AS completed_at',
          'e.score AS score',
        ])
        .andWhere('e.due_date IS NOT NULL');
      context.scopes.applyWindow(builder, context.scope, 'e.due_date', 'day');
      context.scopes.inList(
        builder,
        'e.course_id',
        context.scope.programme?.courseIds,
        'programmeCourses',
      );
      return builder;
    },
    row: (raw, context) => [
      text(raw.row_id),
      ...person(raw),
      text(raw.course_id),
      context.catalogue.titleOf('course', String(raw.course_id)),
      rawIso(raw.assigned_at),
      text(raw.sort_key),
      text(raw.status),
      rawIso(raw.started_at),
      rawIso(raw.completed_at),
      numberOf(raw.score),
      bool(raw.status !== 'completed' && String(raw.sort_key) < context.today),
    ],
  },
  {
    name: 'position-history',
    title: 'Position history',
    description: 'Who held which position from when to when, and why',
    window: 'started',
    programme: null,
    columns: [
      'history_id',
      ...PERSON_COLUMNS,
      'position_id',
      'position_title',
      'started_on',
      'ended_on',
      'reason',
      'move_id',
    ],
    sort: { column: 'h.started_on', id: 'h.id' },
    query: (context) => {
      const builder = joined(context, 'position_history', 'h').addSelect([
        'h.id AS row_id',
        'h.started_on AS sort_key',
        'h.position_id AS position_id',
        'h.ended_on AS ended_on',
        'h.reason AS reason',
        'h.move_id AS move_id',
      ]);
      context.scopes.applyWindow(builder, context.scope, 'h.started_on', 'day');
      return builder;
    },
    row: (raw, context) => [
      text(raw.row_id),
      ...person(raw),
      text(raw.position_id),
      context.catalogue.titleOf('position', String(raw.position_id)),
      text(raw.sort_key),
      text(raw.ended_on),
      text(raw.reason),
      text(raw.move_id),
    ],
  },
  {
    name: 'rotation-moves',
    title: 'Rotation moves',
    description: 'Proposed, approved, applied, rejected and cancelled moves, with overrides',
    window: 'effective',
    programme: null,
    columns: [
      'move_id',
      ...PERSON_COLUMNS,
      'from_position_id',
      'position_id',
      'position_title',
      'effective_on',
      'status',
      'proposed_at',
      'decided_at',
      'decision_reason',
      'override_reason',
      'applied_at',
      'review_due_on',
    ],
    sort: { column: 'm.effective_on', id: 'm.id' },
    query: (context) => {
      const builder = joined(context, 'rotation_moves', 'm').addSelect([
        'm.id AS row_id',
        'm.effective_on AS sort_key',
        'm.from_position_id AS from_position_id',
        'm.position_id AS position_id',
        'm.status AS status',
        'm.proposed_at AS proposed_at',
        'm.decided_at AS decided_at',
        'm.decision_reason AS decision_reason',
        'm.override_reason AS override_reason',
        'm.applied_at AS applied_at',
        'm.review_due_on AS review_due_on',
      ]);
      context.scopes.applyWindow(builder, context.scope, 'm.effective_on', 'day');
      return builder;
    },
    row: (raw, context) => [
      text(raw.row_id),
      ...person(raw),
      text(raw.from_position_id),
      text(raw.position_id),
      context.catalogue.titleOf('position', String(raw.position_id)),
      text(raw.sort_key),
      text(raw.status),
      rawIso(raw.proposed_at),
      rawIso(raw.decided_at),
      text(raw.decision_reason),
      text(raw.override_reason),
      rawIso(raw.applied_at),
      text(raw.review_due_on),
    ],
  },
  {
    name: 'rotation-reviews',
    title: 'Rotation reviews',
    description: "Supervisors' reviews after a move",
    window: 'reviewed',
    programme: null,
    columns: [
      'review_id',
      ...PERSON_COLUMNS,
      'move_id',
      'reviewer_id',
      'rating',
      'comments',
      'reviewed_at',
    ],
    sort: { column: 'r.reviewed_at', id: 'r.id' },
    query: (context) => {
      const builder = joined(context, 'rotation_reviews', 'r').addSelect([
        'r.id AS row_id',
        'r.reviewed_at AS sort_key',
        'r.move_id AS move_id',
        'r.reviewer_id AS reviewer_id',
        'r.rating AS rating',
        'r.comments AS comments',
      ]);
      context.scopes.applyWindow(builder, context.scope, 'r.reviewed_at');
      return builder;
    },
    row: (raw) => [
      text(raw.row_id),
      ...person(raw),
      text(raw.move_id),
      text(raw.reviewer_id),
      numberOf(raw.rating),
      text(raw.comments),
      rawIso(raw.sort_key),
    ],
  },
];
