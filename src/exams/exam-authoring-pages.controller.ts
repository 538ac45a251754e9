import { Body, Controller, Get, Param, Post, Query, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
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
import { ExamSourceDto } from './dto/exam-authoring.dto';
import * as pages from './exam-authoring-pages.mapper';
import { ExamAuthoringService } from './exam-authoring.service';
import { ExamError } from './exam-error';
import { ExamVersionsService } from './exam-versions.service';
import { QuestionBankService } from './question-bank.service';

type Form = Record<string, unknown>;
const editorUrl = (id: string, query: string): string =>
  `/exams/authoring/${encodeURIComponent(id)}?${query}`;

/**
 * The exam editor pages: plain forms, the button pressed posted as `intent` (check, save,
 * publish). Registered before the exam pages so 'authoring' is never read as an exam id.
 */
@ApiExcludeController()
@Roles('trainer', 'admin')
@Controller('exams/authoring')
export class ExamAuthoringPagesController {
  constructor(
    private readonly authoring: ExamAuthoringService,
    private readonly versions: ExamVersionsService,
    private readonly banks: QuestionBankService,
  ) {}

  @Get()
  @Render('exams/authoring-list')
  async list(@Query('discarded') discarded?: string): Promise<object> {
    return pages.listModel(await this.authoring.list(), discarded ? 'Draft discarded.' : undefined);
  }

  /** A starter exam, or a copy of another one (`?from=`) under a new id. */
  @Get('new')
  @Render('exams/editor')
  async create(@Query('from') from?: string): Promise<object> {
    const source =
      typeof from === 'string' && from
        ? pages.copyExamSource((await this.authoring.get(from)).source, from)
        : pages.STARTER_EXAM_SOURCE;
    return pages.editorModel({
      examId: null,
      source,
      validation: await this.authoring.validate(source),
      banks: await this.banks.listBanks(),
    });
  }

  @Post('editor')
  async submit(
    @CurrentViewer() viewer: Viewer,
    @Body() form: Form,
    @Res() response: Response,
  ): Promise<void> {
    const source = typeof form.source === 'string' ? form.source : '';
    let examId = typeof form.examId === 'string' && form.examId ? form.examId : null;
    const readOnly = form.readOnly === 'true';
    try {
      const checked = validateInto(ExamSourceDto, { source: form.source });
      if (!checked.ok) throw AppError.validation(checked.errors, 'Check the fields marked below');
      if (form.intent === 'save') {
        const saved = await this.authoring.saveDraft(viewer, source, examId);
        return response.redirect(303, editorUrl(saved.examId, 'saved=1'));
      }
      if (form.intent === 'publish') {
        // Filed first: should publishing be refused, the page is that exam's editor from now on.
        examId = await this.authoring.fileDraft(viewer, source, examId);
        const published = await this.authoring.publish(viewer, examId);
        return response.redirect(
          303,
          editorUrl(published.examId, `published=${published.publishedVersion}`),
        );
      }
      if (form.intent === 'discard' && examId) {
        await this.authoring.discardDraft(viewer, examId);
        return response.redirect(303, '/exams/authoring?discarded=1');
      }
      const preview =
        form.intent === 'preview' ? await this.authoring.previewDraw(source) : undefined;
      const model = pages.editorModel({
        examId,
        source,
        validation: await this.authoring.validate(source, { readOnly }),
        banks: await this.banks.listBanks(),
        preview,
        readOnly,
      });
      response.status(200).render('exams/editor', model);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const model = pages.editorModel({
        examId,
        source,
        validation: await this.authoring.validate(source.slice(0, 200_000), { readOnly }),
        banks: await this.banks.listBanks(),
        readOnly,
        error: error.message,
        errors: error.errors,
      });
      response.status(error.status).render('exams/editor', model);
    }
  }

  @Get(':examId')
  @Render('exams/editor')
  async edit(@Param('examId') examId: string, @Query() query: Form): Promise<object> {
    const detail = await this.authoring.get(examId);
    const notice = query.published
      ? `Published as version ${String(query.published)}: new attempts draw from it.`
      : query.restored
        ? `The text of version ${String(query.restored)} is now the draft: check it, then publish it to make it current.`
        : query.saved
          ? 'Draft saved.'
          : withdrawalNotice(query);
    return pages.editorModel({
      examId,
      source: detail.source,
      validation: detail.validation,
      banks: await this.banks.listBanks(),
      detail,
      notice,
    });
  }

  @Post(':examId/withdraw')
  withdraw(
    @CurrentViewer() viewer: Viewer,
    @Param('examId') examId: string,
    @Body() form: Form,
    @Res() response: Response,
  ): Promise<void> {
    return withdrawFromPage(this.withdrawalPages, viewer, examId, form, response);
  }

  @Post(':examId/reinstate')
  reinstate(
    @CurrentViewer() viewer: Viewer,
    @Param('examId') examId: string,
    @Res() response: Response,
  ): Promise<void> {
    return reinstateFromPage(this.withdrawalPages, viewer, examId, response);
  }

  /** Every version and the draft, one of them (`?show=`, else the newest) with its changes. */
  @Get(':examId/versions')
  history(
    @Param('examId') id: string,
    @Query('show') show: unknown,
    @Res() response: Response,
  ): Promise<void> {
    return renderHistory(this.historyPages, id, show, response);
  }

  @Post(':examId/versions/:version/restore')
  restore(
    @CurrentViewer() viewer: Viewer,
    @Param('examId') id: string,
    @Param('version') version: string,
    @Body() form: Form,
    @Res() response: Response,
  ): Promise<void> {
    return restoreFromPage(this.historyPages, viewer, id, version, form, response);
  }

  private get withdrawalPages(): WithdrawalPages {
    return {
      what: 'exam',
      withdraw: (viewer, id, reason) => this.authoring.withdraw(viewer, id, reason),
      reinstate: (viewer, id) => this.authoring.reinstate(viewer, id),
      editorUrl,
      renderRefused: async (_viewer, id, error, response, reason) => {
        const detail = await this.authoring.get(id);
        response.status(error.status).render(
          'exams/editor',
          pages.editorModel({
            examId: id,
            source: detail.source,
            validation: detail.validation,
            banks: await this.banks.listBanks(),
            detail,
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
      view: 'exams/history',
      editorUrl: (id) => `/exams/authoring/${encodeURIComponent(id)}`,
      readOnly: () => false,
      noVersion: ExamError.noVersion,
    };
  }
}
