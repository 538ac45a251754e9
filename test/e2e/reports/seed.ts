import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Certificate } from '../../../src/certifications/certificate.entity';
import { Enrolment } from '../../../src/courses/enrolment.entity';
import { ExamAttempt } from '../../../src/exams/exam-attempt.entity';
import { PositionHistory } from '../../../src/rotations/position-history.entity';
import { RotationMove } from '../../../src/rotations/rotation-move.entity';
import { RotationReview } from '../../../src/rotations/rotation-review.entity';
import { SimulationSession } from '../../../src/simulations/simulation-session.entity';
import { SimulationTurn } from '../../../src/simulations/simulation-turn.entity';
import { TestApp } from '../../support/test-app';

/**
 * A small known population for the report specs, on a clock fixed at 2026-11-26 09:00 UTC
 * (quarter 2026-Q4). People, assignments and role-play sessions go through the real API;
 * results the API only reaches after many steps (grades, outcomes, certificates, positions)
 * are written with the features' own entities.
 *
 *   North: Ann (cohort C1), Bob (C1), and the demo trainee Tara (no records); South: Cat (C2).
 */
export const NOW = new Date('2026-11-26T09:00:00.000Z');
const PASSWORD = 'report-person-1';

export interface Person {
  id: string;
  email: string;
  bearer: string;
}

export interface Population {
  ann: Person;
  bob: Person;
  cat: Person;
  tara: Person;
  admin: string;
  hr: string;
  supervisor: string;
  trainer: string;
  trainee: string;
  ids: Record<string, string>;
}

const DIMENSIONS = ['politeness', 'empathy', 'keywords', 'compliance', 'structure', 'clarity'];

export async function seedPopulation(t: TestApp): Promise<Population> {
  t.clock.set(new Date('2026-11-23T09:00:00.000Z'));
  const admin = await t.bearer('admin@academy.local');
  const hr = await t.bearer('hr@academy.local');
  const person = async (name: string, team: string, cohort: string): Promise<Person> => {
    const email = `${name.toLowerCase()}@reports.test`;
    const response = await t
      .http()
      .post('/api/users')
      .set('Authorization', admin)
      .send({
        email,
        displayName: name,
        roles: ['trainee'],
        team,
        cohort,
        password: PASSWORD,
        employeeNumber: `E-${name}`,
      });
    if (response.status !== 201)
      throw new Error(`creating ${name}: ${JSON.stringify(response.body)}`);
    return {
      id: (response.body as { id: string }).id,
      email,
      bearer: await t.bearer(email, PASSWORD),
    };
  };
  const ann = await person('Ann', 'North', 'C1');
  const bob = await person('Bob', 'North', 'C1');
  const cat = await person('Cat', 'South', 'C2');
  const trainee = await t.bearer('trainee@academy.local');
  const me = await t.http().get('/api/me').set('Authorization', trainee);
  const tara: Person = {
    id: (me.body as { id: string }).id,
    email: 'trainee@academy.local',
    bearer: trainee,
  };

  // Assignments: due tomorrow (2026-11-24), so overdue by the 26th unless completed.
  const assign = async (course: string, userIds: string[], dueDate: string): Promise<void> => {
    const response = await t
      .http()
      .post(`/api/courses/${course}/assignments`)
      .set('Authorization', hr)
      .send({ userIds, dueDate });
    if (response.status >= 300)
      throw new Error(`assigning ${course}: ${JSON.stringify(response.body)}`);
  };
  await assign('service-principles', [ann.id, bob.id, cat.id], '2026-11-24');
  await assign('communication-etiquette', [cat.id], '2026-12-31');

  // Role-play: started through the API; the outcome is then set as a finished call leaves it.
  const start = async (who: Person, scenario: string): Promise<string> => {
    const response = await t
      .http()
      .post(`/api/simulations/${scenario}/sessions`)
      .set('Authorization', who.bearer);
    if (response.status >= 300)
      throw new Error(`starting ${scenario}: ${JSON.stringify(response.body)}`);
    return (response.body as { id: string }).id;
  };
  const annSession = await start(ann, 'verify-before-account-change');
  const bobSession = await start(bob, 'verify-before-account-change');
  const catSession = await start(cat, 'verify-before-account-change');
  const bobActive = await start(bob, 'billing-dispute');

  t.clock.set(NOW);
  const data = t.app.get(DataSource);
  await data.getRepository(Enrolment).update(
    { userId: ann.id, courseId: 'service-principles' },
    {
      status: 'completed',
      startedAt: new Date('2026-11-23T10:00:00Z'),
      completedAt: new Date('2026-11-23T12:00:00Z'),
      score: 0.9,
      completedVersion: 1,
    },
  );

  const attempt = (
    userId: string,
    examId: string,
    number: number,
    finishedAt: string | null,
    percent: number | null,
    passed: boolean | null,
  ): ExamAttempt =>
    Object.assign(new ExamAttempt(), {
      id: randomUUID(),
      examId,
      examVersion: 'v1',
      userId,
      attemptNumber: number,
      seed: 'seed',
      status: finishedAt ? 'finished' : 'in-progress',
      openKey: finishedAt ? null : 'open',
      startedAt: new Date(new Date(finishedAt ?? '2026-11-25T08:00:00Z').getTime() - 30 * 60000),
      deadlineAt: new Date('2026-12-31T00:00:00Z'),
      finishedAt: finishedAt ? new Date(finishedAt) : null,
      finishReason: finishedAt ? 'submitted' : null,
      passMark: 75,
      marks: percent,
      maxMarks: 100,
      percent,
      pending: 0,
      passed,
    });
  const annExam = attempt(ann.id, 'onboarding-final', 1, '2026-11-10T10:00:00Z', 80, true);
  await data
    .getRepository(ExamAttempt)
    .insert([
      annExam,
      attempt(ann.id, 'complaint-handler', 1, '2026-11-20T10:00:00Z', 60, false),
      attempt(bob.id, 'onboarding-final', 1, '2026-11-21T10:00:00Z', 50, false),
      attempt(cat.id, 'onboarding-final', 1, '2026-11-22T10:00:00Z', 90, true),
      attempt(cat.id, 'onboarding-final', 2, null, null, null),
    ]);

  const finish = async (
    sessionId: string,
    passed: boolean,
    meanScore: number,
    scores: number[],
  ): Promise<void> => {
    await data.getRepository(SimulationSession).update(
      { id: sessionId },
      {
        status: 'finished',
        openKey: null,
        finishedAt: new Date('2026-11-18T10:00:00Z'),
        outcome: passed ? 'resolved' : 'lost',
        passed,
        meanScore,
        turnCount: 1,
        scoreSum: meanScore,
      },
    );
    await data.getRepository(SimulationTurn).insert({
      id: randomUUID(),
      sessionId,
      turnIndex: 0,
      stepId: 'opening',
      customerLine: 'Hello',
      reply: 'Good morning, how can I help?',
      report: {
        rubricId: 'seed',
        overall: meanScore,
        passed,
        dimensions: Object.fromEntries(DIMENSIONS.map((name, index) => [name, scores[index]])),
        violations: [],
        evidence: [],
        concepts: [],
        tips: [],
      } as unknown as SimulationTurn['report'],
      overall: meanScore,
      branchIndex: 0,
      nextStepId: 'end',
      reaction: null,
      nextLine: 'Thanks',
      trigger: null,
      angerBefore: 0,
      angerAfter: 0,
      moodBefore: 'calm' as SimulationTurn['moodBefore'],
      moodAfter: 'calm' as SimulationTurn['moodAfter'],
      reasons: [],
      createdAt: new Date('2026-11-18T10:00:00Z'),
    });
  };
  // politeness, empathy, keywords, compliance, structure, clarity
  await finish(annSession, true, 82, [90, 60, 80, 100, 70, 85]);
  await finish(bobSession, false, 55, [50, 40, 70, 100, 60, 80]);
  await finish(catSession, true, 75, [80, 70, 50, 100, 65, 90]);

  const certificate = (
    userId: string,
    programmeId: string,
    title: string,
    cycle: number,
    issuedAt: string,
    expiresAt: string,
    status: Certificate['status'],
    extra: Partial<Certificate> = {},
  ): Certificate =>
    Object.assign(new Certificate(), {
      id: randomUUID(),
      userId,
      programmeId,
      programmeVersion: 1,
      programmeTitle: title,
      cycle,
      issuedAt: new Date(issuedAt),
      expiresAt: new Date(expiresAt),
      renewalOpensAt: new Date(new Date(expiresAt).getTime() - 60 * 24 * 3600 * 1000),
      evidence: { requirements: [] } as unknown as Certificate['evidence'],
      status,
      statusChangedAt: new Date(issuedAt),
      revokedReason: null,
      revokedBy: null,
      revokedAt: null,
      supersededBy: null,
      verificationToken: randomUUID(),
      createdAt: new Date(issuedAt),
      ...extra,
    });
  const CCA = 'Contact-centre agent';
  const catSecond = certificate(
    cat.id,
    'contact-centre-agent',
    CCA,
    2,
    '2026-05-20T09:00:00Z',
    '2028-06-01T09:00:00Z',
    'active',
  );
  await data.getRepository(Certificate).insert([
    certificate(
      ann.id,
      'contact-centre-agent',
      CCA,
      1,
      '2025-01-10T09:00:00Z',
      '2027-01-10T09:00:00Z',
      'active',
    ),
    certificate(
      ann.id,
      'data-privacy-compliance',
      'Data privacy and compliance',
      1,
      '2025-10-01T09:00:00Z',
      '2026-10-01T09:00:00Z',
      'active',
    ),
    certificate(
      bob.id,
      'contact-centre-agent',
      CCA,
      1,
      '2024-12-10T09:00:00Z',
      '2026-12-10T09:00:00Z',
      'active',
    ),
    certificate(
      bob.id,
      'complaint-handler',
      'Complaint handler',
      1,
      '2026-03-01T09:00:00Z',
      '2027-03-01T09:00:00Z',
      'revoked',
      {
        revokedReason: 'Evidence withdrawn',
        revokedAt: new Date('2026-06-01T09:00:00Z'),
      },
    ),
    certificate(
      cat.id,
      'contact-centre-agent',
      CCA,
      1,
      '2024-06-01T09:00:00Z',
      '2026-06-01T09:00:00Z',
      'superseded',
      { supersededBy: catSecond.id },
    ),
    catSecond,
  ]);

  const supervisorMe = await t
    .http()
    .get('/api/me')
    .set('Authorization', await t.bearer('supervisor@academy.local'));
  const supervisorId = (supervisorMe.body as { id: string }).id;
  const history = (
    userId: string,
    positionId: string,
    startedOn: string,
    endedOn: string | null,
    moveId: string | null = null,
  ): PositionHistory =>
    Object.assign(new PositionHistory(), {
      id: randomUUID(),
      userId,
      positionId,
      startedOn,
      endedOn,
      reason: moveId ? 'Rotation move' : 'Hired',
      moveId,
      currentKey: endedOn ? null : 'current',
      recordedAt: NOW,
    });
  const move = (
    userId: string,
    positionId: string,
    from: string,
    effectiveOn: string,
    status: RotationMove['status'],
  ): RotationMove =>
    Object.assign(new RotationMove(), {
      id: randomUUID(),
      userId,
      positionId,
      fromPositionId: from,
      effectiveOn,
      note: null,
      status,
      pendingKey: status === 'proposed' || status === 'approved' ? 'pending' : null,
      proposedById: supervisorId,
      proposedAt: new Date('2026-09-01T09:00:00Z'),
      decidedById: status === 'proposed' ? null : supervisorId,
      decidedAt: status === 'proposed' ? null : new Date('2026-09-02T09:00:00Z'),
      decisionReason: status === 'rejected' ? 'Not this year' : null,
      overrideReason: null,
      eligibilityAtDecision: null,
      appliedAt: status === 'applied' ? new Date(`${effectiveOn}T00:00:00Z`) : null,
      historyId: null,
      reviewDueOn: status === 'applied' ? '2026-11-15' : null,
    });
  const annMove = move(ann.id, 'complaints-desk', 'front-line-agent', '2026-10-15', 'applied');
  const catOldMove = move(
    cat.id,
    'front-line-agent',
    'back-office-verification',
    '2026-09-01',
    'applied',
  );
  await data
    .getRepository(RotationMove)
    .insert([
      annMove,
      move(bob.id, 'vip-line', 'front-line-agent', '2026-12-15', 'proposed'),
      move(cat.id, 'quality-inspector', 'front-line-agent', '2026-11-30', 'rejected'),
      catOldMove,
    ]);
  const annNow = history(ann.id, 'complaints-desk', '2026-10-15', null, annMove.id);
  await data
    .getRepository(PositionHistory)
    .insert([
      history(ann.id, 'front-line-agent', '2026-01-05', '2026-10-15'),
      annNow,
      history(bob.id, 'front-line-agent', '2026-01-05', null),
      history(cat.id, 'back-office-verification', '2025-06-01', '2026-09-01'),
      history(cat.id, 'front-line-agent', '2026-09-01', null, catOldMove.id),
    ]);
  await data.getRepository(RotationReview).insert({
    id: randomUUID(),
    moveId: annMove.id,
    historyId: annNow.id,
    userId: ann.id,
    reviewerId: supervisorId,
    rating: 4,
    comments: 'Settled in well',
    reviewedAt: new Date('2026-11-16T09:00:00Z'),
  });

  return {
    ann,
    bob,
    cat,
    tara,
    admin,
    hr,
    supervisor: await t.bearer('supervisor@academy.local'),
    trainer: await t.bearer('trainer@academy.local'),
    trainee,
    ids: {
      annSession,
      bobSession,
      catSession,
      bobActive,
      annMove: annMove.id,
    },
  };
}
