import { parse } from 'csv-parse/sync';
import { PersonRecordService } from '../../../src/reports/person-record.service';
import { createTestApp, FixedClock, TestApp } from '../../support/test-app';
import { NOW, Population, seedPopulation } from './seed';

describe(PersonRecordService.name, () => {
  let t: TestApp;
  let p: Population;

  beforeAll(async () => {
    t = await createTestApp({ clock: new FixedClock(NOW) });
    p = await seedPopulation(t);
  }, 60000);
  afterAll(async () => t?.close());

  const get = (path: string, bearer?: string) => {
    const test = t.http().get(path);
    return bearer ? test.set('Authorization', bearer) : test;
  };

  it("should give a person's whole record with links to results and debriefs", async () => {
    const { body } = await get(`/api/reports/people/${p.ann.id}`, p.hr).expect(200);
    expect(body.profile).toMatchObject({
      id: p.ann.id,
      displayName: 'Ann',
      team: 'North',
      cohort: 'C1',
      currentPosition: { positionId: 'complaints-desk', since: '2026-10-15' },
    });
    expect(body.courses).toEqual([
      expect.objectContaining({
        courseId: 'service-principles',
        status: 'completed',
        assigned: true,
        dueDate: '2026-11-24',
        overdue: false,
        progress: 100,
        score: 90,
      }),
    ]);
    expect(
      body.exams.map((row: { examId: string; percent: number }) => [row.examId, row.percent]),
    ).toEqual([
      ['complaint-handler', 60],
      ['onboarding-final', 80],
    ]);
    for (const row of body.exams as { attemptId: string; link: string }[])
      expect(row.link).toBe(`/exams/attempts/${row.attemptId}/result`);
    expect(body.simulations).toEqual([
      expect.objectContaining({
        sessionId: p.ids.annSession,
        scenarioId: 'verify-before-account-change',
        outcome: 'resolved',
        passed: true,
        meanScore: 82,
        link: `/simulations/sessions/${p.ids.annSession}/debrief`,
      }),
    ]);
    expect(
      body.certificates.map((row: { programmeId: string; status: string }) => [
        row.programmeId,
        row.status,
      ]),
    ).toEqual([
      ['data-privacy-compliance', 'expired'],
      ['contact-centre-agent', 'expiring'],
    ]);
    expect(
      body.positions.map((row: { positionId: string; endedOn: string | null }) => [
        row.positionId,
        row.endedOn,
      ]),
    ).toEqual([
      ['complaints-desk', null],
      ['front-line-agent', '2026-10-15'],
    ]);
    expect(body.reviews).toEqual([
      expect.objectContaining({
        reviewerName: 'Sam Supervisor',
        rating: 4,
        comments: 'Settled in well',
        moveId: p.ids.annMove,
      }),
    ]);
  });

  it('should keep every certificate cycle, superseded ones included', async () => {
    const { body } = await get(`/api/reports/people/${p.cat.id}`, p.trainer).expect(200);
    expect(
      body.certificates.map((row: { cycle: number; status: string }) => [row.cycle, row.status]),
    ).toEqual([
      [2, 'active'],
      [1, 'superseded'],
    ]);
    const bob = (await get(`/api/reports/people/${p.bob.id}`, p.hr).expect(200)).body;
    expect(bob.certificates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ status: 'revoked', revokedReason: 'Evidence withdrawn' }),
      ]),
    );
    expect(
      bob.simulations.find((row: { status: string }) => row.status === 'active').link,
    ).toBeNull();
  });

  it('should download the record as CSV and JSON and audit both', async () => {
    const csv = await get(`/api/reports/people/${p.ann.id}/record.csv`, p.hr).expect(200);
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="record-${p.ann.id}.csv"`,
    );
    const rows = parse(csv.text) as string[][];
    expect(rows[0]).toEqual([
      'section',
      'id',
      'title',
      'status',
      'date',
      'until',
      'score',
      'detail',
    ]);
    expect(rows.slice(1).map((row) => row[0])).toEqual([
      'course',
      'exam-attempt',
      'exam-attempt',
      'simulation-session',
      'certificate',
      'certificate',
      'position',
      'position',
      'rotation-move',
      'rotation-review',
    ]);
    const json = await get(`/api/reports/people/${p.ann.id}/record.json`, p.ann.bearer).expect(200);
    expect(json.headers['content-disposition']).toContain('attachment');
    expect(json.body.profile.id).toBe(p.ann.id);
    const audit = await get(
      `/api/audit?action=report.exported&targetId=${p.ann.id}`,
      p.admin,
    ).expect(200);
    expect(
      audit.body.items.map((item: { summary: { format: string } }) => item.summary.format).sort(),
    ).toEqual(['csv', 'json']);
    expect(audit.body.items[0].summary).toMatchObject({ table: 'person-record', rowCount: 10 });
  });

  it('should render the record page with its sections and download links', async () => {
    const record = (await get(`/api/reports/people/${p.ann.id}`, p.hr).expect(200)).body;
    const page = await get(`/reports/people/${p.ann.id}`, p.supervisor).expect(200);
    expect(page.text).toContain('<h1 data-testid="person-name">Ann</h1>');
    expect(page.text).toContain(`href="/simulations/sessions/${p.ids.annSession}/debrief"`);
    expect(page.text).toContain(`href="/exams/attempts/${record.exams[1].attemptId}/result"`);
    expect(page.text).toContain(`href="/api/reports/people/${p.ann.id}/record.csv"`);
    expect(page.text).toContain('Settled in well');
    // The outcome reads as on the debrief, not as its code.
    expect(page.text).toContain('<td>Resolved <span class="badge good">Passed</span></td>');
    expect(record.simulations[0]).toMatchObject({ outcome: 'resolved', outcomeLabel: 'Resolved' });
  });

  describe('access', () => {
    it('should answer 401 to every report without a token', async () => {
      for (const path of [
        '/api/reports/dashboard',
        `/api/reports/people/${p.ann.id}`,
        `/api/reports/people/${p.ann.id}/record.csv`,
        '/api/reports/exports',
        '/api/reports/exports/people.csv',
      ])
        await get(path).expect(401);
    });

    it('should let a trainee see only their own record', async () => {
      await get('/api/reports/dashboard', p.ann.bearer).expect(403);
      await get('/api/reports/exports', p.ann.bearer).expect(403);
      await get('/api/reports/exports/people.csv', p.ann.bearer).expect(403);
      await get('/reports', p.ann.bearer).expect(403);
      await get('/reports/exports', p.ann.bearer).expect(403);
      await get(`/api/reports/people/${p.ann.id}`, p.ann.bearer).expect(200);
      const other = await get(`/api/reports/people/${p.bob.id}`, p.ann.bearer).expect(404);
      const nobody = await get(
        '/api/reports/people/00000000-0000-4000-8000-000000000000',
        p.ann.bearer,
      ).expect(404);
      expect(other.body).toEqual(nobody.body);
      await get(`/api/reports/people/${p.bob.id}/record.csv`, p.ann.bearer).expect(404);
      const mine = await get('/reports/me', p.ann.bearer).expect(303);
      expect(mine.headers.location).toBe(`/reports/people/${p.ann.id}`);
    });

    it('should limit a supervisor to the teams they manage', async () => {
      const { body } = await get('/api/reports/dashboard', p.supervisor).expect(200);
      expect(body.scopeTeams).toEqual(['North']);
      expect(body.people).toBe(3);
      expect(body.exams.byTeam.map((row: { team: string }) => row.team)).toEqual(['North']);
      expect(
        body.certification.flatMap((row: { byTeam: { team: string }[] }) =>
          row.byTeam.map((team) => team.team),
        ),
      ).not.toContain('South');
      const refused = await get('/api/reports/dashboard?team=South', p.supervisor).expect(403);
      expect(refused.body.code).toBe('TEAM_NOT_MANAGED');
      await get('/api/reports/exports/people.csv?team=South', p.supervisor).expect(403);
      const people = parse(
        (await get('/api/reports/exports/people.csv', p.supervisor).expect(200)).text,
      ) as string[][];
      expect(people.slice(1).map((row) => row[3])).toEqual(['North', 'North', 'North']);
      await get(`/api/reports/people/${p.cat.id}`, p.supervisor).expect(404);
      await get(`/reports/people/${p.cat.id}`, p.supervisor).expect(404);
      await get(`/api/reports/people/${p.bob.id}`, p.supervisor).expect(200);
    });

    it('should let a trainer see the teams they train and hr everyone', async () => {
      const trainer = (await get('/api/reports/dashboard', p.trainer).expect(200)).body;
      expect(trainer.scopeTeams).toEqual(['North', 'South']);
      expect(trainer.people).toBe(4);
      const hr = (await get('/api/reports/dashboard', p.hr).expect(200)).body;
      expect(hr.scopeTeams).toBeNull();
      for (const person of [p.ann, p.bob, p.cat, p.tara])
        await get(`/api/reports/people/${person.id}`, p.hr).expect(200);
      await get('/api/reports/exports/certificates.csv', p.admin).expect(200);
    });
  });
});
