import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { Clock, CLOCK } from '../common/clock';
import { errorsByPath, validateInto } from '../common/validation';
import { Roles } from '../identity/access.decorators';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { DashboardService } from './dashboard.service';
import { ReportFiltersDto } from './dto/report-filters.dto';
import { ExportsService } from './exports.service';
import { PersonRecordService } from './person-record.service';
import { ReportCatalogue } from './report-catalogue';
import { DEFAULT_MIN_SESSIONS, DEFAULT_THRESHOLD, RetrainingQueryDto } from './dto/retraining.dto';
import {
  assignmentOutcome,
  dashboardPageModel,
  filterFormModel,
  filterQuery,
  retrainingPageModel,
} from './report-pages.mapper';
import { RetrainingService } from './retraining.service';
import { ReportScopes } from './report-scope';

type QueryParams = Record<string, unknown>;

/** The report pages: dashboard, people and their records, exports. */
@ApiExcludeController()
@Controller('reports')
export class ReportPagesController {
  constructor(
    private readonly dashboards: DashboardService,
    private readonly people: PersonRecordService,
    private readonly exports: ExportsService,
    private readonly scopes: ReportScopes,
    private readonly catalogue: ReportCatalogue,
    private readonly retrainingService: RetrainingService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('trainer', 'supervisor', 'hr', 'admin')
  @Render('reports/dashboard')
  async dashboard(
    @CurrentViewer() viewer: Viewer,
    @Query() query: QueryParams,
    @Res({ passthrough: true }) response: Response,
  ): Promise<object> {
    const filters = await this.filters(viewer, query, response);
    if (!filters.value) return { title: 'Reports', ...filters.form };
    const view = await this.dashboards.dashboard(viewer, filters.value);
    return { ...dashboardPageModel(view), ...filters.form };
  }

  @Get('me')
  mine(@CurrentViewer() viewer: Viewer, @Res() response: Response): void {
    response.redirect(303, `/reports/people/${viewer.id}`);
  }

  @Get('people')
  @Roles('trainer', 'supervisor', 'hr', 'admin')
  @Render('reports/people')
  async peopleIndex(
    @CurrentViewer() viewer: Viewer,
    @Query() query: QueryParams,
    @Res({ passthrough: true }) response: Response,
  ): Promise<object> {
    const { q, ...rest } = query;
    const search = typeof q === 'string' ? q : '';
    const filters = await this.filters(viewer, rest, response);
    const people = filters.value
      ? await this.people.index(viewer, filters.value, search)
      : { total: 0, items: [] };
    return { title: 'People', q: search, people, ...filters.form };
  }

  @Get('people/:userId')
  @Render('reports/person')
  async person(
    @CurrentViewer() viewer: Viewer,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<object> {
    const record = await this.people.record(viewer, userId);
    return {
      title: record.profile.displayName,
      record,
      own: record.profile.id === viewer.id,
      api: `/api/reports/people/${record.profile.id}`,
      retrainingThreshold: DEFAULT_THRESHOLD,
    };
  }

  /** Targeted retraining, with a form per course that assigns it to the people it would reach. */
  @Get('retraining')
  @Roles('trainer', 'supervisor', 'hr', 'admin')
  @Render('reports/retraining')
  async retraining(
    @CurrentViewer() viewer: Viewer,
    @Query() query: QueryParams,
    @Res({ passthrough: true }) response: Response,
  ): Promise<object> {
    const { threshold, minSessions, assigned, refused, course, ...rest } = query;
    const filters = await this.filters(viewer, rest, response);
    const extra = validateInto(RetrainingQueryDto, { threshold, minSessions });
    const form = {
      threshold: typeof threshold === 'string' ? threshold : String(DEFAULT_THRESHOLD),
      minSessions: typeof minSessions === 'string' ? minSessions : String(DEFAULT_MIN_SESSIONS),
    };
    const base = {
      title: 'Retraining',
      ...filters.form,
      limits: form,
      ...assignmentOutcome({ assigned, refused, course }, (id) =>
        this.catalogue.titleOf('course', id),
      ),
    };
    if (!extra.ok) {
      response.status(400);
      return { ...base, settingErrors: errorsByPath(extra.errors) };
    }
    if (!filters.value) return base;
    const view = await this.retrainingService.retraining(viewer, {
      ...filters.value,
      threshold: extra.value.threshold,
      minSessions: extra.value.minSessions,
    });
    const self = `/reports/retraining${filterQuery({
      ...view.filters,
      threshold: String(view.threshold),
      minSessions: String(view.minSessions),
    })}`;
    const today = this.clock.now().toISOString().slice(0, 10);
    return { ...base, ...retrainingPageModel(view, { viewer, self, today }) };
  }

  @Get('exports')
  @Roles('trainer', 'supervisor', 'hr', 'admin')
  @Render('reports/exports')
  async exportList(
    @CurrentViewer() viewer: Viewer,
    @Query() query: QueryParams,
    @Res({ passthrough: true }) response: Response,
  ): Promise<object> {
    const filters = await this.filters(viewer, query, response);
    // Bad filters get no download links: each would only answer the same 400.
    const suffix = filters.value ? filterQuery(filters.value) : null;
    return {
      title: 'Exports',
      tables: this.exports.tables().map((table) => ({
        ...table,
        href: suffix === null ? null : `${table.href}${suffix}`,
      })),
      ...filters.form,
    };
  }

  // The filter form of every page: checked like the API (to before from too), re-rendered with
  // its errors at the fields (400).
  private async filters(
    viewer: Viewer,
    query: QueryParams,
    response: Response,
  ): Promise<{ value: ReportFiltersDto | null; form: object }> {
    const options = {
      ...(await this.scopes.options(viewer)),
      programmes: this.catalogue.programmes(),
    };
    const result = validateInto(ReportFiltersDto, query);
    const errors = result.ok ? this.scopes.filterErrors(result.value) : result.errors;
    if (!result.ok || errors.length > 0) {
      response.status(400);
      return { value: null, form: filterFormModel(query, options, errors) };
    }
    return { value: result.value, form: filterFormModel(query, options) };
  }
}
