import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Roles } from '../identity/access.decorators';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { ResultsQueryDto, StaffSessionsQueryDto, TakeTurnDto } from './dto/simulation-requests.dto';
import {
  DebriefView,
  ScenarioResultsView,
  ScenarioSummaryView,
  SessionView,
  StaffSessionListView,
  StaffSessionView,
  TurnView,
} from './dto/simulation-views.dto';
import { TakeTurnBody, TakeTurnPipe } from './dto/take-turn.pipe';
import { SessionsService } from './sessions.service';
import { SimulationReportsService } from './simulation-reports.service';

// Fixed paths ('simulations/sessions…') are declared before 'simulations/:scenarioId'; the
// authoring controller (simulations/authoring…) is registered ahead of this one.
@ApiTags('simulations')
@ApiBearerAuth()
@Controller('api')
export class SimulationsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly reports: SimulationReportsService,
  ) {}

  @Get('simulations')
  @ApiOperation({
    summary: 'Published scenarios with the caller’s status, attempts, best and latest',
  })
  @ApiOkResponse({ type: [ScenarioSummaryView] })
  list(@CurrentViewer() viewer: Viewer): Promise<ScenarioSummaryView[]> {
    return this.reports.overview(viewer.id);
  }

  @Get('simulations/sessions')
  @Roles('trainer', 'supervisor', 'hr', 'admin')
  @ApiOperation({
    summary: 'Sessions for staff: by default the teams a trainer or supervisor manages',
  })
  @ApiOkResponse({ type: StaffSessionListView })
  staffSessions(
    @CurrentViewer() viewer: Viewer,
    @Query() query: StaffSessionsQueryDto,
  ): Promise<StaffSessionListView> {
    return this.reports.staffSessions(viewer, query);
  }

  @Get('simulations/sessions/:sessionId')
  @ApiOperation({ summary: 'A session: transcript, mood, account panel, the next turn index' })
  @ApiOkResponse({ type: SessionView })
  session(
    @CurrentViewer() viewer: Viewer,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
  ): Promise<SessionView> {
    return this.sessions.get(viewer, sessionId);
  }

  @Post('simulations/sessions/:sessionId/turns')
  @ApiOperation({
    summary: 'Reply (201); the same turnIndex again answers the stored turn (200, replayed)',
  })
  @ApiBody({ type: TakeTurnDto })
  @ApiOkResponse({ type: TurnView })
  async turn(
    @CurrentViewer() viewer: Viewer,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    // Validated by TakeTurnPipe (TakeTurnDto's rules); typed as a plain body so the global
    // ValidationPipe, which would validate it a second time, leaves it alone.
    @Body(TakeTurnPipe) dto: TakeTurnBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TurnView> {
    const view = await this.sessions.turn(viewer, sessionId, dto);
    response.status(view.replayed ? 200 : 201);
    return view;
  }

  @Get('simulations/sessions/:sessionId/debrief')
  @ApiOperation({ summary: 'The debrief of a finished session (409 while it is running)' })
  @ApiOkResponse({ type: DebriefView })
  debrief(
    @CurrentViewer() viewer: Viewer,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
  ): Promise<DebriefView> {
    return this.sessions.debrief(viewer, sessionId);
  }

  @Get('simulations/:scenarioId')
  @ApiOperation({ summary: 'One published scenario with the caller’s status' })
  @ApiOkResponse({ type: ScenarioSummaryView })
  scenario(
    @CurrentViewer() viewer: Viewer,
    @Param('scenarioId') scenarioId: string,
  ): Promise<ScenarioSummaryView> {
    return this.reports.scenario(viewer.id, scenarioId);
  }

  @Post('simulations/:scenarioId/sessions')
  @ApiOperation({ summary: 'Start a session (201), or resume the one already open (200)' })
  @ApiOkResponse({ type: SessionView })
  async start(
    @CurrentViewer() viewer: Viewer,
    @Param('scenarioId') scenarioId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionView> {
    const { view, created } = await this.sessions.start(viewer, scenarioId);
    response.status(created ? 201 : 200);
    return view;
  }

  @Get('simulations/:scenarioId/results')
  @Roles('trainer', 'supervisor', 'hr', 'admin')
  @ApiOperation({ summary: 'Pass rate, outcomes, weakest dimensions and most-missed concepts' })
  @ApiOkResponse({ type: ScenarioResultsView })
  results(
    @CurrentViewer() viewer: Viewer,
    @Param('scenarioId') scenarioId: string,
    @Query() query: ResultsQueryDto,
  ): Promise<ScenarioResultsView> {
    return this.reports.results(viewer, scenarioId, query);
  }

  // No @Roles: the guard's ownership rule opens `:userId` routes to that person and to staff.
  @Get('users/:userId/simulations')
  @ApiOperation({ summary: 'A person’s role-play sessions, newest first' })
  @ApiOkResponse({ type: [StaffSessionView] })
  ofUser(@Param('userId', ParseUUIDPipe) userId: string): Promise<StaffSessionView[]> {
    return this.reports.userSessions(userId);
  }
}
