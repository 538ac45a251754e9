import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { sourceTitle } from '../content/editor-source';
import { EditorVersions, SourceRevision } from '../content/source-history';
import { UsersService } from '../identity/users.service';
import { AuthoredExam, AuthoredExamVersion } from './authored-exam.entity';
import { AuthoredExamDetailView } from './dto/exam-authoring.dto';
import { ExamAuthoringService } from './exam-authoring.service';
import { ExamError, ExamErrorCode } from './exam-error';
import { QuestionBankService } from './question-bank.service';

/**
 * The versions of an exam written in the exam editor (`authored_exam_versions`): history,
 * changes and restore as `EditorVersions` gives them. Content exams have no history here
 * (theirs is the repository's): 409 EXAM_READ_ONLY.
 */
@Injectable()
export class ExamVersionsService extends EditorVersions<AuthoredExamDetailView> {
  constructor(
    @InjectRepository(AuthoredExam) exams: Repository<AuthoredExam>,
    @InjectRepository(AuthoredExamVersion) versions: Repository<AuthoredExamVersion>,
    authoring: ExamAuthoringService,
    banks: QuestionBankService,
    users: UsersService,
  ) {
    super(
      {
        noun: 'Exam',
        revisions: (examId) => revisionsOf(examId, exams, versions, banks),
        saveDraft: (viewer, source) => authoring.saveDraft(viewer, source),
        noVersion: ExamError.noVersion,
        draftExists: (message, errors) => new ExamError(ExamErrorCode.DraftExists, message, errors),
      },
      users,
    );
  }
}

async function revisionsOf(
  examId: string,
  exams: Repository<AuthoredExam>,
  versions: Repository<AuthoredExamVersion>,
  banks: QuestionBankService,
): Promise<SourceRevision[]> {
  if (banks.isContentExam(examId))
    throw new ExamError(
      ExamErrorCode.ExamReadOnly,
      `"${examId}" is a content exam: its history is that of content/exams/${examId}.yaml`,
    );
  const exam = await exams.findOne({ where: { id: examId } });
  if (!exam) throw new ExamError(ExamErrorCode.ExamNotFound, `No exam "${examId}"`);
  const published = await versions.find({ where: { examId }, order: { version: 'DESC' } });
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
