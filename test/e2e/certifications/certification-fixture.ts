import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { LearningRecordsService } from '../../../src/learning-records/learning-records.service';
import { ACTIVITY_TYPES, activityIri, VERBS } from '../../../src/learning-records/xapi';
import { publicKeyFromMultibase } from '../../../src/certifications/credential-proof';
import { DIMENSION_MEANS_EXTENSION } from '../../../src/certifications/learning-evidence';
import { AttemptBody, examApi, rightResponse } from '../../support/exams';
import { courseApi, RIGHT_ANSWERS } from '../../support/courses';
import { TestApp } from '../../support/test-app';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');

// The onboarding programme of the fixture: the three fixture courses, the short quiz with at
// least 60 %, one named scenario and one more tagged "complaint", with per-dimension minimums.
export const ONBOARDING = `id: fixture-onboarding
version: 1
title: Fixture onboarding
description: Everything a new hire of the fixture does before taking calls.
validityMonths: 12
renewalWindowDays: 30
requirements:
  courses: [phone-basics, calm-complaints, data-privacy]
  exams:
    - { exam: short-quiz, minimumGrade: 60 }
  simulations:
    - scenario: password-reset
      minimumScores: { compliance: 100, politeness: 70 }
    - tag: delivery
      count: 1
renewal:
  exams:
    - { exam: short-quiz, minimumGrade: 60 }
`;

export const SENIOR = `id: fixture-senior
version: 1
title: Fixture senior
description: A programme finished by a supervisor's sign-off.
validityMonths: 24
renewalWindowDays: 60
requirements:
  courses: [phone-basics]
  signOff:
    title: Live-call observation
    checklist:
      - { id: owns-cases, text: Owns every case to its end }
      - { id: calms-first, text: Calms the caller before solving }
`;

/** As SENIOR, but its checklist is signed by a trainer of the team (signedBy). */
export const COACHED = SENIOR.replace('id: fixture-senior', 'id: fixture-coached')
  .replace('title: Fixture senior', 'title: Fixture coached')
  .replace(
    '    title: Live-call observation',
    '    title: Coaching observation\n    signedBy: [trainer]',
  );

/** Courses, exams, scenarios and rubrics of the test fixtures, plus the given programmes. */
export function certificationContent(programmes: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'certification-content-'));
  cpSync(join(FIXTURES, 'content', 'courses', 'ok', 'courses'), join(root, 'courses'), {
    recursive: true,
  });
  cpSync(join(FIXTURES, 'exams', 'content', 'exams'), join(root, 'exams'), { recursive: true });
  cpSync(join(FIXTURES, 'scenarios', 'content'), root, { recursive: true });
  mkdirSync(join(root, 'programmes'));
  for (const [id, text] of Object.entries(programmes))
    writeFileSync(join(root, 'programmes', `${id}.yaml`), text);
  return root;
}

export async function userId(t: TestApp, email: string): Promise<string> {
  const rows: { id: string }[] = await t.app
    .get(DataSource)
    .query(`SELECT id FROM users WHERE email = '${email}'`);
  return rows[0].id;
}

/** Completes a fixture course through the courses API. */
export async function completeCourse(t: TestApp, auth: string, courseId: string): Promise<void> {
  const api = courseApi(t, auth, courseId);
  await api.enrol().expect(201);
  for (const lessonId of Object.keys(RIGHT_ANSWERS[courseId])) await api.pass(lessonId);
}

/** Sits an exam through the exams API, answering right the given number of questions. */
export async function sitExam(
  t: TestApp,
  auth: string,
  examId: string,
  rightAnswers = Infinity,
): Promise<AttemptBody> {
  const api = examApi(t, auth);
  const attempt = (await api.start(examId).expect(201)).body as AttemptBody;
  let right = 0;
  for (const question of attempt.questions) {
    if (right >= rightAnswers) break;
    await api.save(attempt.id, question.slot, rightResponse(question)).expect(200);
    right++;
  }
  return (await api.submit(attempt.id).expect(200)).body as AttemptBody;
}

/**
 * A finished role-play session as the simulations feature records it ("completed", then
 * "passed" or "failed"), written through LearningRecordsService: the simulations API cannot
 * drive a session yet. The per-dimension means go in DIMENSION_MEANS_EXTENSION.
 */
export async function recordSimulation(
  t: TestApp,
  session: {
    userId: string;
    scenarioId: string;
    passed: boolean;
    score: number;
    dimensions?: Record<string, number>;
  },
): Promise<void> {
  const records = t.app.get(LearningRecordsService);
  const registration = crypto.randomUUID();
  for (const verb of [VERBS.completed, session.passed ? VERBS.passed : VERBS.failed])
    await records.record({
      userId: session.userId,
      verb,
      object: {
        id: activityIri('simulation', session.scenarioId),
        type: ACTIVITY_TYPES.simulation,
        name: session.scenarioId,
      },
      result: {
        score: { scaled: session.score / 100, raw: session.score, min: 0, max: 100 },
        success: session.passed,
        completion: true,
        extensions: session.dimensions ? { [DIMENSION_MEANS_EXTENSION]: session.dimensions } : {},
      },
      context: { registration, revision: '1' },
    });
}

/** A course completion or exam verdict written as its feature writes it (for specs past the walkthrough). */
export async function recordActivity(
  t: TestApp,
  entry: { userId: string; kind: 'course' | 'exam'; id: string; passed?: boolean; score?: number },
): Promise<void> {
  const verb =
    entry.kind === 'course'
      ? VERBS.completed
      : entry.passed === false
        ? VERBS.failed
        : VERBS.passed;
  await t.app.get(LearningRecordsService).record({
    userId: entry.userId,
    verb,
    object: {
      id: activityIri(entry.kind, entry.id),
      type: entry.kind === 'course' ? ACTIVITY_TYPES.course : ACTIVITY_TYPES.assessment,
      name: entry.id,
    },
    result: { score: { scaled: (entry.score ?? 100) / 100 }, success: entry.passed !== false },
    context: { registration: crypto.randomUUID() },
  });
}

// A programme earned by one exam, for the lifecycle specs.
export const QUIZ_CERTIFICATE = `id: quiz-certificate
version: 1
title: Quiz certificate
description: Earned by passing the short quiz; renewed the same way.
validityMonths: 12
renewalWindowDays: 30
requirements:
  exams: [short-quiz]
`;

export const DAY_MS = 24 * 3600 * 1000;

/** What an outside verifier does with a proof: look its key up in the issuer profile. */
export const publishedKey =
  (profile: { verificationMethod: { id: string; publicKeyMultibase: string }[] }) =>
  (id: string) => {
    const method = profile.verificationMethod.find((m) => m.id === id);
    return method ? publicKeyFromMultibase(method.publicKeyMultibase) : null;
  };

/** An exam for the exam editor drawing three questions of the fixture's quiz bank. */
export function quizExamSource(id: string, title: string): string {
  return `id: ${id}
title: ${title}
timeLimitMinutes: 10
passMark: 50
attemptsAllowed: 0
reviewPolicy: after-submit
sections:
  - { title: Quiz, draw: 3, from: { tags: [quiz] } }
`;
}
