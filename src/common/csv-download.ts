import { stringify, Stringifier } from 'csv-stringify';
import { Response } from 'express';
import { spreadsheetSafe } from './spreadsheet-safe';
import { drainedOrClosed, finishedOrClosed } from './stream-waits';

export type CsvCell = string | number | null;

/**
 * A CSV file streamed into an HTTP response: the download headers, a header row, cells made safe
 * for spreadsheets, and a wait on the socket whenever its buffer is full, so that a slow client
 * holds one buffer of rows in memory and a client that went away stops the writing.
 */
export class CsvDownload {
  /** Rows handed to the file so far. */
  rows = 0;
  private readonly csv: Stringifier;

  constructor(
    private readonly response: Response,
    fileName: string,
    columns: readonly string[],
  ) {
    response.setHeader('content-type', 'text/csv; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="${fileName}"`);
    this.csv = stringify({ header: true, columns: [...columns], cast: { number: String } });
    this.csv.pipe(response);
  }

  /** Writes one row; resolves to false once the client has gone away (stop writing then). */
  async write(cells: readonly CsvCell[]): Promise<boolean> {
    this.rows++;
    return this.csv.write(cells.map(spreadsheetSafe)) || drainedOrClosed(this.csv, this.response);
  }

  /** Ends the file; resolves once it is sent, or once the client has gone. */
  async end(): Promise<void> {
    this.csv.end();
    await finishedOrClosed(this.response);
  }

  /** Cuts the download short, visibly: the client sees a broken transfer, not a complete file. */
  abort(): void {
    this.csv.destroy();
    this.response.destroy();
  }
}
