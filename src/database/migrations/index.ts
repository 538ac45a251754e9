import { Identity1763900000000 } from './1763900000000-identity';
import { LearningRecords1764000000000 } from './1764000000000-learning-records';
import { Courses1764000100000 } from './1764000100000-courses';
import { Exams1764000300000 } from './1764000300000-exams';
import { Simulations1764000500000 } from './1764000500000-simulations';
import { Certifications1764000700000 } from './1764000700000-certifications';
import { Rotations1764000800000 } from './1764000800000-rotations';
import { Reports1764000900000 } from './1764000900000-reports';
import { IssuerKeys1764001000000 } from './1764001000000-issuer-keys';
import { CredentialStatus1764001100000 } from './1764001100000-credential-status';
import { TurnReviews1764001200000 } from './1764001200000-turn-reviews';
import { IssuerKeyLifecycle1764001300000 } from './1764001300000-issuer-key-lifecycle';
import { ReviewSeen1764001400000 } from './1764001400000-review-seen';
import { CourseFeedback1764001500000 } from './1764001500000-course-feedback';
import { AccountCredentials1764001600000 } from './1764001600000-account-credentials';
import { LearningActivityIndex1764001700000 } from './1764001700000-learning-activity-index';
import { FeedbackModeration1764001800000 } from './1764001800000-feedback-moderation';
import { PasswordHelp1764001900000 } from './1764001900000-password-help';
import { AuthoredExams1764002000000 } from './1764002000000-authored-exams';
import { ExamArrangements1764002100000 } from './1764002100000-exam-arrangements';
import { AuthoredExamVersions1764002300000 } from './1764002300000-authored-exam-versions';
import { ActivityWithdrawals1764002400000 } from './1764002400000-activity-withdrawals';
import { UserErasure1764002200000 } from './1764002200000-user-erasure';

// Listed explicitly (not globbed) so the same set runs from src in tests and from dist.
export const MIGRATIONS = [
  Identity1763900000000,
  LearningRecords1764000000000,
  Courses1764000100000,
  Exams1764000300000,
  Simulations1764000500000,
  Certifications1764000700000,
  Rotations1764000800000,
  Reports1764000900000,
  IssuerKeys1764001000000,
  CredentialStatus1764001100000,
  TurnReviews1764001200000,
  IssuerKeyLifecycle1764001300000,
  ReviewSeen1764001400000,
  CourseFeedback1764001500000,
  AccountCredentials1764001600000,
  LearningActivityIndex1764001700000,
  FeedbackModeration1764001800000,
  PasswordHelp1764001900000,
  AuthoredExams1764002000000,
  ExamArrangements1764002100000,
  UserErasure1764002200000,
  AuthoredExamVersions1764002300000,
  ActivityWithdrawals1764002400000,
];
