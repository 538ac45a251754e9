import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentSource, SessionBody, simulationApi, TurnBody } from '../../support/simulations';
import { createTestApp, TestApp } from '../../support/test-app';

const FIXTURE = readFileSync(
  join(__dirname, '..', '..', 'fixtures', 'scenarios', 'ok', 'parcel-late.yaml'),
  'utf8',
);
const APOLOGY = "I'm so sorry your parcel was late, that must be really annoying.";
const lineOf = (needle: string, text = FIXTURE): number =>
  text.split('\n').findIndex((line) => line.includes(needle)) + 1;

interface DetailBody {
  scenarioId: string;
  origin: string;
  readOnly: boolean;
  publishedVersion: number | null;
  hasDraft: boolean;
  source: string;
  draft: { nextVersion: number } | null;
  validation: {
    valid: boolean;
    issues: { line?: number; path?: string; message: string }[];
    calibration: { ok: boolean }[];
    flow: { steps: { id: string }[] } | null;
  };
  versions: { version: number }[];
}

// A trainer writes a scenario over the API: validate, try a reply, save a draft, publish;
// trainees' sessions stay on the version they started with.
describe('Scenario authoring (API)', () => {
  let t: TestApp;
  let trainer: string;
  let trainee: string;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    [trainer, trainee, admin] = await Promise.all([
      t.bearer('trainer@academy.local'),
      t.bearer('trainee@academy.local'),
      t.bearer('admin@academy.local'),
    ]);
  });
  afterAll(async () => t?.close());

  const author = () => simulationApi(t, trainer);

  it('should keep authoring to trainers and admins', async () => {
    const api = simulationApi(t, trainee);
    await api.get('/api/simulations/authoring').expect(403);
    await api.post('/api/simulations/authoring/validate', { source: FIXTURE }).expect(403);
    await api.put('/api/simulations/authoring/drafts', { source: FIXTURE }).expect(403);
    await api.post('/api/simulations/authoring/parcel-late/publish', {}).expect(403);
    await t.http().get('/api/simulations/authoring').expect(401);
  });

  it('should validate a scenario with its calibration and flow, and answer problems with lines and paths', async () => {
    const ok = await author().post('/api/simulations/authoring/validate', { source: FIXTURE });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ valid: true, scenarioId: 'parcel-late', issues: [] });
    expect(ok.body.calibration.map((check: { ok: boolean }) => check.ok)).toEqual([true, true]);
    expect(ok.body.flow.steps.map((step: { id: string }) => step.id)).toEqual([
      'greet',
      'demands-manager',
      'resolved',
      'escalated-properly',
      'hung-up',
    ]);

    const broken = await author()
      .post('/api/simulations/authoring/validate', {
        source: FIXTURE.replace('next: resolved', 'next: resolvd'),
      })
      .expect(200);
    expect(broken.body).toMatchObject({
      valid: false,
      flow: null,
      issues: [
        {
          line: lineOf('next: resolved'),
          path: 'steps[0].branches[0].next',
          message: 'no step "resolvd"',
        },
      ],
    });

    const notYaml = await author()
      .post('/api/simulations/authoring/validate', { source: 'id: [unclosed' })
      .expect(200);
    expect(notYaml.body.valid).toBe(false);
    expect(notYaml.body.issues[0]).toMatchObject({
      line: 1,
      message: expect.stringMatching(/^YAML/),
    });

    const content = await author()
      .post('/api/simulations/authoring/validate', { source: contentSource('billing-dispute') })
      .expect(200);
    expect(content.body.valid).toBe(false);
    expect(content.body.issues[0]).toMatchObject({ line: 1, path: 'id' });
  });

  it('should try a reply against a step and show the branch it takes', async () => {
    const good = await author()
      .post('/api/simulations/authoring/try', { source: FIXTURE, stepId: 'greet', text: APOLOGY })
      .expect(200);
    expect(good.body).toMatchObject({
      stepId: 'greet',
      branchIndex: 0,
      condition: 'found apologise',
      next: 'resolved',
      reaction: 'Thank you for saying so.',
      nextLine: 'Thanks, bye.',
      angerBefore: 50,
    });
    expect(good.body.report.concepts).toEqual([
      expect.objectContaining({ id: 'apologise', found: true }),
    ]);

    const angry = await author()
      .post('/api/simulations/authoring/try', {
        source: FIXTURE,
        stepId: 'greet',
        text: 'Parcels are sometimes late.',
        anger: 90,
      })
      .expect(200);
    expect(angry.body).toMatchObject({
      branchIndex: 1,
      condition: 'otherwise',
      branchNext: 'greet',
      next: 'hung-up',
      trigger: 'hang-up',
      angerBefore: 90,
    });
  });

  it('should refuse a try with a 4xx and field paths, never a 500', async () => {
    const step = await author()
      .post('/api/simulations/authoring/try', { source: FIXTURE, stepId: 'resolved', text: 'Hi' })
      .expect(422);
    expect(step.body).toMatchObject({ code: 'STEP_NOT_FOUND', errors: [{ path: 'stepId' }] });
    const invalid = await author()
      .post('/api/simulations/authoring/try', {
        source: FIXTURE.replace('rubric: default', 'rubric: nope'),
        stepId: 'greet',
        text: 'Hi',
      })
      .expect(422);
    expect(invalid.body).toMatchObject({
      code: 'SCENARIO_INVALID',
      errors: [
        {
          path: 'source.steps.1.rubric',
          messages: [`line ${lineOf('rubric: default')}: no rubric "nope" in content/rubrics`],
        },
      ],
    });
    const types = await author()
      .post('/api/simulations/authoring/try', {
        source: FIXTURE,
        stepId: 'greet',
        text: 'Hi',
        anger: 'high',
      })
      .expect(400);
    expect(types.body.errors.map((error: { path: string }) => error.path)).toEqual(['anger']);
    await author()
      .post('/api/simulations/authoring/try', {
        source: FIXTURE,
        stepId: 'greet',
        text: 'x'.repeat(20_001),
      })
      .expect(400);
    await author().post('/api/simulations/authoring/validate', { source: 42 }).expect(400);
  });

  it('should save drafts (even invalid ones) under their id, but not over a content scenario', async () => {
    const unreadable = await author()
      .put('/api/simulations/authoring/drafts', { source: 'id: [unclosed' })
      .expect(422);
    expect(unreadable.body).toMatchObject({
      code: 'SCENARIO_INVALID',
      errors: [{ path: 'source' }],
    });
    const noId = await author()
      .put('/api/simulations/authoring/drafts', { source: 'title: No id yet' })
      .expect(422);
    expect(noId.body.errors).toEqual([{ path: 'source.id', messages: [expect.any(String)] }]);
    const content = await author()
      .put('/api/simulations/authoring/drafts', { source: contentSource('billing-dispute') })
      .expect(409);
    expect(content.body.code).toBe('SCENARIO_READ_ONLY');

    // A calibration example that takes the other branch: saved, flagged, not publishable.
    const wrong = FIXTURE.replace('really annoying.", branch: 0', 'really annoying.", branch: 1');
    const saved = await author()
      .put('/api/simulations/authoring/drafts', { source: wrong })
      .expect(200);
    const body = saved.body as DetailBody;
    expect(body).toMatchObject({
      scenarioId: 'parcel-late',
      origin: 'authored',
      readOnly: false,
      hasDraft: true,
      publishedVersion: null,
      draft: { nextVersion: 1 },
      validation: { valid: false },
    });
    expect(body.validation.issues).toEqual([
      expect.objectContaining({ path: 'steps[0].calibration[0]', line: lineOf('really annoying') }),
    ]);
    const refused = await author()
      .post('/api/simulations/authoring/parcel-late/publish', {})
      .expect(422);
    expect(refused.body).toMatchObject({
      code: 'SCENARIO_INVALID',
      errors: [
        {
          path: 'source.steps.0.calibration.0',
          messages: [expect.stringMatching(/^line \d+: should take branch 1 but took branch 0/)],
        },
      ],
    });
    // Not published: trainees cannot see or start it.
    await simulationApi(t, trainee).start('parcel-late').expect(404);
  });

  it('should publish versions that new sessions start on while running sessions keep theirs', async () => {
    await author().put('/api/simulations/authoring/drafts', { source: FIXTURE }).expect(200);
    const v1 = (
      await author().post('/api/simulations/authoring/parcel-late/publish', {}).expect(200)
    ).body as DetailBody;
    expect(v1).toMatchObject({
      publishedVersion: 1,
      hasDraft: false,
      draft: null,
      versions: [{ version: 1 }],
    });

    const player = simulationApi(t, trainee);
    const pinned = (await player.start('parcel-late').expect(201)).body as SessionBody;
    expect(pinned.scenarioVersion).toBe(1);
    await player.turn(pinned.id, 0, 'Parcels are sometimes late.').expect(201);

    // Version 2 changes the customer's closing words.
    const v2Source = FIXTURE.replace(
      'customer: "Thanks, bye."',
      'customer: "Thanks, that is all. Bye."',
    );
    await author().put('/api/simulations/authoring/drafts', { source: v2Source }).expect(200);
    const v2 = (
      await author().post('/api/simulations/authoring/parcel-late/publish', {}).expect(200)
    ).body as DetailBody;
    expect(v2.publishedVersion).toBe(2);
    expect(v2.versions.map((version) => version.version)).toEqual([2, 1]);

    // The open session finishes on version 1.
    const last = (await player.turn(pinned.id, 1, APOLOGY).expect(201)).body as TurnBody;
    expect(last).toMatchObject({
      finished: true,
      outcome: 'resolved',
      customerLine: 'Thanks, bye.',
    });
    await player
      .debrief(pinned.id)
      .expect(200)
      .expect((r) => expect(r.body.scenarioVersion).toBe(1));
    // A new session starts on version 2.
    const next = (await player.start('parcel-late').expect(201)).body as SessionBody;
    expect(next.scenarioVersion).toBe(2);
    const done = (await player.turn(next.id, 0, APOLOGY).expect(201)).body as TurnBody;
    expect(done.customerLine).toBe('Thanks, that is all. Bye.');
    const listed = (await player.scenario('parcel-late').expect(200)).body;
    expect(listed).toMatchObject({ version: 2, origin: 'authored', mine: { attempts: 2 } });

    // Each publication is in the audit log.
    const audit = await simulationApi(t, admin)
      .get('/api/audit?action=simulation.scenario.published')
      .expect(200);
    const entries = audit.body.items as {
      actorEmail: string;
      targetId: string;
      summary: { version: number };
    }[];
    // Both at the same (fixed) time: compare as a set.
    expect(entries.map((item) => item.summary.version).sort()).toEqual([1, 2]);
    expect(entries[0]).toMatchObject({
      actorEmail: 'trainer@academy.local',
      targetId: 'parcel-late',
    });
  });

  it('should list authored scenarios first, then the read-only content ones', async () => {
    const list = await author().get('/api/simulations/authoring').expect(200);
    expect(list.body[0]).toMatchObject({
      scenarioId: 'parcel-late',
      readOnly: false,
      publishedVersion: 2,
    });
    expect(list.body).toHaveLength(13);
    expect(list.body.slice(1).every((item: { readOnly: boolean }) => item.readOnly)).toBe(true);

    const content = (await author().get('/api/simulations/authoring/billing-dispute').expect(200))
      .body as DetailBody;
    expect(content).toMatchObject({
      origin: 'content',
      readOnly: true,
      validation: { valid: true },
    });
    expect(content.source).toBe(contentSource('billing-dispute'));
    await author().post('/api/simulations/authoring/billing-dispute/publish', {}).expect(409);
    await author()
      .post('/api/simulations/authoring/parcel-late/publish', {})
      .expect(404)
      .expect((r) => expect(r.body.code).toBe('NO_DRAFT'));
    await author().get('/api/simulations/authoring/no-such-scenario').expect(404);
  });

  it('should refuse a new scenario whose id another one has, and save under it from its own editor', async () => {
    const other = FIXTURE.replace('title: Parcel arrived late', 'title: Something else');
    const fresh = await author().put('/api/simulations/authoring/drafts', {
      source: other,
      editing: null,
    });
    expect(fresh.status).toBe(409);
    expect(fresh.body).toMatchObject({
      code: 'SCENARIO_ID_TAKEN',
      errors: [{ path: 'source.id', messages: [expect.stringContaining('“Parcel arrived late”')] }],
    });
    const detail = (await author().get('/api/simulations/authoring/parcel-late').expect(200))
      .body as DetailBody;
    expect(detail.hasDraft).toBe(false);
    await author()
      .put('/api/simulations/authoring/drafts', { source: other, editing: 'parcel-late' })
      .expect(200);
  });
});
