import { DashboardService } from '../../../src/reports/dashboard.service';
import { BrowserSession } from '../../support/browser-session';
import { createTestApp, DEMO_PASSWORD, FixedClock, TestApp } from '../../support/test-app';
import { NOW, Population, seedPopulation } from './seed';

describe(DashboardService.name, () => {
  let t: TestApp;
  let p: Population;

  beforeAll(async () => {
    t = await createTestApp({ clock: new FixedClock(NOW) });
    p = await seedPopulation(t);
  }, 60000);
  afterAll(async () => t?.close());

  const dashboard = (bearer: string, query = '') =>
    t.http().get(`/api/reports/dashboard${query}`).set('Authorization', bearer);

  it('should count certificates by programme and team from each latest cycle', async () => {
    const { body } = await dashboard(p.hr).expect(200);
    expect(body.today).toBe('2026-11-26');
    expect(body.people).toBe(4);
    const byId = Object.fromEntries(
      (body.certification as { programmeId: string; byTeam: unknown[] }[]).map((row) => [
        row.programmeId,
        row,
      ]),
    );
    expect(byId['contact-centre-agent']).toMatchObject({
      certified: 2,
      expiringSoon: 1,
      expired: 0,
      revoked: 0,
      inProgress: 0,
      byTeam: [
        { team: 'North', certified: 1, expiringSoon: 1, expired: 0, revoked: 0, inProgress: 0 },
        { team: 'South', certified: 1, expiringSoon: 0, expired: 0, revoked: 0, inProgress: 0 },
      ],
    });
    expect(byId['complaint-handler'].byTeam).toEqual([
      { team: 'North', certified: 0, expiringSoon: 0, expired: 0, revoked: 1, inProgress: 1 },
    ]);
    expect(byId['data-privacy-compliance'].byTeam).toEqual([
      { team: 'North', certified: 0, expiringSoon: 0, expired: 1, revoked: 0, inProgress: 1 },
      { team: 'South', certified: 0, expiringSoon: 0, expired: 0, revoked: 0, inProgress: 1 },
    ]);
    expect(byId['senior-agent']).toMatchObject({ certified: 0, inProgress: 3 });
  });

  it('should give exam pass rates and mean grades per exam and per team, final verdicts only', async () => {
    const { body } = await dashboard(p.hr).expect(200);
    expect(body.exams.byExam).toEqual([
      expect.objectContaining({
        examId: 'complaint-handler',
        attempts: 1,
        passed: 0,
        passRate: 0,
        meanGrade: 60,
      }),
      expect.objectContaining({
        examId: 'onboarding-final',
        attempts: 3,
        passed: 2,
        passRate: 66.7,
        meanGrade: 73.3,
      }),
    ]);
    expect(body.exams.byTeam).toEqual([
      { team: 'North', attempts: 3, passed: 1, passRate: 33.3, meanGrade: 63.3 },
      { team: 'South', attempts: 1, passed: 1, passRate: 100, meanGrade: 90 },
    ]);
  });

  it('should give role-play pass rates and the two weakest dimensions per team', async () => {
    const { body } = await dashboard(p.hr).expect(200);
    expect(body.simulations).toEqual([
      {
        team: 'North',
        sessions: 2,
        passed: 1,
        passRate: 50,
        meanScore: 68.5,
        weakest: [
          { dimension: 'empathy', mean: 50 },
          { dimension: 'structure', mean: 65 },
        ],
      },
      {
        team: 'South',
        sessions: 1,
        passed: 1,
        passRate: 100,
        meanScore: 75,
        weakest: [
          { dimension: 'keywords', mean: 50 },
          { dimension: 'structure', mean: 65 },
        ],
      },
    ]);
  });

  it('should count overdue assignments and this quarter’s rotation moves by team', async () => {
    const { body } = await dashboard(p.hr).expect(200);
    expect(body.assignments).toMatchObject({ assigned: 4, completed: 1, overdue: 2 });
    expect(body.assignments.byTeam).toEqual([
      { team: 'North', assigned: 2, completed: 1, overdue: 1 },
      { team: 'South', assigned: 2, completed: 0, overdue: 1 },
    ]);
    expect(body.assignments.byCourse).toEqual([
      expect.objectContaining({ courseId: 'communication-etiquette', assigned: 1, overdue: 0 }),
      expect.objectContaining({
        courseId: 'service-principles',
        assigned: 3,
        completed: 1,
        overdue: 2,
      }),
    ]);
    expect(body.rotations.quarter).toEqual({
      label: '2026-Q4',
      first: '2026-10-01',
      last: '2026-12-31',
    });
    expect(body.rotations.byTeam).toEqual([
      { team: 'North', applied: 1, pending: 1, withdrawn: 0 },
      { team: 'South', applied: 0, pending: 0, withdrawn: 1 },
    ]);
  });

  it('should narrow every figure to a team, a cohort, a programme and a date range', async () => {
    const south = (await dashboard(p.hr, '?team=South').expect(200)).body;
    expect(south.people).toBe(1);
    expect(south.exams.byTeam).toEqual([
      { team: 'South', attempts: 1, passed: 1, passRate: 100, meanGrade: 90 },
    ]);
    expect(south.simulations.map((row: { team: string }) => row.team)).toEqual(['South']);

    const cohort = (await dashboard(p.hr, '?cohort=C1').expect(200)).body;
    expect(cohort.people).toBe(2);
    expect(cohort.assignments).toMatchObject({ assigned: 2, overdue: 1 });

    const programme = (await dashboard(p.hr, '?programme=complaint-handler').expect(200)).body;
    expect(programme.certification.map((row: { programmeId: string }) => row.programmeId)).toEqual([
      'complaint-handler',
    ]);
    expect(programme.exams.byExam.map((row: { examId: string }) => row.examId)).toEqual([
      'complaint-handler',
    ]);
    expect(programme.assignments.assigned).toBe(0);

    const recent = (await dashboard(p.hr, '?from=2026-11-19&to=2026-11-30').expect(200)).body;
    expect(recent.exams.byExam).toEqual([
      expect.objectContaining({ examId: 'complaint-handler', attempts: 1 }),
      expect.objectContaining({
        examId: 'onboarding-final',
        attempts: 2,
        passed: 1,
        passRate: 50,
        meanGrade: 70,
      }),
    ]);
    expect(recent.simulations).toEqual([]);
    expect(recent.filters).toEqual({
      team: null,
      cohort: null,
      programme: null,
      from: '2026-11-19',
      to: '2026-11-30',
    });
  });

  it('should answer bad filters with 400 and their field paths', async () => {
    const month = await dashboard(p.hr, '?from=2026-13-01').expect(400);
    expect(month.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'from' }] });
    const impossible = await dashboard(p.hr, '?to=2026-02-30').expect(400);
    expect(impossible.body.errors).toEqual([
      { path: 'to', messages: ['to is not a real calendar day'] },
    ]);
    const backwards = await dashboard(p.hr, '?from=2026-11-20&to=2026-11-01').expect(400);
    expect(backwards.body.errors).toEqual([
      { path: 'to', messages: ['to must be on or after from'] },
    ]);
    const programme = await dashboard(p.hr, '?programme=juggling').expect(400);
    expect(programme.body).toMatchObject({
      code: 'INVALID_REPORT_FILTER',
      errors: [{ path: 'programme' }],
    });
    const unknown = await dashboard(p.hr, '?colour=blue').expect(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: 'colour' })]);
  });

  it('should render the dashboard page with SVG charts and the same numbers as tables', async () => {
    const browser = new BrowserSession(t.app.getHttpServer());
    await browser.signIn('hr@academy.local', DEMO_PASSWORD);
    const page = await browser.get('/reports?team=North');
    expect(page.status).toBe(200);
    expect(page.text.match(/<svg [^>]*role="img"/g)).toHaveLength(5);
    expect(page.text).toContain(
      '<title id="chart-certification-title">Certification by programme</title>',
    );
    expect(page.text).not.toMatch(/<script(?![^>]*src="\/assets\/)/);
    expect(page.text).toMatch(
      /data-testid="overdue-total"><strong>1<\/strong> overdue of 2 assigned/,
    );
    expect(page.text).toContain(
      '<td>North</td><td>2</td><td>1</td><td>50 %</td><td>68.5</td><td>empathy 50, structure 65</td>',
    );
    const bad = await browser.get('/reports?from=soon');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Must be a calendar day YYYY-MM-DD');
  });

  it('should show dates in the wrong order at the field of the page, with the filters kept', async () => {
    const browser = new BrowserSession(t.app.getHttpServer());
    await browser.signIn('hr@academy.local', DEMO_PASSWORD);
    for (const [path, id] of [
      ['/reports', 'report'],
      ['/reports/retraining', 'retraining'],
    ]) {
      const page = await browser.get(`${path}?team=North&from=2026-12-10&to=2026-12-01`);
      expect(page.status).toBe(400);
      expect(page.text).toContain(
        `<p class="field-error" id="${id}-to-error" role="alert">Must be on or after from</p>`,
      );
      expect(page.text).toContain(`name="to" value="2026-12-01" aria-invalid="true"`);
      expect(page.text).toContain('name="from" value="2026-12-10"');
      expect(page.text).toContain('<option value="North" selected>');
      expect(page.text).not.toContain('The report filters are not valid');
    }
  });
});
