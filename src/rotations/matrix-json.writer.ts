import { Response } from 'express';
import { sendChunk } from '../common/stream-waits';
import { EligibilityMatrixView } from './rotation-views';

// People per written chunk: big enough to keep writes few, small enough that serialising one
// never holds the event loop for long.
const PEOPLE_PER_CHUNK = 250;

/**
 * Writes the matrix as JSON a chunk of people at a time, waiting for the socket to drain in
 * between: a workforce's matrix (about 20 MB for 10,000 people) is never one string in memory,
 * is not hashed for an ETag, and other requests are served while it goes out. The document is
 * exactly what `JSON.stringify(matrix)` would give.
 */
export async function writeMatrixJson(
  response: Response,
  matrix: EligibilityMatrixView,
): Promise<void> {
  response.status(200).type('application/json');
  const head = JSON.stringify({
    on: matrix.on,
    team: matrix.team,
    positions: matrix.positions,
  });
  if (!(await sendChunk(response, `${head.slice(0, -1)},"people":[`))) return;
  for (let start = 0; start < matrix.people.length; start += PEOPLE_PER_CHUNK) {
    const rows = matrix.people.slice(start, start + PEOPLE_PER_CHUNK);
    const text = JSON.stringify(rows).slice(1, -1);
    if (!(await sendChunk(response, start === 0 ? text : `,${text}`))) return;
  }
  response.end(`],"totals":${JSON.stringify(matrix.totals)}}`);
}
