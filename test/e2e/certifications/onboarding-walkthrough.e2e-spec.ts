import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../../support/test-app';
import {
  certificationContent,
  completeCourse,
  ONBOARDING,
  recordSimulation,
  sitExam,
  userId,
} from './certification-fixture';

interface Requirement {
  key: string;
  met: boolean;
  missing: string;
  link: string | null;
}
interface Overview {
  certificates: {
    id: string;
    programmeId: string;
    cycle: number;
    status: string;
    issuedAt: string;
    expiresAt: string;
    evidence: { basis: string; requirements: { key: string; items: { recordId: string }[] }[] };
    links: { verification: string; pdf: string };
  }[];
  progress: { programmeId: string; phase: string; met: boolean; requirements: Requirement[] }[];
}

// A trainee earns the fixture onboarding programme step by step through the courses and exams
// APIs (role-play sessions are recorded as learning records: the simulations API cannot drive a
// session yet). After every step the spec checks what is done and what is left.
describe('Onboarding certificate walkthrough', () => {
  let t: TestApp;
  let trainee: string;
  let traineeId: string;

  beforeAll(async () => {
    t = await createTestApp({
      env: { CONTENT_DIR: certificationContent({ 'fixture-onboarding': ONBOARDING }) },
    });
    trainee = await t.bearer('trainee@academy.local');
    traineeId = await userId(t, 'trainee@academy.local');
  });
  afterAll(async () => t?.close());

  const overview = async (): Promise<Overview> =>
    (await t.http().get('/api/me/certificates').set('Authorization', trainee).expect(200))
      .body as Overview;
  const left = async (): Promise<string[]> =>
    (await overview()).progress[0].requirements.filter((r) => !r.met).map((r) => r.key);

  it('should list every requirement as left, with links, before anything is done', async () => {
    const view = await overview();
    expect(view.certificates).toEqual([]);
    expect(view.progress).toHaveLength(1);
    expect(view.progress[0]).toMatchObject({ programmeId: 'fixture-onboarding', phase: 'earn' });
    expect(view.progress[0].requirements.map((r) => [r.key, r.met, r.link])).toEqual([
      ['course:phone-basics', false, '/courses/phone-basics'],
      ['course:calm-complaints', false, '/courses/calm-complaints'],
      ['course:data-privacy', false, '/courses/data-privacy'],
      ['exam:short-quiz', false, '/exams/short-quiz'],
      ['simulation:password-reset', false, '/simulations/password-reset'],
      ['simulation:tag:delivery', false, '/simulations?tag=delivery'],
    ]);
  });

  it('should tick off courses as they are completed', async () => {
    await completeCourse(t, trainee, 'phone-basics');
    await completeCourse(t, trainee, 'calm-complaints');
    await completeCourse(t, trainee, 'data-privacy');
    await expect(left()).resolves.toEqual([
      'exam:short-quiz',
      'simulation:password-reset',
      'simulation:tag:delivery',
    ]);
  });

  it('should not count an exam below the minimum grade, and count the pass', async () => {
    const failed = await sitExam(t, trainee, 'short-quiz', 1);
    expect(failed.result?.percent).toBeLessThan(60);
    const exam = (await overview()).progress[0].requirements.find(
      (r) => r.key === 'exam:short-quiz',
    );
    expect(exam).toMatchObject({ met: false, missing: expect.stringMatching(/at least 60 %/) });
    const passed = await sitExam(t, trainee, 'short-quiz');
    expect(passed.result).toMatchObject({ percent: 100, passed: true });
    await expect(left()).resolves.toEqual(['simulation:password-reset', 'simulation:tag:delivery']);
  });

  it('should refuse a passed session below a dimension minimum, and say why', async () => {
    await recordSimulation(t, {
      userId: traineeId,
      scenarioId: 'password-reset',
      passed: true,
      score: 82,
      dimensions: { compliance: 90, politeness: 85 },
    });
    const simulation = (await overview()).progress[0].requirements.find(
      (r) => r.key === 'simulation:password-reset',
    );
    expect(simulation).toMatchObject({
      met: false,
      missing: expect.stringContaining('compliance 90 < 100'),
    });
    await recordSimulation(t, {
      userId: traineeId,
      scenarioId: 'password-reset',
      passed: true,
      score: 88,
      dimensions: { compliance: 100, politeness: 75 },
    });
    await expect(left()).resolves.toEqual(['simulation:tag:delivery']);
    expect((await overview()).certificates).toEqual([]);
  });

  const certificateCount = async (): Promise<number> =>
    Number(
      (
        await t.app
          .get(DataSource)
          .query(`SELECT COUNT(*) AS n FROM certificates WHERE user_id = '${traineeId}'`)
      )[0].n,
    );

  it('should issue the certificate the moment the last requirement is met', async () => {
    t.clock.advance(60_000);
    const lastAt = t.clock.now();
    await recordSimulation(t, {
      userId: traineeId,
      scenarioId: 'parcel-missing',
      passed: true,
      score: 75,
    });
    // Nobody reads: the hook on stored learning records issues it by itself.
    for (let wait = 0; wait < 40 && (await certificateCount()) === 0; wait++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await certificateCount()).toBe(1);
    const view = await overview();
    expect(view.certificates).toHaveLength(1);
    const [certificate] = view.certificates;
    expect(certificate).toMatchObject({
      programmeId: 'fixture-onboarding',
      cycle: 1,
      status: 'active',
      issuedAt: lastAt.toISOString(),
      expiresAt: new Date(Date.UTC(2027, 10, 23, 9, 1)).toISOString(),
    });
    expect(view.progress[0].phase).toBe('held');
    // The evidence names the records behind every requirement.
    expect(certificate.evidence.basis).toBe('initial');
    expect(certificate.evidence.requirements.map((r) => [r.key, r.items.length])).toEqual([
      ['course:phone-basics', 1],
      ['course:calm-complaints', 1],
      ['course:data-privacy', 1],
      ['exam:short-quiz', 1],
      ['simulation:password-reset', 1],
      ['simulation:tag:delivery', 1],
    ]);
    const ids: { id: string }[] = await t.app
      .get(DataSource)
      .query(`SELECT id FROM learning_records WHERE user_id = '${traineeId}'`);
    const known = new Set(ids.map((row) => row.id));
    for (const requirement of certificate.evidence.requirements)
      for (const item of requirement.items) expect(known.has(item.recordId)).toBe(true);
  });

  it('should issue it only once, whatever more evidence and concurrent reads come', async () => {
    // More evidence and several evaluations at once change nothing.
    await recordSimulation(t, {
      userId: traineeId,
      scenarioId: 'parcel-missing',
      passed: true,
      score: 90,
    });
    await Promise.all([overview(), overview(), overview()]);
    expect(await certificateCount()).toBe(1);
    const notices = await t.http().get('/api/me/notices').set('Authorization', trainee).expect(200);
    expect(notices.body).toEqual([
      expect.objectContaining({
        kind: 'issued',
        read: false,
        message: expect.stringContaining('Fixture onboarding'),
      }),
    ]);
  });
});
