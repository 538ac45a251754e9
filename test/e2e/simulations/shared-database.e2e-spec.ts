import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTrainee, SessionBody, simulationApi } from '../../support/simulations';
import { createTestApp, TestApp } from '../../support/test-app';

const FIXTURE = readFileSync(
  join(__dirname, '..', '..', 'fixtures', 'scenarios', 'ok', 'parcel-late.yaml'),
  'utf8',
);

interface OverviewItem {
  id: string;
  version: number;
}

// Two instances on one database (one SQLite file here, one PostgreSQL database in CI): what a
// trainer publishes on one is what trainees start on the other, without a restart.
describe('Scenarios published on another instance', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    first = await createTestApp();
    second = await createTestApp({ shareWith: first, clock: first.clock });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('should list and start a scenario published on the other instance, then its next version', async () => {
    const author = simulationApi(first, await first.bearer('trainer@academy.local'));
    const player = simulationApi(second, await second.bearer('trainee@academy.local'));
    await player.start('parcel-late').expect(404);

    await author.put('/api/simulations/authoring/drafts', { source: FIXTURE }).expect(200);
    await author.post('/api/simulations/authoring/parcel-late/publish', {}).expect(200);

    const listed = (await player.list().expect(200)).body as OverviewItem[];
    expect(listed).toContainEqual(expect.objectContaining({ id: 'parcel-late', version: 1 }));
    const v1 = (await player.start('parcel-late').expect(201)).body as SessionBody;
    expect(v1.scenarioVersion).toBe(1);
    await player.turn(v1.id, 0, 'Parcels are sometimes late.').expect(201);
    await player
      .turn(v1.id, 1, "I'm so sorry your parcel was late, that must be really annoying.")
      .expect(201)
      .expect((r) => expect(r.body.finished).toBe(true));

    const v2Source = FIXTURE.replace(
      'customer: "Thanks, bye."',
      'customer: "Thanks, that is all. Bye."',
    );
    await author.put('/api/simulations/authoring/drafts', { source: v2Source }).expect(200);
    await author.post('/api/simulations/authoring/parcel-late/publish', {}).expect(200);
    const v2 = (await player.start('parcel-late').expect(201)).body as SessionBody;
    expect(v2.scenarioVersion).toBe(2);
  });

  it('should keep one row per turn when the instances take turns of the same session', async () => {
    const admin = await first.bearer('admin@academy.local');
    const { bearer } = await createTrainee(first, admin, 'two.instances@academy.local');
    const onSecond = simulationApi(second, bearer);
    const onFirst = simulationApi(first, bearer);
    const session = (await onSecond.start('parcel-late').expect(201)).body as SessionBody;
    expect(session.nextTurnIndex).toBe(0);

    // Turn 0 on the first instance; the second still holds the session as it started it.
    const taken = await onFirst.turn(session.id, 0, 'Parcels are sometimes late.').expect(201);
    const again = await onSecond.turn(session.id, 0, 'A different reply to the same turn.');
    expect(again.status).toBeLessThan(300);
    expect(again.body).toMatchObject({ replayed: true, turnIndex: 0 });
    expect(again.body.score).toEqual(taken.body.score);

    await onSecond.turn(session.id, 1, "I'm so sorry your parcel was late.").expect(201);
    const stored = (await onFirst.session(session.id).expect(200)).body as SessionBody;
    expect(stored.nextTurnIndex).toBe(2);
    expect(
      stored.transcript.map((line) => line.turnIndex).filter((index) => index !== undefined),
    ).toEqual([0, 1]);
  });

  it('should refuse a new session on one instance as soon as the other withdraws the scenario', async () => {
    const author = simulationApi(first, await first.bearer('trainer@academy.local'));
    const admin = await first.bearer('admin@academy.local');
    const { bearer } = await createTrainee(first, admin, 'withdrawn.elsewhere@academy.local');
    const player = simulationApi(second, bearer);

    await author
      .post('/api/simulations/authoring/parcel-late/withdraw', { reason: 'Being rewritten' })
      .expect(200);
    const refused = await player.start('parcel-late');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'SCENARIO_WITHDRAWN' });

    await author.post('/api/simulations/authoring/parcel-late/reinstate', {}).expect(200);
    await player.start('parcel-late').expect(201);
  });
});
