import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Render,
  Res,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { filledText } from '../common/form-values';
import { AppError, DomainError } from '../common/domain-error';
import { validateInto } from '../common/validation';
import { CurrentViewer, hasRole, Viewer } from '../identity/viewer';
import { TurnFormDto } from './dto/simulation-requests.dto';
import { ScenarioLibrary } from './scenario-library.service';
import { SessionsService } from './sessions.service';
import * as pages from './simulation-pages.mapper';
import { SimulationReportsService } from './simulation-reports.service';
import { TurnReviewsService } from './turn-reviews.service';
import { UnseenReviewsService } from './unseen-reviews.service';

type Form = Record<string, unknown>;
const STAFF = ['trainer', 'supervisor', 'hr', 'admin'] as const;
const session = (id: string, tail = ''): string => `/simulations/sessions/${id}${tail}`;

/** Role-play pages: scenario list, brief, the conversation (trainers' pages: SimulationStaffPagesController). */
@ApiExcludeController()
@Controller('simulations')
export class SimulationPagesController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly reports: SimulationReportsService,
    private readonly library: ScenarioLibrary,
    private readonly reviews: TurnReviewsService,
    private readonly unseen: UnseenReviewsService,
  ) {}

  @Get()
  @Render('simulations/list')
  async list(@CurrentViewer() viewer: Viewer, @Query() query: Form): Promise<object> {
    const filters = { tag: filledText(query.tag), difficulty: filledText(query.difficulty) };
    const access = {
      canManage: hasRole(viewer, ...STAFF),
      canAuthor: hasRole(viewer, 'trainer', 'admin'),
    };
    const feedback = await this.reviews.receivedBy(viewer.id);
    // No review at all, so none is new: spare the count.
    const unseen = feedback.length > 0 ? await this.unseen.of(viewer.id) : null;
    return pages.scenarioListModel(await this.reports.overview(viewer.id), filters, {
      ...access,
      feedback,
      unseen,
    });
  }

  @Get('sessions/:sessionId')
  @Render('simulations/session')
  async play(
    @CurrentViewer() viewer: Viewer,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
  ): Promise<object> {
    const view = await this.sessions.get(viewer, sessionId);
    return pages.sessionModel(view, { own: view.userId === viewer.id });
  }

  /** The reply box without JavaScript: one turn, then back to the page (or on to the debrief). */
  @Post('sessions/:sessionId/turns')
  async reply(
    @CurrentViewer() viewer: Viewer,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() form: Form,
    @Res() response: Response,
  ): Promise<void> {
    const parsed = validateInto(TurnFormDto, form);
    try {
      if (!parsed.ok) throw AppError.validation(parsed.errors, 'Check your reply');
      const turn = await this.sessions.turn(viewer, sessionId, parsed.value);
      response.redirect(303, session(sessionId, turn.finished ? '/debrief' : ''));
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 404) throw error;
      const view = await this.sessions.get(viewer, sessionId);
      if (view.status === 'finished') return response.redirect(303, session(sessionId, '/debrief'));
      const model = pages.sessionModel(view, {
        own: view.userId === viewer.id,
        error: error.message,
        errors: error.errors,
        text: filledText(form.text),
      });
      response.status(error.status).render('simulations/session', model);
    }
  }

  @Get(':scenarioId')
  @Render('simulations/brief')
  async brief(
    @CurrentViewer() viewer: Viewer,
    @Param('scenarioId') scenarioId: string,
  ): Promise<object> {
    return this.briefOf(viewer, scenarioId);
  }

  /** Start, or resume the open session; either way on to the conversation. */
  @Post(':scenarioId/start')
  async start(
    @CurrentViewer() viewer: Viewer,
    @Param('scenarioId') scenarioId: string,
    @Res() response: Response,
  ): Promise<void> {
    try {
      const { view } = await this.sessions.start(viewer, scenarioId);
      response.redirect(303, session(view.id));
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 404) throw error;
      const model = await this.briefOf(viewer, scenarioId, error.message);
      response.status(error.status).render('simulations/brief', model);
    }
  }

  private async briefOf(viewer: Viewer, scenarioId: string, error?: string): Promise<object> {
    const summary = await this.reports.scenario(viewer.id, scenarioId);
    const mine = await this.reports.userSessions(viewer.id);
    return pages.briefModel(
      summary,
      this.library.get(scenarioId).scenario,
      mine.filter((item) => item.scenarioId === scenarioId),
      { canManage: hasRole(viewer, ...STAFF), error },
    );
  }
}
