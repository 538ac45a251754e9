import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  RestoreVersionDto,
  revisionParam,
  SourceChangesView,
  SourceRevisionView,
} from '../content/source-history';
import { WithdrawDto } from '../activities/withdrawal.dto';
import { Roles } from '../identity/access.decorators';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { ScenarioDraftDto, ScenarioSourceDto, TryReplyDto } from './dto/simulation-requests.dto';
import {
  AuthoredScenarioDetailView,
  AuthoredScenarioView,
  TryReplyView,
  ValidationView,
} from './dto/simulation-views.dto';
import { ScenarioAuthoringService } from './scenario-authoring.service';
import { ScenarioVersionsService } from './scenario-versions.service';
import { SimulationError } from './simulation-error';

// Registered before SimulationsController so 'authoring' is never read as a scenario id.
@ApiTags('simulations')
@ApiBearerAuth()
@Roles('trainer', 'admin')
@Controller('api/simulations/authoring')
export class ScenarioAuthoringController {
  constructor(
    private readonly authoring: ScenarioAuthoringService,
    private readonly versions: ScenarioVersionsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Trainer-authored scenarios, then the read-only content ones' })
  @ApiOkResponse({ type: [AuthoredScenarioView] })
  list(@CurrentViewer() viewer: Viewer): Promise<AuthoredScenarioView[]> {
    return this.authoring.list(viewer);
  }

  @Post('validate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check a YAML text: issues with line and field path, calibration, flow preview',
    description: 'A scenario with errors still answers 200: the issues are the answer.',
  })
  @ApiOkResponse({ type: ValidationView })
  validate(@Body() dto: ScenarioSourceDto): ValidationView {
    return this.authoring.validate(dto.source);
  }

  @Post('try')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Score a reply to one step and show the branch it takes at a given anger',
    description: '422 when the scenario has errors or the step is not a dialogue step.',
  })
  @ApiOkResponse({ type: TryReplyView })
  try(@Body() dto: TryReplyDto): TryReplyView {
    return this.authoring.tryReply(dto);
  }

  @Put('drafts')
  @ApiOperation({
    summary: 'Save the draft filed under the source’s id (created or replaced)',
    description:
      'Saved even with errors (see `validation`); refused (422) without readable YAML and a kebab-case id, (409 SCENARIO_READ_ONLY) for a content scenario id, and (409 SCENARIO_ID_TAKEN) when `editing` is given and the id is that of another scenario written here.',
  })
  @ApiOkResponse({ type: AuthoredScenarioDetailView })
  saveDraft(
    @CurrentViewer() viewer: Viewer,
    @Body() dto: ScenarioDraftDto,
  ): Promise<AuthoredScenarioDetailView> {
    return this.authoring.saveDraft(viewer, dto.source, dto.editing);
  }

  @Get(':scenarioId')
  @ApiOperation({ summary: 'Source (draft first), validation, flow and published versions' })
  @ApiOkResponse({ type: AuthoredScenarioDetailView })
  get(
    @CurrentViewer() viewer: Viewer,
    @Param('scenarioId') scenarioId: string,
  ): Promise<AuthoredScenarioDetailView> {
    return this.authoring.get(viewer, scenarioId);
  }

  @Post(':scenarioId/publish')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish the draft as the next version (422 listing every problem by field path)',
    description:
      'Runs the calibration examples first. New sessions start on the new version; running sessions stay on theirs.',
  })
  @ApiOkResponse({ type: AuthoredScenarioDetailView })
  publish(
    @CurrentViewer() viewer: Viewer,
    @Param('scenarioId') scenarioId: string,
  ): Promise<AuthoredScenarioDetailView> {
    return this.authoring.publish(viewer, scenarioId);
  }

  @Post(':scenarioId/withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw a published scenario from trainees, with a reason',
    description:
      'No new session starts (409 SCENARIO_WITHDRAWN); sessions already started may be finished and every result stays. The scenario leaves trainees’ lists (but for those who played it), and certificate or position requirements show it as withdrawn: passes made before still count, no new one can be made until it is reinstated. 409 NOT_PUBLISHED before the first publication, SCENARIO_WITHDRAWN when it already is, SCENARIO_READ_ONLY for a content scenario. Audited as simulation.scenario.withdrawn.',
  })
  @ApiOkResponse({ type: AuthoredScenarioDetailView })
  withdraw(
    @CurrentViewer() viewer: Viewer,
    @Param('scenarioId') scenarioId: string,
    @Body() dto: WithdrawDto,
  ): Promise<AuthoredScenarioDetailView> {
    return this.authoring.withdraw(viewer, scenarioId, dto.reason);
  }

  @Post(':scenarioId/reinstate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Offer a withdrawn scenario to trainees again (its latest published version)',
    description:
      '409 NOT_WITHDRAWN when it is not withdrawn. Audited as simulation.scenario.reinstated.',
  })
  @ApiOkResponse({ type: AuthoredScenarioDetailView })
  reinstate(
    @CurrentViewer() viewer: Viewer,
    @Param('scenarioId') scenarioId: string,
  ): Promise<AuthoredScenarioDetailView> {
    return this.authoring.reinstate(viewer, scenarioId);
  }

  @Get(':scenarioId/versions')
  @ApiOperation({
    summary: 'Every published version (newest first), after the draft if there is one',
  })
  @ApiOkResponse({ type: [SourceRevisionView] })
  history(@Param('scenarioId') scenarioId: string): Promise<SourceRevisionView[]> {
    return this.versions.history(scenarioId);
  }

  @Get(':scenarioId/versions/:version')
  @ApiOperation({
    summary: 'One version (a number, or `draft`): its YAML and what changed since the one before',
    description:
      'Line by line with 3 lines of context; the draft is compared with the latest published version. 404 VERSION_NOT_FOUND for a version that does not exist.',
  })
  @ApiOkResponse({ type: SourceChangesView })
  changes(
    @Param('scenarioId') scenarioId: string,
    @Param('version') version: string,
  ): Promise<SourceChangesView> {
    return this.versions.changes(
      scenarioId,
      revisionParam(version, true, SimulationError.noVersion),
    );
  }

  @Post(':scenarioId/versions/:version/restore')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Make a published version’s text the draft again (publish it to make it current)',
    description:
      '409 DRAFT_EXISTS when a draft is in progress, unless `replaceDraft` is true; 409 SCENARIO_READ_ONLY for a content scenario.',
  })
  @ApiOkResponse({ type: AuthoredScenarioDetailView })
  restore(
    @CurrentViewer() viewer: Viewer,
    @Param('scenarioId') scenarioId: string,
    @Param('version') version: string,
    @Body() dto: RestoreVersionDto,
  ): Promise<AuthoredScenarioDetailView> {
    const wanted = revisionParam(version, false, SimulationError.noVersion) ?? 0;
    return this.versions.restore(viewer, scenarioId, wanted, dto.replaceDraft === true);
  }
}
