import { Body, Controller, Get, Param, Post, Query, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { filledText } from '../common/form-values';
import { AppError, DomainError } from '../common/domain-error';
import { validateInto } from '../common/validation';
import { HistoryPages, renderHistory, restoreFromPage } from '../content/source-history-page';
import {
  reinstateFromPage,
  withdrawalNotice,
  WithdrawalPages,
  withdrawFromPage,
} from '../activities/withdrawal-pages';
import { Roles } from '../identity/access.decorators';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { ScenarioSourceDto, TryReplyDto } from './dto/simulation-requests.dto';
import * as pages from './scenario-authoring-pages.mapper';
import { ScenarioAuthoringService } from './scenario-authoring.service';
import { ScenarioLibrary } from './scenario-library.service';
import { ScenarioVersionsService } from './scenario-versions.service';
import { SimulationError } from './simulation-error';

type Form = Record<string, unknown>;
const editorUrl = (id: string, query: string): string =>
  `/simulations/authoring/${encodeURIComponent(id)}?${query}`;

/**
 * The scenario editor pages. The page script checks the YAML as the trainer types and calls the
 * authoring API; without it, one form posts here with the button pressed as `intent`.
 */
@ApiExcludeController()
@Roles('trainer', 'admin')
@Controller('simulations/authoring')
export class ScenarioAuthoringPagesController {
  constructor(
    private readonly authoring: ScenarioAuthoringService,
    private readonly versions: ScenarioVersionsService,
    private readonly library: ScenarioLibrary,
  ) {}

  @Get()
  @Render('simulations/authoring-list')
  async list(@CurrentViewer() viewer: Viewer): Promise<object> {
    return pages.listModel(await this.authoring.list(viewer));
  }

  /** A blank scenario, or a copy of another one (`?from=`) under a new id. */
  @Get('new')
  @Render('simulations/editor')
  async create(@CurrentViewer() viewer: Viewer, @Query('from') from?: string): Promise<object> {
    const source =
      typeof from === 'string' && from
        ? pages.copySource((await this.authoring.get(viewer, from)).source, from)
        : pages.STARTER_SOURCE;
    return pages.editorModel({
      scenarioId: null,
      source,
      validation: this.authoring.validate(source),
    });
  }

  @Post('editor')
  async submit(
    @CurrentViewer() viewer: Viewer,
    @Body() form: Form,
    @Res() response: Response,
  ): Promise<void> {
    const source = typeof form.source === 'string' ? form.source : '';
    const tryForm = {
      stepId: filledText(form.stepId),
      text: filledText(form.text),
      anger: filledText(form.anger),
    };
    const state = { scenarioId: filledText(form.scenarioId) ?? null, source, tryForm };
    try {
      const checked = validateInto(ScenarioSourceDto, { source: form.source });
      if (!checked.ok) throw invalid(checked.errors);
      if (form.intent === 'save' || form.intent === 'publish') {
        const saved = await this.authoring.saveDraft(viewer, source, state.scenarioId);
        // Should publishing be refused, the page is that scenario's editor from now on.
        state.scenarioId = saved.scenarioId;
        if (form.intent === 'save')
          return response.redirect(303, editorUrl(saved.scenarioId, 'saved=1'));
        const published = await this.authoring.publish(viewer, saved.scenarioId);
        return response.redirect(
          303,
          editorUrl(published.scenarioId, `published=${published.publishedVersion}`),
        );
      }
      const validation = this.authoring.validate(source);
      if (form.intent !== 'try')
        return response
          .status(200)
          .render('simulations/editor', pages.editorModel({ ...state, validation }));
      const anger = tryForm.anger === undefined ? undefined : Number(tryForm.anger);
      const parsed = validateInto(TryReplyDto, { ...tryForm, source, anger });
      if (!parsed.ok) throw invalid(parsed.errors);
      const tried = this.authoring.tryReply(parsed.value);
      response
        .status(200)
        .render('simulations/editor', pages.editorModel({ ...state, validation, tried }));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const validation = this.authoring.validate(source.slice(0, 200_000));
      const model = pages.editorModel({
        ...state,
        validation,
        error: error.message,
        errors: error.errors,
      });
      response.status(error.status).render('simulations/editor', model);
    }
  }

  @Get(':scenarioId')
  @Render('simulations/editor')
  async edit(
    @CurrentViewer() viewer: Viewer,
    @Param('scenarioId') scenarioId: string,
    @Query() query: Form,
  ): Promise<object> {
    const detail = await this.authoring.get(viewer, scenarioId);
    const notice = query.published
      ? `Published as version ${String(query.published)}: new sessions start on it.`
      : query.restored
        ? `The text of version ${String(query.restored)} is now the draft: check it, then publish it to make it current.`
        : query.saved
          ? 'Draft saved.'
          : withdrawalNotice(query);
    return pages.editorModel({
      scenarioId,
      source: detail.source,
      validation: detail.validation,
      detail,
      readOnly: detail.readOnly,
      notice,
    });
  }

  @Post(':scenarioId/withdraw')
  withdraw(
    @CurrentViewer() viewer: Viewer,
    @Param('scenarioId') scenarioId: string,
    @Body() form: Form,
    @Res() response: Response,
  ): Promise<void> {
    return withdrawFromPage(this.withdrawalPages, viewer, scenarioId, form, response);
  }

  @Post(':scenarioId/reinstate')
  reinstate(
    @CurrentViewer() viewer: Viewer,
    @Param('scenarioId') scenarioId: string,
    @Res() response: Response,
  ): Promise<void> {
    return reinstateFromPage(this.withdrawalPages, viewer, scenarioId, response);
  }

  /** Every version and the draft, one of them (`?show=`, else the newest) with its changes. */
  @Get(':scenarioId/versions')
  history(
    @Param('scenarioId') id: string,
    @Query('show') show: unknown,
    @Res() response: Response,
  ): Promise<void> {
    return renderHistory(this.historyPages, id, show, response);
  }

  @Post(':scenarioId/versions/:version/restore')
  restore(
    @CurrentViewer() viewer: Viewer,
    @Param('scenarioId') id: string,
    @Param('version') version: string,
    @Body() form: Form,
    @Res() response: Response,
  ): Promise<void> {
    return restoreFromPage(this.historyPages, viewer, id, version, form, response);
  }

  private get withdrawalPages(): WithdrawalPages {
    return {
      what: 'scenario',
      withdraw: (viewer, id, reason) => this.authoring.withdraw(viewer, id, reason),
      reinstate: (viewer, id) => this.authoring.reinstate(viewer, id),
      editorUrl,
      renderRefused: async (viewer, id, error, response, reason) => {
        const detail = await this.authoring.get(viewer, id);
        response.status(error.status).render(
          'simulations/editor',
          pages.editorModel({
            scenarioId: id,
            source: detail.source,
            validation: detail.validation,
            detail,
            readOnly: detail.readOnly,
            error: error.message,
            errors: error.errors,
            withdrawReason: reason,
          }),
        );
      },
    };
  }

  private get historyPages(): HistoryPages {
    return {
      versions: this.versions,
      view: 'simulations/history',
      editorUrl: (id) => `/simulations/authoring/${encodeURIComponent(id)}`,
      readOnly: (id) => this.library.isContent(id),
      noVersion: SimulationError.noVersion,
    };
  }
}

function invalid(errors: { path: string; messages: string[] }[]): DomainError {
  return AppError.validation(errors, 'Check the fields marked below');
}
