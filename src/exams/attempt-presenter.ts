import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../common/clock';
import { Viewer } from '../identity/viewer';
import {
  attemptSummary,
  AttemptSummaryView,
  AttemptView,
  attemptView,
  reviewAllowed,
} from './attempt-views';
import { LoadedAttempt } from './attempt.store';
import { ExamAttempt } from './exam-attempt.entity';
import { ExamError, ExamErrorCode } from './exam-error';
import { QuestionBankService } from './question-bank.service';

/** Turns attempts into what a given viewer may see: keys and feedback only when the review policy allows. */
@Injectable()
export class AttemptPresenter {
  constructor(
    private readonly banks: QuestionBankService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  present(viewer: Viewer, loaded: LoadedAttempt): AttemptView {
    const exam = this.banks.examOrStub(loaded.attempt.examId);
    const now = this.clock.now();
    return attemptView(loaded, exam, {
      now,
      reveal: reviewAllowed(viewer, exam, loaded.attempt, now),
    });
  }

  /** The review, or REVIEW_NOT_AVAILABLE saying when it will be. */
  review(viewer: Viewer, loaded: LoadedAttempt): AttemptView {
    const exam = this.banks.examOrStub(loaded.attempt.examId);
    const now = this.clock.now();
    if (!reviewAllowed(viewer, exam, loaded.attempt, now)) {
      const when =
        loaded.attempt.status !== 'finished'
          ? 'once the attempt is submitted'
          : exam.reviewPolicy === 'after-close' && exam.closesAt
            ? `after the exam closes (${exam.closesAt.toISOString()})`
            : 'not for this exam';
      throw new ExamError(
        ExamErrorCode.ReviewNotAvailable,
        `Answers and feedback can be reviewed ${when}`,
      );
    }
    return attemptView(loaded, exam, { now, reveal: true });
  }

  summaries(attempts: ExamAttempt[]): AttemptSummaryView[] {
    return attempts.map((attempt) =>
      attemptSummary(attempt, this.banks.examOrStub(attempt.examId)),
    );
  }
}
