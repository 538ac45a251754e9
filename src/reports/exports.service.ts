import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Response } from 'express';
import { CsvDownload } from '../common/csv-download';
import { keysetBatches } from '../database/keyset';
import { DataSource } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { AuditService } from '../identity/audit.service';
import { Viewer } from '../identity/viewer';
import { ReportFiltersDto } from './dto/report-filters.dto';
import { EXPORT_TABLES, ExportContext, ExportTable } from './export-tables';
import { ReportCatalogue } from './report-catalogue';
import { ReportError, ReportErrorCode } from './report-error';
import { ReportScopes } from './report-scope';

const BATCH = 5000;

type Raw = Record<string, unknown>;

export interface ExportTableView {
  name: string;
  title: string;
  description: string;
  columns: string[];
  href: string;
  /** What from/to apply to ("issued", "started", …), or null when they do not apply. */
  window: string | null;
  programme: string | null;
}

/**
 * CSV exports of the report tables: read in keyset batches and streamed through csv-stringify,
 * so memory stays flat however large the table; every export is written to the audit log.
 */
@Injectable()
export class ExportsService {
  private readonly logger = new Logger(ExportsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scopes: ReportScopes,
    private readonly catalogue: ReportCatalogue,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  tables(): ExportTableView[] {
    return EXPORT_TABLES.map((table) => ({
      name: table.name,
      title: table.title,
      description: table.description,
      columns: table.columns,
      href: `/api/reports/exports/${table.name}.csv`,
      window: table.window,
      programme: table.programme,
    }));
  }

  table(name: string): ExportTable {
    const table = EXPORT_TABLES.find((candidate) => candidate.name === name);
    if (!table)
      throw new ReportError(
        ReportErrorCode.UnknownTable,
        `There is no export "${name}"; try one of ${EXPORT_TABLES.map((item) => item.name).join(', ')}`,
      );
    return table;
  }

  /** Checks the request, then streams the CSV into the response and audits the export. */
  async stream(
    viewer: Viewer,
    name: string,
    dto: ReportFiltersDto,
    response: Response,
  ): Promise<void> {
    const table = this.table(name);
    const scope = this.scopes.resolve(viewer, dto);
    const now = this.clock.now();
    const context: ExportContext = {
      dataSource: this.dataSource,
      scopes: this.scopes,
      catalogue: this.catalogue,
      scope,
      now,
      today: now.toISOString().slice(0, 10),
    };
    const download = new CsvDownload(
      response,
      `academy-${table.name}-${context.today}.csv`,
      table.columns,
    );
    try {
      for await (const batch of this.batches(table, context))
        for (const raw of batch)
          if (!(await download.write(table.row(raw, context))))
            throw new Error('the client went away');
    } catch (error) {
      // The header is out: all that is left is to cut the download short, visibly.
      this.logger.error(
        `export ${table.name} failed after ${download.rows} rows: ${String(error)}`,
      );
      download.abort();
      return;
    }
    await this.audit.recordExport(viewer, {
      table: table.name,
      filters: scope.filters,
      rowCount: download.rows,
    });
    await download.end();
  }

  private batches(table: ExportTable, context: ExportContext): AsyncGenerator<Raw[]> {
    return keysetBatches({
      query: () => table.query(context),
      order: table.sort,
      size: BATCH,
      read: (builder) => builder.getRawMany<Raw>(),
      keyOf: (row) => [row.sort_key, row.row_id],
    });
  }
}
