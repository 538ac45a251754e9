import { stringify } from 'csv-stringify/sync';
import { PersonRecordView } from './person-record-views';
import { spreadsheetSafe } from '../common/spreadsheet-safe';

export const PERSON_RECORD_COLUMNS = [
  'section',
  'id',
  'title',
  'status',
  'date',
  'until',
  'score',
  'detail',
];

/** A person's record as one CSV: one line per course, attempt, session, cycle, position, move, review. */
export function personRecordCsv(record: PersonRecordView): string {
  const rows: (string | number | null)[][] = [
    ...record.courses.map((item) => [
      'course',
      item.courseId,
      item.title,
      item.status,
      item.startedAt ?? item.enrolledAt,
      item.completedAt ?? item.dueDate,
      item.score,
      `${item.lessonsCompleted}/${item.lessons} lessons${item.overdue ? ', overdue' : ''}`,
    ]),
    ...record.exams.map((item) => [
      'exam-attempt',
      item.attemptId,
      item.title,
      item.passed === null ? item.status : item.passed ? 'passed' : 'failed',
      item.startedAt,
      item.finishedAt,
      item.percent,
      `attempt ${item.attemptNumber}`,
    ]),
    ...record.simulations.map((item) => [
      'simulation-session',
      item.sessionId,
      item.title,
      item.passed === null ? item.status : item.passed ? 'passed' : 'failed',
      item.startedAt,
      item.finishedAt,
      item.meanScore,
      item.outcome ?? '',
    ]),
    ...record.certificates.map((item) => [
      'certificate',
      item.certificateId,
      item.title,
      item.status,
      item.issuedAt,
      item.expiresAt,
      null,
      `cycle ${item.cycle}${item.revokedReason ? `, revoked: ${item.revokedReason}` : ''}`,
    ]),
    ...record.positions.map((item) => [
      'position',
      item.historyId,
      item.title,
      item.endedOn ? 'ended' : 'current',
      item.startedOn,
      item.endedOn,
      null,
      item.reason,
    ]),
    ...record.moves.map((item) => [
      'rotation-move',
      item.moveId,
      item.title,
      item.status,
      item.effectiveOn,
      item.reviewDueOn,
      null,
      item.overrideReason ? `override: ${item.overrideReason}` : '',
    ]),
    ...record.reviews.map((item) => [
      'rotation-review',
      item.reviewId,
      item.positionTitle,
      `rated ${item.rating}/5 by ${item.reviewerName}`,
      item.reviewedAt,
      null,
      item.rating,
      item.comments,
    ]),
  ];
  return stringify(
    rows.map((row) => row.map(spreadsheetSafe)),
    { header: true, columns: PERSON_RECORD_COLUMNS },
  );
}
