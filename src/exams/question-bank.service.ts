import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { Repository } from 'typeorm';
import { stringify } from 'yaml';
import { Clock, CLOCK } from '../common/clock';
import { ContentCatalogue } from '../content/content-kind';
import { runTransaction } from '../database/transactions';
import { AuditService } from '../identity/audit.service';
import { Viewer } from '../identity/viewer';
import { ScoringService } from '../scoring/scoring.service';
import { canonicalQuestion, PoolQuestion, QuestionDefinition } from './engine';
import { EXAM_BANKS, ExamBank } from './exam-bank-content.kind';
import { AuthoredExamShelf } from './authored-exam-shelf';
import { EXAMS } from './exam-content.kind';
import { EXAM_ID, ExamDefinition } from './exam-definition';
import { ExamError, ExamErrorCode } from './exam-error';
import { GiftIssue, importGift } from './gift/gift-import';
import { ImportedBank } from './imported-bank.entity';

export interface BankSummary {
  id: string;
  title: string;
  course: string | null;
  source: ExamBank['source'];
  questions: number;
  byType: Record<string, number>;
  /** The categories and tags its questions carry (what an exam section filters on), sorted. */
  categories: string[];
  tags: string[];
}

/** The banks an exam may draw from: every question in draw order, and the bank ids. */
export interface DrawableBanks {
  pool: PoolQuestion[];
  bankIds: Set<string>;
}

export interface GiftImportResult {
  bank: BankSummary;
  replaced: boolean;
  questions: QuestionDefinition[];
  issues: GiftIssue[];
  skipped: { line: number; reason: string }[];
}

const hash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * Exams and question banks: the ones authored in content/ (validated at boot, the pool exams
 * draw from) and banks imported from GIFT files (kept in the database for review and export).
 */
@Injectable()
export class QuestionBankService {
  private readonly banks: ExamBank[];
  private readonly exams: Map<string, ExamDefinition>;
  private readonly questions = new Map<string, PoolQuestion>();

  constructor(
    catalogue: ContentCatalogue,
    private readonly authored: AuthoredExamShelf,
    private readonly scoring: ScoringService,
    private readonly audit: AuditService,
    @InjectRepository(ImportedBank) private readonly imported: Repository<ImportedBank>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.banks = catalogue.get(EXAM_BANKS);
    this.exams = new Map(catalogue.get(EXAMS).map((exam) => [exam.id, exam]));
    for (const item of this.banks.flatMap(poolOf)) this.questions.set(item.question.id, item);
  }

  /** Content exams and the published ones trainers wrote, by title. */
  listExams(): ExamDefinition[] {
    const authored = this.authored
      .list()
      .map((published) => published.exam)
      .filter((exam) => !this.exams.has(exam.id));
    return [...this.exams.values(), ...authored].sort(
      (a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id),
    );
  }

  exam(id: string): ExamDefinition {
    const exam = this.findExam(id);
    if (!exam) throw new ExamError(ExamErrorCode.ExamNotFound, `No exam "${id}"`);
    return exam;
  }

  /** True for an exam of content/exams (read-only in the exam editor). */
  isContentExam(id: string): boolean {
    return this.exams.has(id);
  }

  /** Picks up exams published on other instances since the last look (before an attempt starts). */
  async syncAuthored(): Promise<void> {
    await this.authored.sync();
  }

  /**
   * The banks an exam draws from and their questions, in the order draws depend on: content
   * exams draw from the content banks only (an import never changes them); exams written in the
   * editor may also draw from imported (GIFT) banks, after the content ones.
   */
  async banksFor(exam: ExamDefinition): Promise<DrawableBanks> {
    const content = this.pool();
    const contentIds = this.banks.map((bank) => bank.id);
    if (this.isContentExam(exam.id)) return { pool: content, bankIds: new Set(contentIds) };
    const imported = (await this.imported.find({ order: { id: 'ASC' } })).map(toBank);
    return {
      pool: [...content, ...imported.flatMap(poolOf)],
      bankIds: new Set([...contentIds, ...imported.map((bank) => bank.id)]),
    };
  }

  /** The current version of a question in its bank, content or imported, for regrading. */
  async currentQuestion(bankId: string, id: string): Promise<PoolQuestion | null> {
    const content = this.question(id);
    if (content) return content;
    const row = await this.imported.findOne({ where: { id: bankId } });
    return (row && poolOf(toBank(row)).find((item) => item.question.id === id)) ?? null;
  }

  /** The exam, content or published from the editor, if there is one. */
  findExam(id: string): ExamDefinition | undefined {
    return this.exams.get(id) ?? this.authored.get(id)?.exam;
  }

  /**
   * The exam an attempt was taken at, or a stand-in when its file has since been removed from
   * content/ (the attempt keeps its questions and pass mark; its review is then closed).
   */
  examOrStub(id: string): ExamDefinition {
    return (
      this.findExam(id) ?? {
        id,
        title: id,
        description: null,
        timeLimitMinutes: 1,
        passMark: 100,
        attemptsAllowed: 0,
        waitBetweenAttemptsHours: 0,
        reviewPolicy: 'never',
        closesAt: new Date(0),
        shuffleQuestions: false,
        shuffleChoices: false,
        sections: [],
        requiredFor: [],
      }
    );
  }

  /** Every question exams may draw, in bank then file order (the order draws depend on). */
  pool(): PoolQuestion[] {
    return [...this.questions.values()];
  }

  /** The current version of a content question, for regrading. */
  question(id: string): PoolQuestion | null {
    return this.questions.get(id) ?? null;
  }

  examVersion(exam: ExamDefinition): string {
    return hash(JSON.stringify(exam));
  }

  /** A hash of everything that decides the question's grade, its rubric from content/rubrics included. */
  questionVersion(question: QuestionDefinition): string {
    const rubric =
      question.type === 'freetext' && question.rubricId
        ? JSON.stringify(this.scoring.rubric(question.rubricId))
        : '';
    return hash(canonicalQuestion(question) + rubric);
  }

  async listBanks(): Promise<BankSummary[]> {
    const imported = await this.imported.find({ order: { id: 'ASC' } });
    return [...this.banks, ...imported.map(toBank)].map(summarize);
  }

  async bank(id: string): Promise<ExamBank & { issues: GiftIssue[] }> {
    const content = this.banks.find((bank) => bank.id === id);
    if (content) return { ...content, issues: [] };
    const row = await this.imported.findOne({ where: { id } });
    if (!row) throw new ExamError(ExamErrorCode.BankNotFound, `No question bank "${id}"`);
    return { ...toBank(row), issues: row.issues };
  }

  /** A bank in the YAML format of content/exams/banks, ready to be committed there. */
  async bankAsYaml(id: string): Promise<string> {
    const bank = await this.bank(id);
    // Defaults and empty fields are left out, as an author would write the file.
    const questions = bank.questions.map((question) =>
      Object.fromEntries(
        Object.entries(question).filter(
          ([key, value]) =>
            value !== null &&
            !(key === 'format' && value === 'markdown') &&
            !(key === 'mark' && value === 1),
        ),
      ),
    );
    return stringify(
      {
        id: bank.id,
        title: bank.title,
        ...(bank.course ? { course: bank.course } : {}),
        questions,
      },
      { lineWidth: 0 },
    );
  }

  /**
   * Imports a GIFT file question by question into an imported bank (replacing an earlier import
   * of the same id). Bad questions are reported and left out; a file with no good question is
   * refused.
   */
  async importGift(
    viewer: Viewer,
    input: { source: string; bankId?: string; title?: string; fileName?: string },
  ): Promise<GiftImportResult> {
    const bankId =
      input.bankId ??
      slug(input.fileName ?? input.title ?? '') ??
      `import-${this.clock.now().toISOString().slice(0, 10)}`;
    if (!EXAM_ID.test(bankId))
      throw new ExamError(ExamErrorCode.ImportRejected, 'The bank id is not valid', [
        { path: 'bankId', messages: ['use lower-case words joined by "-"'] },
      ]);
    if (this.banks.some((bank) => bank.id === bankId))
      throw new ExamError(
        ExamErrorCode.BankIdTaken,
        `"${bankId}" is a bank in content/exams/banks`,
        [{ path: 'bankId', messages: ['choose another id: a content bank has this one'] }],
      );
    const result = importGift(input.source, { bankId });
    const seen = new Set<string>();
    const questions = result.questions.filter((question) => {
      const clash = this.questions.has(question.id) || seen.has(question.id);
      seen.add(question.id);
      if (clash)
        result.issues.push({
          line: 0,
          title: question.title,
          path: 'id',
          reason: `the id "${question.id}" is already used`,
        });
      return !clash;
    });
    if (questions.length === 0)
      throw new ExamError(
        ExamErrorCode.ImportRejected,
        'No question in the file could be imported',
        result.issues.map((issue) => ({
          path: `line ${issue.line}${issue.path ? ` ${issue.path}` : ''}`,
          messages: [issue.reason],
        })),
      );
    const replaced = (await this.imported.count({ where: { id: bankId } })) > 0;
    const row: ImportedBank = {
      id: bankId,
      title: input.title?.trim() || input.fileName || bankId,
      fileName: input.fileName ?? null,
      questions,
      issues: result.issues,
      importedById: viewer.id,
      importedAt: this.clock.now(),
    };
    await runTransaction(this.imported.manager.connection, async (manager) => {
      await manager.save(ImportedBank, row);
      await this.audit.record(
        viewer,
        {
          action: 'exam.bank.imported',
          targetType: 'exam-bank',
          targetId: bankId,
          summary: { questions: questions.length, issues: result.issues.length, replaced },
        },
        manager,
      );
    });
    return {
      bank: summarize(toBank(row)),
      replaced,
      questions,
      issues: result.issues,
      skipped: result.skipped,
    };
  }

  async deleteBank(viewer: Viewer, id: string): Promise<void> {
    const row = await this.imported.findOne({ where: { id } });
    if (!row) throw new ExamError(ExamErrorCode.BankNotFound, `No imported question bank "${id}"`);
    await runTransaction(this.imported.manager.connection, async (manager) => {
      await manager.delete(ImportedBank, { id });
      await this.audit.record(
        viewer,
        { action: 'exam.bank.deleted', targetType: 'exam-bank', targetId: id },
        manager,
      );
    });
  }
}

function poolOf(bank: ExamBank): PoolQuestion[] {
  return bank.questions.map((question) => ({ bankId: bank.id, question }));
}

function toBank(row: ImportedBank): ExamBank {
  return { id: row.id, title: row.title, course: null, source: 'import', questions: row.questions };
}

function summarize(bank: ExamBank): BankSummary {
  const byType: Record<string, number> = {};
  for (const question of bank.questions) byType[question.type] = (byType[question.type] ?? 0) + 1;
  return {
    id: bank.id,
    title: bank.title,
    course: bank.course,
    source: bank.source,
    questions: bank.questions.length,
    byType,
    categories: distinct(bank.questions.map((question) => question.category)),
    tags: distinct(bank.questions.flatMap((question) => question.tags)),
  };
}

function distinct(values: readonly (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => !!value))].sort();
}

function slug(text: string): string | undefined {
  const value = text
    .replace(/\.(gift|txt)$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return value || undefined;
}
