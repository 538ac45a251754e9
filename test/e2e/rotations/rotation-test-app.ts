import request from 'supertest';
import { addMonths } from '../../../src/certifications/engine';
import { DIMENSION_MEANS_EXTENSION } from '../../../src/certifications/learning-evidence';
import { ProgrammesService } from '../../../src/certifications/programmes.service';
import { LearningRecordsService } from '../../../src/learning-records/learning-records.service';
import { ACTIVITY_TYPES, activityIri, VERBS } from '../../../src/learning-records/xapi';
import { DIMENSIONS } from '../../../src/scoring/engine';
import { createTestApp, TestApp } from '../../support/test-app';

/**
 * The real app on a fresh database with the shipped content (createTestApp), plus helpers:
 * certificates are real, earned through learning records (see RotationCertificates).
 */
export async function createRotationTestApp(): Promise<
  TestApp & { certificates: RotationCertificates; records: RotationRecords }
> {
  const t = await createTestApp();
  const records = t.app.get(LearningRecordsService);
  return {
    ...t,
    certificates: new RotationCertificates(
      t.http,
      (email) => t.bearer(email),
      records,
      t.app.get(ProgrammesService),
    ),
    records: new RotationRecords(records),
  };
}

export interface EarnedCertificate {
  id: string;
  programmeId: string;
  status: string;
  expiresAt: string;
}

/**
 * Real certificates, earned the way people earn them: the records each requirement of the
 * shipped programme asks for (course completions, exam verdicts at the minimum grade, role-play
 * sessions passed with full marks) are written through LearningRecordsService, and the
 * certifications subscriber issues the certificate. The records are dated `validityMonths`
 * before `expiresOn`, so the certificate expires on the day a test needs. Revoking goes through
 * the certifications API.
 */
export class RotationCertificates {
  constructor(
    private readonly http: () => ReturnType<typeof request>,
    private readonly bearer: (email: string) => Promise<string>,
    private readonly records: LearningRecordsService,
    private readonly programmes: ProgrammesService,
  ) {}

  /**
   * Earns `programmeId`. Scenarios for a tag requirement are taken in id order, skipping
   * `avoidScenarios` (so a test can keep a scenario a position names unpassed).
   */
  async earn(
    userId: string,
    programmeId: string,
    options: { expiresOn: string; avoidScenarios?: string[] },
  ): Promise<EarnedCertificate> {
    const programme = this.programmes.get(programmeId);
    const { courses, exams, simulations, signOff } = programme.requirements;
    if (signOff) throw new Error(`${programmeId} needs a supervisor's sign-off`);
    const at = addMonths(new Date(`${options.expiresOn}T00:00:00.000Z`), -programme.validityMonths);
    for (const courseId of courses)
      await this.write(userId, at, 'course', courseId, VERBS.completed, { completion: true });
    for (const exam of exams) {
      const grade = exam.minimumGrade ?? 100;
      await this.write(userId, at, 'exam', exam.exam, VERBS.passed, {
        score: { scaled: grade / 100 },
        success: true,
        completion: true,
      });
    }
    const tags = this.programmes.scenarioTags();
    for (const requirement of simulations) {
      const scenarios = requirement.scenario
        ? [requirement.scenario]
        : Object.keys(tags)
            .filter((id) => tags[id].includes(requirement.tag ?? ''))
            .filter((id) => !options.avoidScenarios?.includes(id))
            .sort()
            .slice(0, requirement.count);
      for (const scenarioId of scenarios) await this.passSession(userId, at, scenarioId);
    }
    const earned = await this.current(userId, programmeId);
    if (!earned) throw new Error(`${programmeId} was not issued to ${userId}`);
    return earned;
  }

  /** Revokes through the certifications API (hr), as a person would. */
  async revoke(certificateId: string, reason: string): Promise<void> {
    const hr = await this.bearer('hr@academy.local');
    const response = await this.http()
      .post(`/api/certificates/${certificateId}/revoke`)
      .set('Authorization', hr)
      .send({ reason });
    if (response.status !== 200) throw new Error(`revoke failed: ${response.status}`);
  }

  /** The newest cycle of a programme, as the certifications API shows it (evaluated on read). */
  async current(userId: string, programmeId: string): Promise<EarnedCertificate | null> {
    const hr = await this.bearer('hr@academy.local');
    const response = await this.http()
      .get(`/api/users/${userId}/certificates`)
      .set('Authorization', hr);
    if (response.status !== 200) throw new Error(`certificates: ${response.status}`);
    const { certificates } = response.body as { certificates: EarnedCertificate[] };
    return certificates.find((item) => item.programmeId === programmeId) ?? null;
  }

  private async passSession(userId: string, at: Date, scenarioId: string): Promise<void> {
    const full = Object.fromEntries(DIMENSIONS.map((dimension) => [dimension, 100]));
    const result = {
      score: { scaled: 1, raw: 100, min: 0, max: 100 },
      success: true,
      completion: true,
      extensions: { [DIMENSION_MEANS_EXTENSION]: full },
    };
    const registration = crypto.randomUUID();
    for (const verb of [VERBS.completed, VERBS.passed])
      await this.write(userId, at, 'simulation', scenarioId, verb, result, registration);
  }

  private async write(
    userId: string,
    at: Date,
    kind: 'course' | 'exam' | 'simulation',
    id: string,
    verb: string,
    result: object,
    registration: string = crypto.randomUUID(),
  ): Promise<void> {
    const type = {
      course: ACTIVITY_TYPES.course,
      exam: ACTIVITY_TYPES.assessment,
      simulation: ACTIVITY_TYPES.simulation,
    }[kind];
    await this.records.record({
      userId,
      verb,
      object: { id: activityIri(kind, id), type, name: id },
      result,
      context: { registration },
      at,
    });
  }
}

/** Writes exam verdicts and role-play results the way exams and simulations record them. */
export class RotationRecords {
  private sequence = 0;

  constructor(private readonly records: LearningRecordsService) {}

  async examGrade(userId: string, examId: string, percent: number, passMark = 80): Promise<void> {
    await this.records.record({
      userId,
      verb: percent >= passMark ? VERBS.passed : VERBS.failed,
      object: { id: activityIri('exam', examId), type: ACTIVITY_TYPES.assessment, name: examId },
      result: { score: { scaled: percent / 100 }, success: percent >= passMark, completion: true },
      context: { registration: this.registration() },
    });
  }

  async simulation(
    userId: string,
    scenarioId: string,
    score: number,
    passed = true,
  ): Promise<void> {
    const registration = this.registration();
    const object = {
      id: activityIri('simulation', scenarioId),
      type: ACTIVITY_TYPES.simulation,
      name: scenarioId,
    };
    const result = { score: { raw: score, min: 0, max: 100 }, success: passed, completion: true };
    for (const verb of [VERBS.completed, passed ? VERBS.passed : VERBS.failed])
      await this.records.record({ userId, verb, object, result, context: { registration } });
  }

  private registration(): string {
    this.sequence += 1;
    return `00000000-0000-4000-8000-${String(this.sequence).padStart(12, '0')}`;
  }
}
