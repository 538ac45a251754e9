import { Controller, Get, Param, Query, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { validateInto } from '../common/validation';
import { Roles } from '../identity/access.decorators';
import { visibleTeams } from '../identity/team-scope';
import { UsersService } from '../identity/users.service';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { ResultsQueryDto, StaffSessionsQueryDto } from './dto/simulation-requests.dto';
import { ScenarioLibrary } from './scenario-library.service';
import * as pages from './simulation-pages.mapper';
import { SimulationReportsService } from './simulation-reports.service';

type Form = Record<string, unknown>;
const STAFF = ['trainer', 'supervisor', 'hr', 'admin'] as const;
// A longer list is no use as a drop-down; the team filter and the name or email box narrow it.
const PEOPLE_IN_FILTER = 500;

/**
 * Trainers' role-play pages: their teams' sessions and each scenario's results. Registered
 * before SimulationPagesController, whose `:scenarioId` would otherwise take `sessions`.
 */
@ApiExcludeController()
@Roles(...STAFF)
@Controller('simulations')
export class SimulationStaffPagesController {
  constructor(
    private readonly reports: SimulationReportsService,
    private readonly library: ScenarioLibrary,
    private readonly users: UsersService,
  ) {}

  @Get('sessions')
  async staffSessions(
    @CurrentViewer() viewer: Viewer,
    @Query() query: Form,
    @Res() response: Response,
  ): Promise<void> {
    // Empty filter fields ("any") are already gone (the validation pipe); the rest is checked
    // like the API's query.
    const parsed = validateInto(StaffSessionsQueryDto, query);
    const page = parsed.ok
      ? await this.reports.staffSessions(viewer, parsed.value)
      : { total: 0, items: [], teams: visibleTeams(viewer) };
    const teams = await this.users.teamsVisibleTo(viewer);
    const chosen = typeof query.team === 'string' ? query.team : undefined;
    // The person filter: trainees of the chosen team, else of the teams the viewer may see
    // (everyone, with or without a team, for hr and admin), matching the name or email box;
    // past members too, as their sessions stay listed.
    const everyone = chosen === undefined && visibleTeams(viewer) === null;
    const people = await this.users.listPeople({
      roles: ['trainee'],
      teams: everyone ? undefined : teams.filter((team) => chosen === undefined || team === chosen),
      inactiveToo: true,
      q: parsed.ok ? parsed.value.q : undefined,
      limit: PEOPLE_IN_FILTER + 1,
    });
    response.status(parsed.ok ? 200 : 400).render(
      'simulations/sessions',
      pages.staffSessionsModel(page, {
        query,
        scenarios: this.library.list().map(({ scenario }) => scenario),
        // Null when they do not fit: the page then offers only the name or email box.
        people: people.length > PEOPLE_IN_FILTER ? null : people,
        teams,
        errors: parsed.ok ? undefined : parsed.errors,
      }),
    );
  }

  @Get(':scenarioId/results')
  @Render('simulations/results')
  async results(
    @CurrentViewer() viewer: Viewer,
    @Param('scenarioId') scenarioId: string,
    @Query() query: ResultsQueryDto,
  ): Promise<object> {
    return pages.resultsModel(
      await this.reports.results(viewer, scenarioId, query),
      await this.users.teamsVisibleTo(viewer),
    );
  }
}
