import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Roles } from '../identity/access.decorators';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { ReportFiltersDto } from './dto/report-filters.dto';
import { ExportsService, ExportTableView } from './exports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Roles('trainer', 'supervisor', 'hr', 'admin')
@Controller('api/reports/exports')
export class ReportExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get()
  @ApiOkResponse({ description: 'The tables that can be exported, with their columns' })
  list(): ExportTableView[] {
    return this.exports.tables();
  }

  @Get(':table.csv')
  @ApiOperation({
    summary:
      'One table as CSV: people, certificates, exam-attempts, simulation-sessions, assignments, position-history, rotation-moves, rotation-reviews',
    description:
      'Filters: team, cohort, programme (certificates, and the exams, scenarios and courses it requires), from/to (each table’s own date: issued, started, due, effective, reviewed). Scope as the dashboard (403 TEAM_NOT_MANAGED outside a manager’s teams). Every export is written to the audit log as report.exported with the filters and row count.',
  })
  @ApiProduces('text/csv')
  async csv(
    @CurrentViewer() viewer: Viewer,
    @Param('table') table: string,
    @Query() query: ReportFiltersDto,
    @Res() response: Response,
  ): Promise<void> {
    await this.exports.stream(viewer, table, query, response);
  }
}
