import { stringify } from 'csv-stringify';
import { Response } from 'express';
import { spreadsheetSafe } from '../common/spreadsheet-safe';
import { drainedOrClosed, finishedOrClosed } from '../common/stream-waits';
import { EligibilityMatrixView } from './rotation-views';

/** One row per person and position: what a planner sorts and filters in a spreadsheet. */
export const MATRIX_CSV_COLUMNS = [
  'user_id',
  'name',
  'email',
  'team',
  'current_position_id',
  'position_id',
  'position_title',
  'status',
  'is_current_position',
  'reasons',
  'warnings',
] as const;

/**
 * Streams the matrix as CSV (a "long" table: people × positions as rows), waiting for the socket
 * between rows as needed; reasons and warnings are joined with "; ". Resolves to the row count.
 */
export async function writeMatrixCsv(
  response: Response,
  matrix: EligibilityMatrixView,
): Promise<number> {
  const file = `academy-eligibility-${matrix.on}${matrix.team ? `-${slug(matrix.team)}` : ''}.csv`;
  response.setHeader('content-type', 'text/csv; charset=utf-8');
  response.setHeader('content-disposition', `attachment; filename="${file}"`);
  const csv = stringify({ header: true, columns: [...MATRIX_CSV_COLUMNS] });
  csv.pipe(response);
  const titles = new Map(matrix.positions.map((position) => [position.id, position.title]));
  let rows = 0;
  for (const person of matrix.people)
    for (const cell of person.cells) {
      const row = [
        person.userId,
        person.displayName,
        person.email,
        person.team,
        person.currentPositionId,
        cell.positionId,
        titles.get(cell.positionId) ?? cell.positionId,
        cell.status,
        cell.current ? 'yes' : 'no',
        cell.reasons.join('; '),
        cell.warnings.join('; '),
      ].map(spreadsheetSafe);
      rows++;
      if (!csv.write(row) && !(await drainedOrClosed(csv, response))) return rows;
    }
  csv.end();
  await finishedOrClosed(response);
  return rows;
}

// A team name made safe for a file name.
function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 60);
}
