import { DEMO_PASSWORD } from '../../support/test-app';
import { createRotationTestApp, RotationCertificates, RotationRecords } from './rotation-test-app';

type App = Awaited<ReturnType<typeof createRotationTestApp>>;

interface MoveBody {
  id: string;
  status: string;
  effectiveOn: string;
  overrideReason: string | null;
  reviewDueOn: string | null;
  eligibility: { status: string; reasons: string[]; warnings: string[] } | null;
  review: { rating: number; comments: string } | null;
}

// Rotation walkthrough: an ineligible person refused, then overridden and audited; an eligible
// move approved outright; a future-dated move applied on its day; the supervisor's review.
jest.setTimeout(30000);

describe('Rotation walkthrough', () => {
  let t: App;
  let hr: string;
  let supervisor: string;
  let southSupervisor: string;
  let nina: string;
  let omar: string;
  let certificates: RotationCertificates;
  let records: RotationRecords;
  let firstMove: MoveBody;

  const person = async (email: string, displayName: string, team: string, roles = ['trainee']) => {
    const admin = await t.bearer('admin@academy.local');
    const created = await t
      .http()
      .post('/api/users')
      .set('Authorization', admin)
      .send({ email, displayName, team, roles, password: DEMO_PASSWORD })
      .expect(201);
    return (created.body as { id: string }).id;
  };
  const propose = (body: object) =>
    t.http().post('/api/rotations/moves').set('Authorization', hr).send(body);
  const approve = (id: string, body: object = {}) =>
    t.http().post(`/api/rotations/moves/${id}/approve`).set('Authorization', hr).send(body);
  const history = async (userId: string) =>
    (await t.http().get(`/api/users/${userId}/positions`).set('Authorization', hr).expect(200))
      .body as {
      current: { positionId: string; startedOn: string; overridden: boolean } | null;
      history: { positionId: string; startedOn: string; endedOn: string | null }[];
    };

  beforeAll(async () => {
    t = await createRotationTestApp();
    certificates = t.certificates;
    records = t.records;
    hr = await t.bearer('hr@academy.local');
    supervisor = await t.bearer('supervisor@academy.local');
    nina = await person('nina@academy.local', 'Nina North', 'North');
    omar = await person('omar@academy.local', 'Omar South', 'South');
    await person('sue@academy.local', 'Sue Southlead', 'South', ['supervisor']);
    const admin = await t.bearer('admin@academy.local');
    const sue = (await t.http().get('/api/users?q=sue').set('Authorization', admin)).body as {
      items: { id: string }[];
    };
    await t
      .http()
      .patch(`/api/users/${sue.items[0].id}`)
      .set('Authorization', admin)
      .send({ managedTeams: ['South'] })
      .expect(200);
    southSupervisor = await t.bearer('sue@academy.local');
  });
  afterAll(async () => t?.close());

  it('should refuse to approve an ineligible person and list every reason', async () => {
    const proposed = await propose({
      userId: nina,
      positionId: 'front-line-agent',
      effectiveOn: '2026-11-23',
      note: 'Cover for the winter peak',
    }).expect(201);
    firstMove = proposed.body as MoveBody;
    expect(firstMove.status).toBe('proposed');
    expect(firstMove.eligibility).toMatchObject({ status: 'not-eligible' });
    const refused = await approve(firstMove.id).expect(422);
    expect(refused.body).toMatchObject({ statusCode: 422, code: 'NOT_ELIGIBLE' });
    expect(refused.body.errors).toEqual([
      {
        path: 'eligibility',
        messages: [
          'no active Contact-centre agent certificate',
          'no active Data privacy and compliance certificate',
          'Onboarding final exam: no exam result yet, needs 75 %',
        ],
      },
    ]);
    expect((await history(nina)).current).toBeNull();
  });

  it('should approve with an override, apply it at once and write the reasons to the audit log', async () => {
    await approve(firstMove.id, { override: { reason: '' } }).expect(400);
    const approved = await approve(firstMove.id, {
      override: { reason: 'Peak cover; certificate exam booked for next week' },
    }).expect(200);
    expect(approved.body).toMatchObject({
      status: 'applied',
      overrideReason: 'Peak cover; certificate exam booked for next week',
      reviewDueOn: '2027-02-21',
    });
    const after = await history(nina);
    expect(after.current).toMatchObject({
      positionId: 'front-line-agent',
      startedOn: '2026-11-23',
      overridden: true,
    });
    const audit = await t
      .http()
      .get('/api/audit?action=rotation.move.overridden')
      .set('Authorization', hr)
      .expect(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      targetId: nina,
      summary: {
        moveId: firstMove.id,
        override: 'Peak cover; certificate exam booked for next week',
        reasons: expect.arrayContaining(['no active Contact-centre agent certificate']),
      },
    });
    await approve(firstMove.id, {}).expect(409);
  });

  it('should approve an eligible person without an override', async () => {
    await certificates.earn(omar, 'contact-centre-agent', { expiresOn: '2028-01-01' });
    await certificates.earn(omar, 'data-privacy-compliance', { expiresOn: '2027-10-01' });
    await records.examGrade(omar, 'onboarding-final', 82);
    const proposed = await propose({
      userId: omar,
      positionId: 'front-line-agent',
      effectiveOn: '2026-11-20',
    }).expect(201);
    expect(proposed.body.eligibility).toMatchObject({ status: 'eligible', reasons: [] });
    const approved = await approve(proposed.body.id).expect(200);
    expect(approved.body).toMatchObject({ status: 'applied', overrideReason: null });
    expect((await history(omar)).current).toMatchObject({
      positionId: 'front-line-agent',
      startedOn: '2026-11-20',
      overridden: false,
    });
    const audit = await t
      .http()
      .get(`/api/audit?action=rotation.move.approved&targetId=${omar}`)
      .set('Authorization', hr)
      .expect(200);
    expect(audit.body.total).toBe(1);
  });

  it('should keep a future-dated move waiting and apply it on its day', async () => {
    // The complaint calls of the onboarding certificate leave out the two the desk names.
    await certificates.earn(nina, 'contact-centre-agent', {
      expiresOn: '2028-01-01',
      avoidScenarios: ['angry-caller-demands-manager', 'repeat-complainant'],
    });
    await certificates.earn(nina, 'data-privacy-compliance', { expiresOn: '2027-10-01' });
    await records.examGrade(nina, 'complaint-handler', 64);
    await records.examGrade(nina, 'complaint-handler', 86);
    await records.simulation(nina, 'repeat-complainant', 81);
    const early = await propose({
      userId: nina,
      positionId: 'complaints-desk',
      effectiveOn: '2027-03-01',
    }).expect(201);
    // Three months in, one scenario still to pass, so no complaint-handler certificate yet.
    expect(early.body.eligibility.reasons).toEqual([
      'no active Complaint handler certificate',
      'has not passed the role-play "Furious caller who wants a manager"',
      '3 of 6 months in current position',
    ]);
    await t
      .http()
      .post(`/api/rotations/moves/${early.body.id}/cancel`)
      .set('Authorization', hr)
      .send({ reason: 'Too early' })
      .expect(200);

    // Passing the furious caller (with the rest of the programme) earns the certificate.
    const complaintHandler = await certificates.earn(nina, 'complaint-handler', {
      expiresOn: '2027-06-20',
    });
    expect(complaintHandler).toMatchObject({ status: 'active' });
    expect(complaintHandler.expiresAt.slice(0, 10)).toBe('2027-06-20');
    const proposed = await propose({
      userId: nina,
      positionId: 'complaints-desk',
      effectiveOn: '2027-06-01',
    }).expect(201);
    // Checked for the effective day: six months by then, one certificate close to expiry.
    expect(proposed.body.eligibility).toEqual({
      positionId: 'complaints-desk',
      status: 'expiring',
      reasons: [],
      warnings: ['Complaint handler certificate expires on 2027-06-20'],
      current: false,
    });
    await propose({ userId: nina, positionId: 'vip-line', effectiveOn: '2027-06-01' }).expect(409);
    const approved = await approve(proposed.body.id).expect(200);
    expect(approved.body.status).toBe('approved');
    expect((await history(nina)).current?.positionId).toBe('front-line-agent');

    t.clock.set(new Date('2027-06-01T08:00:00Z'));
    const after = await history(nina);
    expect(after.current).toMatchObject({ positionId: 'complaints-desk', startedOn: '2027-06-01' });
    expect(after.history.map((row) => [row.positionId, row.startedOn, row.endedOn])).toEqual([
      ['complaints-desk', '2027-06-01', null],
      ['front-line-agent', '2026-11-23', '2027-06-01'],
    ]);
  });

  it("should let the supervisor of the person's team review the move, once", async () => {
    const review = { rating: 4, comments: 'Settled in quickly; needs practice on tier 2 cases' };
    const other = await t
      .http()
      .post(`/api/rotations/moves/${firstMove.id}/review`)
      .set('Authorization', southSupervisor)
      .send(review)
      .expect(403);
    expect(other.body.code).toBe('REVIEW_NOT_ALLOWED');
    const invalid = await t
      .http()
      .post(`/api/rotations/moves/${firstMove.id}/review`)
      .set('Authorization', supervisor)
      .send({ rating: 7, comments: '' })
      .expect(400);
    expect(invalid.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'comments',
      'rating',
    ]);
    const saved = await t
      .http()
      .post(`/api/rotations/moves/${firstMove.id}/review`)
      .set('Authorization', supervisor)
      .send(review)
      .expect(200);
    expect(saved.body.review).toMatchObject(review);
    await t
      .http()
      .post(`/api/rotations/moves/${firstMove.id}/review`)
      .set('Authorization', supervisor)
      .send(review)
      .expect(409);
    const rows = (await history(nina)).history as unknown as {
      positionId: string;
      review: { rating: number } | null;
    }[];
    expect(rows.find((row) => row.positionId === 'front-line-agent')?.review?.rating).toBe(4);
  });

  it('should list overdue reviews, scoped to the viewer’s teams', async () => {
    const all = await t
      .http()
      .get('/api/rotations/reviews?due=overdue')
      .set('Authorization', hr)
      .expect(200);
    // Omar's review was due 2027-02-18 and nobody wrote it; Nina's first one is done.
    expect(all.body).toEqual([
      expect.objectContaining({ userId: omar, reviewDueOn: '2027-02-18', overdue: true }),
    ]);
    const north = await t
      .http()
      .get('/api/rotations/reviews?due=overdue')
      .set('Authorization', supervisor)
      .expect(200);
    expect(north.body).toEqual([]);
    const south = await t
      .http()
      .get('/api/rotations/reviews?due=overdue')
      .set('Authorization', southSupervisor)
      .expect(200);
    expect(south.body).toHaveLength(1);
  });
});
