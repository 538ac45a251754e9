import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ActivityCatalogue } from '../../../src/activities/activity-catalogue';
import { ProgrammesService } from '../../../src/certifications/programmes.service';
import { PositionCatalogue } from '../../../src/rotations/position-catalogue.service';
import { createTestApp, TestApp } from '../../support/test-app';
import {
  certificationContent,
  quizExamSource,
  recordSimulation,
  sitExam,
  userId,
} from './certification-fixture';

// A programme and a position that name an exam and a scenario written in the app's editors.
const REFRESHER = `id: fixture-refresher
version: 1
title: Fixture refresher
description: Earned by passing the refresher a trainer wrote in the exam editor.
validityMonths: 12
renewalWindowDays: 30
requirements:
  exams:
    - { exam: refresher-quiz, minimumGrade: 60, writtenInApp: true }
  simulations:
    - { scenario: night-caller, writtenInApp: true }
`;

const NIGHT_DESK = `id: night-desk
title: Night desk
summary: Calls after ten.
requires:
  exams: [{ exam: refresher-quiz, minGrade: 60, writtenInApp: true }]
  scenariosPassed: [{ scenario: night-caller, writtenInApp: true }]
`;

const REFRESHER_EXAM = quizExamSource('refresher-quiz', 'Refresher written in the app');

// A programme asking for any one scenario tagged "delivery": content or written in the app.
const DELIVERY = `id: fixture-delivery
version: 1
title: Fixture delivery
description: One delivery role-play passed.
validityMonths: 12
renewalWindowDays: 30
requirements:
  simulations:
    - { tag: delivery, count: 1 }
`;

const PARCEL_LATE = readFileSync(
  join(__dirname, '..', '..', 'fixtures', 'scenarios', 'ok', 'parcel-late.yaml'),
  'utf8',
);

interface Progress {
  programmeId: string;
  requirements: {
    key: string;
    title: string;
    link: string | null;
    available: boolean;
    met: boolean;
  }[];
}

describe('Programmes and positions naming exams and scenarios written in the app', () => {
  let t: TestApp;
  let trainer: string;
  let trainee: string;

  beforeAll(async () => {
    const content = certificationContent({
      'fixture-refresher': REFRESHER,
      'fixture-delivery': DELIVERY,
    });
    mkdirSync(join(content, 'positions'));
    writeFileSync(join(content, 'positions', 'night-desk.yaml'), NIGHT_DESK);
    t = await createTestApp({ env: { CONTENT_DIR: content } });
    [trainer, trainee] = await Promise.all([
      t.bearer('trainer@academy.local'),
      t.bearer('trainee@academy.local'),
    ]);
  });
  afterAll(async () => t?.close());

  const progress = async (programmeId = 'fixture-refresher'): Promise<Progress> => {
    const response = await t
      .http()
      .get('/api/me/certificates')
      .set('Authorization', trainee)
      .expect(200);
    const all = (response.body as { progress: Progress[] }).progress;
    return all.find((item) => item.programmeId === programmeId)!;
  };
  const held = async (): Promise<{ programmeId: string; status: string }[]> => {
    const mine = await t
      .http()
      .get('/api/me/certificates')
      .set('Authorization', trainee)
      .expect(200);
    return (mine.body as { certificates: { programmeId: string; status: string }[] }).certificates;
  };
  const requirement = (of: Progress, key: string) =>
    of.requirements.find((item) => item.key === key)!;

  it('should show a requirement not published yet, without a link, until a trainer publishes it', async () => {
    const before = await progress();
    expect(requirement(before, 'exam:refresher-quiz')).toMatchObject({
      title: 'refresher-quiz',
      link: null,
      available: false,
      met: false,
    });
    expect(
      await t.app
        .get(ActivityCatalogue)
        .reportUnpublished([
          ...t.app.get(ProgrammesService).inAppReferences(),
          ...t.app.get(PositionCatalogue).inAppReferences(),
        ]),
    ).toEqual([
      { kind: 'exam', id: 'refresher-quiz', namedBy: 'programme "fixture-refresher"' },
      { kind: 'scenario', id: 'night-caller', namedBy: 'programme "fixture-refresher"' },
      { kind: 'exam', id: 'refresher-quiz', namedBy: 'position "night-desk"' },
      { kind: 'scenario', id: 'night-caller', namedBy: 'position "night-desk"' },
    ]);

    await t
      .http()
      .put('/api/exams/authoring/drafts')
      .set('Authorization', trainer)
      .send({ source: REFRESHER_EXAM })
      .expect(200);
    await t
      .http()
      .post('/api/exams/authoring/refresher-quiz/publish')
      .set('Authorization', trainer)
      .expect(200);

    const after = await progress();
    expect(requirement(after, 'exam:refresher-quiz')).toMatchObject({
      title: 'Refresher written in the app',
      link: '/exams/refresher-quiz',
      available: true,
      met: false,
    });
    expect(requirement(after, 'simulation:night-caller')).toMatchObject({ available: false });
    const position = await t
      .http()
      .get('/api/positions/night-desk')
      .set('Authorization', trainer)
      .expect(200);
    expect((position.body as { requirementsText: string[] }).requirementsText).toContain(
      'Refresher written in the app: 60 % or more',
    );

    const page = await t.http().get('/certificates').set('Authorization', trainee).expect(200);
    expect(page.text).toContain('Refresher written in the app');
    expect(page.text).toMatch(/data-testid="not-published"/);
  });

  it('should count a pass of the exam written in the app as evidence', async () => {
    const attempt = await sitExam(t, trainee, 'refresher-quiz');
    expect(attempt).toMatchObject({ status: 'finished', result: { passed: true } });
    const done = await progress();
    expect(requirement(done, 'exam:refresher-quiz')).toMatchObject({ met: true });
    expect(requirement(done, 'simulation:night-caller')).toMatchObject({ met: false });
    // The role-play half, as the simulations feature records a pass of a published scenario.
    await recordSimulation(t, {
      userId: await userId(t, 'trainee@academy.local'),
      scenarioId: 'night-caller',
      passed: true,
      score: 80,
    });
    expect(await held()).toEqual([
      expect.objectContaining({ programmeId: 'fixture-refresher', status: 'active' }),
    ]);
  });

  it('should count a pass of a scenario written in the app towards a tag requirement once it is published', async () => {
    const trainee = await userId(t, 'trainee@academy.local');
    // Before the scenario is published, nothing carries its tags: the pass does not count.
    await recordSimulation(t, {
      userId: trainee,
      scenarioId: 'parcel-late',
      passed: true,
      score: 90,
    });
    expect(
      requirement(await progress('fixture-delivery'), 'simulation:tag:delivery'),
    ).toMatchObject({ met: false, link: '/simulations?tag=delivery' });

    await t
      .http()
      .put('/api/simulations/authoring/drafts')
      .set('Authorization', trainer)
      .send({ source: PARCEL_LATE })
      .expect(200);
    await t
      .http()
      .post('/api/simulations/authoring/parcel-late/publish')
      .set('Authorization', trainer)
      .send({})
      .expect(200);
    // Certificates are evaluated when a pass is recorded: the next one finds the tag, and the
    // programme (one delivery scenario) is met.
    await recordSimulation(t, {
      userId: trainee,
      scenarioId: 'parcel-late',
      passed: true,
      score: 90,
    });
    expect(await held()).toContainEqual(
      expect.objectContaining({ programmeId: 'fixture-delivery', status: 'active' }),
    );
  });
});
