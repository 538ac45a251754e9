import { Response } from 'express';
import { CsvDownload } from '../common/csv-download';
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
  const download = new CsvDownload(response, file, MATRIX_CSV_COLUMNS);
  const titles = new Map(matrix.positions.map((position) => [position.id, position.title]));
  for (const person of matrix.people)
    for (const cell of person.cells) {
      const sent = await download.write([
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
      ]);
      if (!sent) return download.rows;
    }
  await download.end();
  return download.rows;
}

// A team name made safe for a file name.
function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 60);
}
