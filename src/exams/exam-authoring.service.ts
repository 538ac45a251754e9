import { ActivityWithdrawals, WithdrawalView } from '../activities/activity-withdrawals';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { ContentIssue } from '../content/content-issue';
import { sourceFieldErrors, sourceIssue, sourceTitle } from '../content/editor-source';
import { idTaken } from '../content/editing.dto';
import { parseYaml } from '../content/yaml-source';
import { runTransaction } from '../database/transactions';
import { AuditService } from '../identity/audit.service';
import { Viewer } from '../identity/viewer';
import { randomBytes } from 'node:crypto';
import { drawAttempt, matchesSource, PoolQuestion } from './engine';
import { AuthoredExamShelf } from './authored-exam-shelf';
import { AuthoredExam, AuthoredExamVersion } from './authored-exam.entity';
import {
  AuthoredExamDetailView,
  AuthoredExamView,
  DrawPreviewView,
  ExamValidationView,
} from './dto/exam-authoring.dto';
import { contentExamText, drawIssues } from './exam-content.kind';
import { EXAM_ID, ExamDefinition, parseExamDefinition, RESERVED_EXAM_IDS } from './exam-definition';
import { ExamError, ExamErrorCode } from './exam-error';
import { QuestionBankService } from './question-bank.service';

// What the editor's messages name as the file.
const SOURCE_NAME = 'exam.yaml';

/**
 * Exams trainers write in the exam editor: YAML in the format of content/exams, checked field
 * by field (each problem with its line) and against the banks (every section can be drawn, from
 * content or imported banks), kept as one draft per exam and published as numbered versions.
 * Content exams are listed read-only; their text may be copied under a new id.
 */
@Injectable()
export class ExamAuthoringService {
  constructor(
    @InjectRepository(AuthoredExam) private readonly rows: Repository<AuthoredExam>,
    private readonly banks: QuestionBankService,
    private readonly shelf: AuthoredExamShelf,
    private readonly withdrawals: ActivityWithdrawals,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Exams written here (drafts and published), then the read-only content ones. */
  async list(): Promise<AuthoredExamView[]> {
    const rows = await this.rows.find({
      select: [
        'id',
        'title',
        'draftUpdatedAt',
        'publishedVersion',
        'publishedAt',
        'draftAuthorId',
        'createdAt',
      ],
      order: { id: 'ASC' },
    });
    const content = this.banks
      .listExams()
      .filter((exam) => this.banks.isContentExam(exam.id))
      .map(contentSummary);
    const authored = rows.map((row) => summary(row, this.withdrawals.of('exam', row.id)));
    return [...authored, ...content].sort(
      (a, b) =>
        Number(a.readOnly) - Number(b.readOnly) ||
        a.title.localeCompare(b.title) ||
        a.examId.localeCompare(b.examId),
    );
  }

  /** One exam for the editor: its text (the draft's if any), the checks and its versions. */
  async get(examId: string): Promise<AuthoredExamDetailView> {
    if (this.banks.isContentExam(examId)) {
      const exam = this.banks.exam(examId);
      const source = contentExamText(exam) ?? '';
      return {
        ...contentSummary(exam),
        source,
        draft: null,
        publishedAt: null,
        validation: await this.validate(source, { readOnly: true }),
      };
    }
    const row = await this.rows.findOne({ where: { id: examId } });
    if (!row) throw new ExamError(ExamErrorCode.ExamNotFound, `No exam "${examId}"`);
    return detail(row, await this.validate(editorSource(row)), this.withdrawals.of('exam', examId));
  }

  /**
   * Takes a published exam away from trainees: no new attempt starts (409 EXAM_WITHDRAWN), it
   * leaves their list (but for those who took it). Attempts already started may be finished;
   * results, and passes towards certificates, stay. 409 NOT_PUBLISHED before the first
   * publication, EXAM_WITHDRAWN when it already is, EXAM_READ_ONLY for a content exam.
   */
  async withdraw(viewer: Viewer, examId: string, reason: string): Promise<AuthoredExamDetailView> {
    this.assertNotContent(examId);
    await this.assertPublished(examId);
    if (!(await this.withdrawals.withdraw(viewer, 'exam', examId, reason)))
      throw new ExamError(ExamErrorCode.ExamWithdrawn, `Exam "${examId}" is already withdrawn`);
    return this.get(examId);
  }

  /** Offers a withdrawn exam again (its published version). 409 NOT_WITHDRAWN when it is not. */
  async reinstate(viewer: Viewer, examId: string): Promise<AuthoredExamDetailView> {
    this.assertNotContent(examId);
    await this.assertPublished(examId);
    if (!(await this.withdrawals.reinstate(viewer, 'exam', examId)))
      throw new ExamError(ExamErrorCode.NotWithdrawn, `Exam "${examId}" is not withdrawn`);
    return this.get(examId);
  }

  private async assertPublished(examId: string): Promise<void> {
    const row = await this.rows.findOne({
      where: { id: examId },
      select: ['id', 'publishedVersion'],
    });
    if (!row) throw new ExamError(ExamErrorCode.ExamNotFound, `No exam "${examId}"`);
    if (row.publishedVersion === 0)
      throw new ExamError(
        ExamErrorCode.NotPublished,
        `Exam "${examId}" was never published: discard its draft instead`,
      );
  }

  /**
   * Checks a YAML text as the editor has it: syntax, every field (each problem with its line and
   * field path), then whether the banks can fill every section. Never throws for a bad exam: an
   * answer with issues is the point.
   */
  async validate(
    source: string,
    options: { readOnly?: boolean } = {},
  ): Promise<ExamValidationView> {
    return (await this.inspect(source, options)).view;
  }

  /**
   * Saves the one draft of the exam named by the text's `id`. A draft may be saved with errors
   * (work is never lost; publishing refuses it), but it needs well-formed YAML and a usable id,
   * which is what it is filed under. Content exam ids are refused.
   */
  async saveDraft(
    viewer: Viewer,
    source: string,
    editing?: string | null,
  ): Promise<AuthoredExamDetailView> {
    return this.get(await this.fileDraft(viewer, source, editing));
  }

  /**
   * Files the text as the draft of the exam its `id` names, and returns that id. `editing` (see
   * `Editing`): refused with 409 EXAM_ID_TAKEN when the id is another exam's. The editor page's
   * Publish files, then publishes: only publishing checks the text, so the banks are read once.
   */
  async fileDraft(viewer: Viewer, source: string, editing?: string | null): Promise<string> {
    const examId = this.idOf(source);
    const existing = await this.rows.findOne({ where: { id: examId }, select: ['id', 'title'] });
    const taken = idTaken('exam', editing, examId, existing?.title ?? null);
    if (taken) throw new ExamError(ExamErrorCode.ExamIdTaken, taken.message, taken.errors);
    const now = this.clock.now();
    const title = sourceTitle(SOURCE_NAME, source, examId);
    await runTransaction(this.rows.manager.connection, async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(AuthoredExam)
        .values({
          id: examId,
          title,
          draftSource: null,
          draftUpdatedAt: null,
          draftAuthorId: null,
          publishedSource: null,
          publishedVersion: 0,
          publishedAt: null,
          publishedById: null,
          createdAt: now,
        })
        .orIgnore()
        .execute();
      await manager.update(
        AuthoredExam,
        { id: examId },
        { title, draftSource: source, draftUpdatedAt: now, draftAuthorId: viewer.id },
      );
    });
    return examId;
  }

  /**
   * Publishes the draft as the next version: refused (422) while the exam has a problem or a
   * section cannot be drawn. New attempts draw from it; attempts already started keep their
   * questions and pass mark. Audited as `exam.published`.
   */
  async publish(viewer: Viewer, examId: string): Promise<AuthoredExamDetailView> {
    this.assertNotContent(examId);
    const row = await this.rows.findOne({ where: { id: examId } });
    if (!row?.draftSource || !row.draftUpdatedAt)
      throw new ExamError(ExamErrorCode.NoDraft, `Exam "${examId}" has no draft to publish`);
    const validation = await this.validate(row.draftSource);
    if (!validation.valid)
      throw new ExamError(
        ExamErrorCode.ExamInvalid,
        `Exam "${examId}" cannot be published yet`,
        sourceFieldErrors(validation.issues),
      );
    const version = row.publishedVersion + 1;
    const change = {
      title: sourceTitle(SOURCE_NAME, row.draftSource, examId),
      publishedSource: row.draftSource,
      publishedVersion: version,
      publishedAt: this.clock.now(),
      publishedById: viewer.id,
      draftSource: null,
      draftUpdatedAt: null,
      draftAuthorId: null,
    };
    await runTransaction(this.rows.manager.connection, async (manager) => {
      // Guarded on the draft we checked: a draft saved meanwhile is not published unchecked.
      const updated = await manager.update(
        AuthoredExam,
        { id: examId, draftUpdatedAt: row.draftUpdatedAt!, publishedVersion: row.publishedVersion },
        change,
      );
      if (updated.affected !== 1)
        throw new ExamError(
          ExamErrorCode.DraftChanged,
          'The draft changed while it was being published; reload it and publish again',
        );
      await manager.insert(AuthoredExamVersion, {
        examId,
        version,
        title: change.title,
        source: change.publishedSource,
        publishedAt: change.publishedAt,
        publishedById: viewer.id,
      });
      await this.audit.record(
        viewer,
        {
          action: 'exam.published',
          targetType: 'exam',
          targetId: examId,
          summary: { version, title: change.title, sections: validation.sections.length },
        },
        manager,
      );
    });
    const published = { ...row, ...change };
    this.shelf.register(published);
    // The text just checked is the one published: its checks answer, without a second read.
    return detail(published, validation, this.withdrawals.of('exam', examId));
  }

  /**
   * One draw of the exam as a trainee would get it (random, or repeated with `seed`): what the
   * sections give in practice, before publishing. 422 while the text has a problem.
   */
  async previewDraw(
    source: string,
    seed = randomBytes(8).toString('hex'),
  ): Promise<DrawPreviewView> {
    const { view, parsed } = await this.inspect(source, { readOnly: true });
    if (!view.valid || !parsed)
      throw new ExamError(
        ExamErrorCode.ExamInvalid,
        'The exam has problems; fix them first',
        sourceFieldErrors(view.issues),
      );
    const { exam, pool } = parsed;
    const drawn = drawAttempt({ blueprint: exam, pool, seed });
    if (!drawn)
      throw new ExamError(ExamErrorCode.DrawFailed, 'The question banks cannot fill this exam');
    const byId = new Map(pool.map((item) => [item.question.id, item]));
    const questions = drawn.map((slot) => {
      const { bankId, question } = byId.get(slot.questionId)!;
      return {
        slot: slot.slot,
        section: exam.sections[slot.section].title,
        questionId: question.id,
        bankId,
        type: question.type,
        prompt: question.prompt,
        mark: question.mark,
      };
    });
    return { seed, questions, maxMarks: questions.reduce((sum, item) => sum + item.mark, 0) };
  }

  /**
   * Throws the draft away: the published version (if any) stays as it is; an exam never
   * published disappears from the list. 404 NO_DRAFT when there is no draft.
   */
  async discardDraft(viewer: Viewer, examId: string): Promise<void> {
    this.assertNotContent(examId);
    await runTransaction(this.rows.manager.connection, async (manager) => {
      const row = await manager.findOne(AuthoredExam, { where: { id: examId } });
      if (!row?.draftSource)
        throw new ExamError(ExamErrorCode.NoDraft, `Exam "${examId}" has no draft to discard`);
      if (row.publishedVersion === 0) await manager.delete(AuthoredExam, { id: examId });
      else
        await manager.update(
          AuthoredExam,
          { id: examId },
          { draftSource: null, draftUpdatedAt: null, draftAuthorId: null },
        );
      await this.audit.record(
        viewer,
        {
          action: 'exam.draft.discarded',
          targetType: 'exam',
          targetId: examId,
          summary: { publishedVersion: row.publishedVersion || null },
        },
        manager,
      );
    });
  }

  /**
   * The checks of a text, with the exam it defines and the questions it may draw from once it
   * parses. `readOnly`: the text is only read (a content exam shown, a draw previewed), never
   * filed, so a content exam's id is no problem.
   */
  private async inspect(
    source: string,
    options: { readOnly?: boolean },
  ): Promise<{
    view: ExamValidationView;
    parsed?: { exam: ExamDefinition; pool: PoolQuestion[] };
  }> {
    const parsed = parseYaml(SOURCE_NAME, source);
    if (!parsed.ok)
      return {
        view: { valid: false, examId: null, issues: parsed.issues.map(sourceIssue), sections: [] },
      };
    const result = parseExamDefinition(parsed.source.data);
    if (!result.ok) {
      const data = parsed.source.data as { id?: unknown } | null;
      return {
        view: {
          valid: false,
          examId: typeof data?.id === 'string' ? data.id : null,
          issues: result.issues.map((issue) =>
            sourceIssue(parsed.source.issueAt(issue.path, issue.reason)),
          ),
          sections: [],
        },
      };
    }
    const exam = result.exam;
    const issues: ContentIssue[] = [];
    if (this.banks.isContentExam(exam.id) && !options.readOnly)
      issues.push(
        parsed.source.issueAt(
          ['id'],
          `"${exam.id}" is a content exam (read-only here): save your copy under a new id`,
        ),
      );
    const banks = await this.banks.banksFor(exam);
    issues.push(
      ...drawIssues(exam, { ...banks, where: 'among the question banks' }, (path, reason) =>
        parsed.source.issueAt(path, reason),
      ),
    );
    return {
      view: {
        valid: issues.length === 0,
        examId: exam.id,
        issues: issues.map(sourceIssue),
        sections: sectionChecks(exam, banks.pool),
      },
      parsed: { exam, pool: banks.pool },
    };
  }

  /** The `id` a draft is filed under; a 422 when the YAML or the id is unusable. */
  private idOf(source: string): string {
    const parsed = parseYaml(SOURCE_NAME, source);
    if (!parsed.ok)
      throw new ExamError(
        ExamErrorCode.ExamInvalid,
        'The YAML cannot be read; a draft needs well-formed YAML',
        sourceFieldErrors(parsed.issues.map(sourceIssue)),
      );
    const data = parsed.source.data as { id?: unknown } | null;
    const id = data && typeof data === 'object' ? data.id : undefined;
    if (
      typeof id !== 'string' ||
      !EXAM_ID.test(id) ||
      id.length > 80 ||
      RESERVED_EXAM_IDS.includes(id)
    )
      throw new ExamError(
        ExamErrorCode.ExamInvalid,
        'A draft is filed under its `id`: give the exam a kebab-case id first',
        [
          {
            path: 'source.id',
            messages: [
              `must be a kebab-case id (a-z, 0-9 and single hyphens, at most 80; not ${RESERVED_EXAM_IDS.join(', ')})`,
            ],
          },
        ],
      );
    this.assertNotContent(id, 'source.id');
    return id;
  }

  private assertNotContent(examId: string, path?: string): void {
    if (this.banks.isContentExam(examId))
      throw new ExamError(
        ExamErrorCode.ExamReadOnly,
        `"${examId}" is a content exam (content/exams): copy it under a new id to change it`,
        path ? [{ path, messages: ['is the id of a content exam (read-only)'] }] : undefined,
      );
  }
}

function summary(row: AuthoredExam, withdrawn: WithdrawalView | null): AuthoredExamView {
  const times = [row.draftUpdatedAt, row.publishedAt, row.createdAt].filter(
    (time): time is Date => time !== null,
  );
  return {
    examId: row.id,
    origin: 'authored',
    readOnly: false,
    title: row.title,
    publishedVersion: row.publishedVersion > 0 ? row.publishedVersion : null,
    hasDraft: row.draftUpdatedAt !== null,
    updatedAt: new Date(Math.max(...times.map((time) => time.getTime()))).toISOString(),
    withdrawn,
  };
}

/** The text the editor opens: the draft if there is one, else the published one. */
function editorSource(row: AuthoredExam): string {
  return row.draftSource ?? row.publishedSource ?? '';
}

/** An exam written here as the editor shows it, with the checks of its `editorSource`. */
function detail(
  row: AuthoredExam,
  validation: ExamValidationView,
  withdrawn: WithdrawalView | null,
): AuthoredExamDetailView {
  return {
    ...summary(row, withdrawn),
    source: editorSource(row),
    draft:
      row.draftSource !== null && row.draftUpdatedAt
        ? {
            updatedAt: row.draftUpdatedAt.toISOString(),
            authorId: row.draftAuthorId,
            nextVersion: row.publishedVersion + 1,
          }
        : null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    validation,
  };
}

function contentSummary(exam: ExamDefinition): AuthoredExamView {
  return {
    examId: exam.id,
    origin: 'content',
    readOnly: true,
    title: exam.title,
    publishedVersion: null,
    hasDraft: false,
    updatedAt: null,
    withdrawn: null,
  };
}

function sectionChecks(
  exam: ExamDefinition,
  pool: readonly PoolQuestion[],
): ExamValidationView['sections'] {
  return exam.sections.map((section) => ({
    title: section.title,
    draw: section.draw,
    matching: pool.filter((item) => matchesSource(item, section.from)).length,
  }));
}
