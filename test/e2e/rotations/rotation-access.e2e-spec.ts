import { parse } from 'csv-parse/sync';
import { DEMO_PASSWORD } from '../../support/test-app';
import { createRotationTestApp, EarnedCertificate } from './rotation-test-app';

type App = Awaited<ReturnType<typeof createRotationTestApp>>;

interface MatrixBody {
  on: string;
  positions: { id: string; title: string }[];
  people: {
    email: string;
    team: string | null;
    currentPositionId: string | null;
    cells: { positionId: string; status: string; reasons: string[]; current: boolean }[];
  }[];
  totals: Record<string, { eligible: number; expiring: number; notEligible: number }>;
}

jest.setTimeout(30000);

describe('Rotation access, validation, matrix and pages', () => {
  let t: App;
  let hr: string;
  let trainee: string;
  let traineeId: string;
  let supervisor: string;
  let trainer: string;
  let southId: string;
  let southOnboarding: EarnedCertificate;

  beforeAll(async () => {
    t = await createRotationTestApp();
    [hr, trainee, supervisor, trainer] = await Promise.all([
      t.bearer('hr@academy.local'),
      t.bearer('trainee@academy.local'),
      t.bearer('supervisor@academy.local'),
      t.bearer('trainer@academy.local'),
    ]);
    traineeId = (await t.http().get('/api/me').set('Authorization', trainee)).body.id;
    const admin = await t.bearer('admin@academy.local');
    const created = await t
      .http()
      .post('/api/users')
      .set('Authorization', admin)
      .send({
        email: 'south@academy.local',
        displayName: 'Sol South',
        team: 'South',
        roles: ['trainee'],
        password: DEMO_PASSWORD,
      })
      .expect(201);
    southId = created.body.id;
    southOnboarding = await t.certificates.earn(southId, 'contact-centre-agent', {
      expiresOn: '2027-12-01',
    });
    await t.certificates.earn(southId, 'data-privacy-compliance', { expiresOn: '2026-12-10' });
    await t.records.examGrade(southId, 'onboarding-final', 90);
  });
  afterAll(async () => t?.close());

  it('should list the six shipped positions with their requirements', async () => {
    const list = await t.http().get('/api/positions').set('Authorization', trainee).expect(200);
    expect(list.body.map((position: { id: string }) => position.id)).toEqual([
      'front-line-agent',
      'complaints-desk',
      'vip-line',
      'back-office-verification',
      'quality-inspector',
      'team-leader',
    ]);
    const one = await t
      .http()
      .get('/api/positions/complaints-desk')
      .set('Authorization', trainee)
      .expect(200);
    expect(one.body.requires.monthsInCurrentPosition).toBe(6);
    expect(one.body.requirementsText).toContain('Complaint handler certificate');
    await t.http().get('/api/positions/nope').set('Authorization', trainee).expect(404);
  });

  it('should seed the demo trainee into a position and show them only their own records', async () => {
    await t.http().get('/api/positions').expect(401);
    const own = await t
      .http()
      .get(`/api/users/${traineeId}/positions`)
      .set('Authorization', trainee)
      .expect(200);
    expect(own.body.current).toMatchObject({
      positionId: 'front-line-agent',
      reason: 'Demo account: starting position',
    });
    const eligibility = await t
      .http()
      .get(`/api/users/${traineeId}/eligibility`)
      .set('Authorization', trainee)
      .expect(200);
    expect(eligibility.body.positions).toHaveLength(6);
    expect(eligibility.body.positions[0]).toMatchObject({
      positionId: 'front-line-agent',
      current: true,
    });
    for (const path of ['positions', 'eligibility'])
      await t.http().get(`/api/users/${southId}/${path}`).set('Authorization', trainee).expect(404);
    await t.http().get('/api/rotations/eligibility').set('Authorization', trainee).expect(403);
    await t.http().get('/api/rotations/moves').set('Authorization', trainee).expect(403);
    await t
      .http()
      .post('/api/rotations/moves')
      .set('Authorization', supervisor)
      .send({ userId: southId, positionId: 'vip-line', effectiveOn: '2027-01-01' })
      .expect(403);
  });

  it('should answer 400 with field paths for a bad move or decision', async () => {
    const bad = await t
      .http()
      .post('/api/rotations/moves')
      .set('Authorization', hr)
      .send({ userId: 'someone', positionId: '', effectiveOn: '01/02/2027', extra: 1 })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'effectiveOn',
      'extra',
      'positionId',
      'userId',
    ]);
    const unreal = await t
      .http()
      .post('/api/rotations/moves')
      .set('Authorization', hr)
      .send({ userId: southId, positionId: 'no-such-desk', effectiveOn: '2027-02-30' })
      .expect(400);
    expect(unreal.body).toMatchObject({
      code: 'INVALID_MOVE',
      errors: [
        { path: 'effectiveOn', messages: ['effectiveOn is not a real calendar day'] },
        { path: 'positionId', messages: ['no position "no-such-desk"'] },
      ],
    });
    await t
      .http()
      .post('/api/rotations/moves/not-a-uuid/reject')
      .set('Authorization', hr)
      .send({ reason: 'x' })
      .expect(400);
    const proposed = await t
      .http()
      .post('/api/rotations/moves')
      .set('Authorization', hr)
      .send({ userId: southId, positionId: 'front-line-agent', effectiveOn: '2026-12-01' })
      .expect(201);
    const noReason = await t
      .http()
      .post(`/api/rotations/moves/${proposed.body.id}/reject`)
      .set('Authorization', hr)
      .send({})
      .expect(400);
    expect(noReason.body.errors[0].path).toBe('reason');
    const rejected = await t
      .http()
      .post(`/api/rotations/moves/${proposed.body.id}/reject`)
      .set('Authorization', hr)
      .send({ reason: 'Needed on the current shift' })
      .expect(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      decisionReason: 'Needed on the current shift',
    });
    await t
      .http()
      .post(`/api/rotations/moves/${proposed.body.id}/approve`)
      .set('Authorization', hr)
      .send({})
      .expect(409);
    const listed = await t
      .http()
      .get('/api/rotations/moves?status=rejected&team=South')
      .set('Authorization', hr)
      .expect(200);
    expect(listed.body.map((move: { id: string }) => move.id)).toEqual([proposed.body.id]);
  });

  it('should build the matrix filtered by team, with reasons for each cell', async () => {
    const south = await t
      .http()
      .get('/api/rotations/eligibility?team=South')
      .set('Authorization', hr)
      .expect(200);
    const body = south.body as MatrixBody;
    expect(body.people.map((person) => person.email)).toEqual(['south@academy.local']);
    const [frontLine, complaints] = body.people[0].cells;
    expect(frontLine).toMatchObject({ positionId: 'front-line-agent', status: 'expiring' });
    expect(complaints.status).toBe('not-eligible');
    expect(complaints.reasons).toContain('no active Complaint handler certificate');
    expect(body.totals['front-line-agent']).toEqual({ eligible: 0, expiring: 1, notEligible: 0 });

    const north = (
      await t.http().get('/api/rotations/eligibility').set('Authorization', supervisor).expect(200)
    ).body as MatrixBody;
    expect(north.people.every((person) => person.team === 'North')).toBe(true);
    expect(north.people.map((person) => person.email)).toContain('trainee@academy.local');
    const refused = await t
      .http()
      .get('/api/rotations/eligibility?team=South')
      .set('Authorization', supervisor)
      .expect(403);
    expect(refused.body.code).toBe('TEAM_NOT_MANAGED');
    const one = (
      await t
        .http()
        .get('/api/rotations/eligibility?team=South&position=vip-line')
        .set('Authorization', trainer)
        .expect(200)
    ).body as MatrixBody;
    expect(one.positions).toEqual([{ id: 'vip-line', title: 'VIP line' }]);
    await t
      .http()
      .get('/api/rotations/eligibility?position=nope')
      .set('Authorization', hr)
      .expect(404);
  });

  it('should export the matrix as CSV, one row per person and position, scoped and audited', async () => {
    const json = (
      await t.http().get('/api/rotations/eligibility?team=South').set('Authorization', hr)
    ).body as MatrixBody;
    const response = await t
      .http()
      .get('/api/rotations/eligibility.csv?team=South')
      .set('Authorization', hr)
      .expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="academy-eligibility-\d{4}-\d\d-\d\d-South\.csv"$/,
    );
    const rows = parse(response.text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(json.positions.length);
    const cells = json.people[0].cells;
    expect(rows.map((row) => [row.position_id, row.status])).toEqual(
      cells.map((cell) => [cell.positionId, cell.status]),
    );
    const complaints = rows.find((row) => row.position_id === 'complaints-desk')!;
    expect(complaints).toMatchObject({
      email: 'south@academy.local',
      name: 'Sol South',
      team: 'South',
      position_title: 'Complaints desk',
      is_current_position: 'no',
      reasons: cells.find((cell) => cell.positionId === 'complaints-desk')!.reasons.join('; '),
    });
    expect(rows.find((row) => row.position_id === 'front-line-agent')!.warnings).toBe(
      'Data privacy and compliance certificate expires on 2026-12-10',
    );

    await t
      .http()
      .get('/api/rotations/eligibility.csv?team=South')
      .set('Authorization', supervisor)
      .expect(403);
    await t.http().get('/api/rotations/eligibility.csv').set('Authorization', trainee).expect(403);
    const audit = await t
      .http()
      .get('/api/audit?action=report.exported')
      .set('Authorization', hr)
      .expect(200);
    expect(audit.body.items[0]).toMatchObject({
      targetId: 'eligibility-matrix',
      summary: { filters: { team: 'South', position: null }, rowCount: rows.length },
    });
    const page = await t
      .http()
      .get('/rotations/matrix?team=South')
      .set('Authorization', hr)
      .expect(200);
    // Handlebars writes "=" in an attribute as &#x3D;, which the browser reads back as "=".
    expect(page.text).toContain('href="/api/rotations/eligibility.csv?team&#x3D;South"');
  });

  it('should render the matrix, plan and person pages with the reasons', async () => {
    const matrix = await t
      .http()
      .get('/rotations/matrix?team=South')
      .set('Authorization', hr)
      .expect(200);
    expect(matrix.text).toContain(
      'title="Data privacy and compliance certificate expires on 2026-12-10"',
    );
    expect(matrix.text).toContain('class="cell not-eligible"');
    const plan = await t.http().get('/rotations/plan').set('Authorization', hr).expect(200);
    expect(plan.text).toContain('Propose a move');
    expect(plan.text).toContain('Needed on the current shift');
    await t.http().get('/rotations/plan').set('Authorization', trainee).expect(403);
    const mine = await t.http().get('/rotations/mine').set('Authorization', trainee).expect(303);
    expect(mine.headers.location).toBe(`/rotations/people/${traineeId}`);
    const page = await t
      .http()
      .get(`/rotations/people/${traineeId}`)
      .set('Authorization', trainee)
      .expect(200);
    expect(page.text).toContain('My position');
    expect(page.text).toContain('Front-line agent');
    await t.http().get(`/rotations/people/${southId}`).set('Authorization', trainee).expect(404);
    const reviews = await t
      .http()
      .get('/rotations/reviews')
      .set('Authorization', supervisor)
      .expect(200);
    expect(reviews.text).toContain('Rotation reviews');
  });

  // Last: it revokes a certificate and moves the clock on.
  it('should name a revoked certificate, then an expired one', async () => {
    const reasonsFor = async (positionId: string): Promise<string[]> => {
      const body = (
        await t.http().get(`/api/users/${southId}/eligibility`).set('Authorization', hr).expect(200)
      ).body as { positions: { positionId: string; reasons: string[] }[] };
      return body.positions.find((cell) => cell.positionId === positionId)!.reasons;
    };
    await t.certificates.revoke(southOnboarding.id, 'Exam answers were shared');
    await expect(reasonsFor('front-line-agent')).resolves.toEqual([
      'Contact-centre agent certificate was revoked',
    ]);
    t.clock.set(new Date('2026-12-11T09:00:00Z'));
    await expect(t.certificates.current(southId, 'data-privacy-compliance')).resolves.toMatchObject(
      { status: 'expired' },
    );
    await expect(reasonsFor('front-line-agent')).resolves.toEqual([
      'Contact-centre agent certificate was revoked',
      'Data privacy and compliance certificate expired on 2026-12-10',
    ]);
  });
});
