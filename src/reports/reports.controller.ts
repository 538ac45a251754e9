import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Roles } from '../identity/access.decorators';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { DashboardView } from './dashboard-views';
import { DashboardService } from './dashboard.service';
import { ReportFiltersDto } from './dto/report-filters.dto';
import { PersonRecordView } from './person-record-views';
import { personRecordCsv } from './person-record.csv';
import { PersonRecordService } from './person-record.service';
import { RetrainingQueryDto, RetrainingView } from './dto/retraining.dto';
import { RetrainingService } from './retraining.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/reports')
export class ReportsController {
  constructor(
    private readonly dashboards: DashboardService,
    private readonly people: PersonRecordService,
    private readonly retrainingService: RetrainingService,
  ) {}

  @Get('dashboard')
  @Roles('trainer', 'supervisor', 'hr', 'admin')
  @ApiOperation({
    summary:
      'Certification, exams, role-play, overdue assignments and rotation moves this quarter, by programme and team',
    description:
      'hr and admin: everyone; trainers and supervisors: the teams they manage (a team filter outside them is 403 TEAM_NOT_MANAGED); trainees: 403. from/to narrow the activity (attempts and sessions finished, assignments due); certificate counts are as of today.',
  })
  @ApiOkResponse({ type: DashboardView })
  dashboard(
    @CurrentViewer() viewer: Viewer,
    @Query() query: ReportFiltersDto,
  ): Promise<DashboardView> {
    return this.dashboards.dashboard(viewer, query);
  }

  @Get('retraining')
  @Roles('trainer', 'supervisor', 'hr', 'admin')
  @ApiOperation({
    summary:
      'Targeted retraining: trainees weak on a scoring dimension in role-play, and the courses that train it',
    description:
      'Active trainees in scope with at least `minSessions` finished sessions in the window; a dimension is weak when the mean of their scored replies is below `threshold`. Each weak person lists the courses whose `trains` cover a weak dimension and where they are with each; each course lists whom assigning it would reach (not completed, no assignment yet). Scope as the dashboard.',
  })
  @ApiOkResponse({ type: RetrainingView })
  retraining(
    @CurrentViewer() viewer: Viewer,
    @Query() query: RetrainingQueryDto,
  ): Promise<RetrainingView> {
    return this.retrainingService.retraining(viewer, query);
  }

  @Get('people/:userId')
  @ApiOperation({
    summary: "A person's full record",
    description:
      'The person themselves, their team’s trainers and supervisors, hr and admin; anyone else gets 404 as for nobody.',
  })
  @ApiOkResponse({ type: PersonRecordView })
  person(
    @CurrentViewer() viewer: Viewer,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<PersonRecordView> {
    return this.people.record(viewer, userId);
  }

  @Get('people/:userId/record.json')
  @ApiOperation({ summary: "Download a person's full record as JSON (audited)" })
  @ApiOkResponse({ type: PersonRecordView })
  async personJson(
    @CurrentViewer() viewer: Viewer,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PersonRecordView> {
    const record = await this.people.exportRecord(viewer, userId, 'json');
    response.setHeader('content-disposition', `attachment; filename="record-${userId}.json"`);
    return record;
  }

  @Get('people/:userId/record.csv')
  @ApiOperation({ summary: "Download a person's full record as CSV, one line per item (audited)" })
  @ApiProduces('text/csv')
  async personCsv(
    @CurrentViewer() viewer: Viewer,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const record = await this.people.exportRecord(viewer, userId, 'csv');
    response.setHeader('content-type', 'text/csv; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="record-${userId}.csv"`);
    return personRecordCsv(record);
  }
}
