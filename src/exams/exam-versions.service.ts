import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  changesOf,
  revisionView,
  SourceChangesView,
  SourceRevision,
  SourceRevisionView,
} from '../content/source-history';
import { sourceTitle } from '../content/editor-source';
import { UsersService } from '../identity/users.service';
import { Viewer } from '../identity/viewer';
import { AuthoredExam, AuthoredExamVersion } from './authored-exam.entity';
import { AuthoredExamDetailView } from './dto/exam-authoring.dto';
import { ExamAuthoringService } from './exam-authoring.service';
import { ExamError, ExamErrorCode } from './exam-error';
import { QuestionBankService } from './question-bank.service';

/**
 * The versions of an exam written in the exam editor: every published text kept whole, what
 * changed from one to the next (and from the latest to the draft), and an old text put back as
 * the draft. Content exams have no history here (theirs is the repository's).
 */
@Injectable()
export class ExamVersionsService {
  constructor(
    @InjectRepository(AuthoredExam) private readonly exams: Repository<AuthoredExam>,
    @InjectRepository(AuthoredExamVersion)
    private readonly versions: Repository<AuthoredExamVersion>,
    private readonly authoring: ExamAuthoringService,
    private readonly banks: QuestionBankService,
    private readonly users: UsersService,
  ) {}

  /** The draft (if any), then every published version, newest first, with who wrote each. */
  async history(examId: string): Promise<SourceRevisionView[]> {
    const revisions = await this.revisions(examId);
    const names = await this.users.namesOf(revisions.map((revision) => revision.authorId));
    return revisions.map((revision) => revisionView(revision, names));
  }

  /** One version (or the draft, `null`) and what changed since the version before it. */
  async changes(examId: string, version: number | null): Promise<SourceChangesView> {
    const revisions = await this.revisions(examId);
    const names = await this.users.namesOf(revisions.map((revision) => revision.authorId));
    const changes = changesOf(revisions, version, names);
    if (!changes) throw versionNotFound(examId, version);
    return changes;
  }

  /**
   * Makes a published version's text the draft again; publishing it makes a new version
   * (versions are never rewritten). A draft in progress is replaced only when asked to
   * (`replaceDraft`), since it would be lost: 409 `DRAFT_EXISTS` otherwise.
   */
  async restore(
    viewer: Viewer,
    examId: string,
    version: number,
    replaceDraft: boolean,
  ): Promise<AuthoredExamDetailView> {
    const revisions = await this.revisions(examId);
    const wanted = revisions.find((revision) => revision.version === version);
    if (!wanted) throw versionNotFound(examId, version);
    if (!replaceDraft && revisions.some((revision) => revision.version === null))
      throw new ExamError(
        ExamErrorCode.DraftExists,
        `Exam "${examId}" has a draft in progress; replace it explicitly (replaceDraft) or publish or discard it first`,
        [{ path: 'replaceDraft', messages: ['must be true to replace the draft in progress'] }],
      );
    return this.authoring.saveDraft(viewer, wanted.source);
  }

  private async revisions(examId: string): Promise<SourceRevision[]> {
    if (this.banks.isContentExam(examId))
      throw new ExamError(
        ExamErrorCode.ExamReadOnly,
        `"${examId}" is a content exam: its history is that of content/exams/${examId}.yaml`,
      );
    const exam = await this.exams.findOne({ where: { id: examId } });
    if (!exam) throw new ExamError(ExamErrorCode.ExamNotFound, `No exam "${examId}"`);
    const published = await this.versions.find({ where: { examId }, order: { version: 'DESC' } });
    const draft: SourceRevision[] =
      exam.draftSource !== null && exam.draftUpdatedAt
        ? [
            {
              version: null,
              title: sourceTitle('exam.yaml', exam.draftSource, examId),
              source: exam.draftSource,
              at: exam.draftUpdatedAt,
              authorId: exam.draftAuthorId,
            },
          ]
        : [];
    return [
      ...draft,
      ...published.map((row) => ({
        version: row.version,
        title: row.title,
        source: row.source,
        at: row.publishedAt,
        authorId: row.publishedById,
      })),
    ];
  }
}

function versionNotFound(examId: string, version: number | null): ExamError {
  return ExamError.noVersion(
    version === null
      ? `Exam "${examId}" has no draft`
      : `Exam "${examId}" has no version ${version}`,
  );
}
