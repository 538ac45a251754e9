import { CertificateNotice } from '../certifications/certificate-notice.entity';
import { Certificate } from '../certifications/certificate.entity';
import { CredentialStatusEntry } from '../certifications/credential-status.entity';
import { IssuerKey } from '../certifications/issuer-key.entity';
import { SignOff } from '../certifications/sign-off.entity';
import { CourseFeedback } from '../courses/course-feedback.entity';
import { Enrolment } from '../courses/enrolment.entity';
import { LessonProgress } from '../courses/lesson-progress.entity';
import { ExamAttemptSlot } from '../exams/exam-attempt-slot.entity';
import { ExamAttemptStep } from '../exams/exam-attempt-step.entity';
import { ExamAttempt } from '../exams/exam-attempt.entity';
import { ActivityWithdrawal } from '../activities/activity-withdrawal.entity';
import { AuthoredExam, AuthoredExamVersion } from '../exams/authored-exam.entity';
import { ExamArrangement } from '../exams/exam-arrangement.entity';
import { ImportedBank } from '../exams/imported-bank.entity';
import { AuditEntry } from '../identity/audit-entry.entity';
import { User } from '../identity/user.entity';
import { LearningRecord } from '../learning-records/learning-record.entity';
import { PositionHistory } from '../rotations/position-history.entity';
import { RotationMove } from '../rotations/rotation-move.entity';
import { RotationReview } from '../rotations/rotation-review.entity';
import { ScenarioVersion } from '../simulations/scenario-version.entity';
import { SimulationSession } from '../simulations/simulation-session.entity';
import { SimulationTurn } from '../simulations/simulation-turn.entity';
import { TurnReview } from '../simulations/turn-review.entity';

// Every entity the data source knows; features add theirs here.
export const ENTITIES = [
  User,
  AuditEntry,
  LearningRecord,
  Enrolment,
  LessonProgress,
  CourseFeedback,
  ExamAttempt,
  ExamAttemptSlot,
  ExamAttemptStep,
  ImportedBank,
  AuthoredExam,
  AuthoredExamVersion,
  ActivityWithdrawal,
  ExamArrangement,
  ScenarioVersion,
  SimulationSession,
  SimulationTurn,
  TurnReview,
  Certificate,
  SignOff,
  CertificateNotice,
  IssuerKey,
  CredentialStatusEntry,
  PositionHistory,
  RotationMove,
  RotationReview,
];
