import { parse } from 'csv-parse/sync';
import { ExportsService } from '../../../src/reports/exports.service';
import { createTestApp, FixedClock, TestApp } from '../../support/test-app';
import { NOW, Population, seedPopulation } from './seed';

describe(ExportsService.name, () => {
  let t: TestApp;
  let p: Population;

  beforeAll(async () => {
    t = await createTestApp({ clock: new FixedClock(NOW) });
    p = await seedPopulation(t);
  }, 60000);
  afterAll(async () => t?.close());

  async function csv(bearer: string, table: string, query = ''): Promise<string[][]> {
    const response = await t
      .http()
      .get(`/api/reports/exports/${table}.csv${query}`)
      .set('Authorization', bearer)
      .expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="academy-${table}-2026-11-26.csv"`,
    );
    return parse(response.text) as string[][];
  }

  const PERSON = ['user_id', 'employee_number', 'name', 'team', 'cohort'];

  it('should list every exportable table with its columns', async () => {
    const { body } = await t
      .http()
      .get('/api/reports/exports')
      .set('Authorization', p.hr)
      .expect(200);
    expect(body.map((table: { name: string }) => table.name)).toEqual([
      'people',
      'certificates',
      'exam-attempts',
      'simulation-sessions',
      'assignments',
      'position-history',
      'rotation-moves',
      'rotation-reviews',
    ]);
  });

  it('should export people with their current position, in name order', async () => {
    const [header, ...rows] = await csv(p.hr, 'people');
    expect(header).toEqual([
      ...PERSON,
      'email',
      'active',
      'current_position_id',
      'current_position',
      'position_since',
      'created_at',
      'last_login_at',
    ]);
    expect(rows.map((row) => row[2])).toEqual(['Ann', 'Bob', 'Cat', 'Tara Trainee']);
    expect(rows[0].slice(0, 10)).toEqual([
      p.ann.id,
      'E-Ann',
      'Ann',
      'North',
      'C1',
      'ann@reports.test',
      'true',
      'complaints-desk',
      'Complaints desk',
      '2026-10-15',
    ]);
  });

  it('should export every certificate cycle with where it stands today', async () => {
    const [header, ...rows] = await csv(p.hr, 'certificates');
    expect(header).toEqual([
      'certificate_id',
      ...PERSON,
      'programme_id',
      'programme_title',
      'programme_version',
      'cycle',
      'status',
      'issued_at',
      'expires_at',
      'renewal_opens_at',
      'revoked_at',
      'revoked_reason',
      'superseded_by',
    ]);
    // Issued order; Ann's privacy certificate expired, Bob's complaint handler was revoked.
    expect(rows.map((row) => [row[3], row[6], row[9], row[10]])).toEqual([
      ['Cat', 'contact-centre-agent', '1', 'superseded'],
      ['Bob', 'contact-centre-agent', '1', 'expiring'],
      ['Ann', 'contact-centre-agent', '1', 'expiring'],
      ['Ann', 'data-privacy-compliance', '1', 'expired'],
      ['Bob', 'complaint-handler', '1', 'revoked'],
      ['Cat', 'contact-centre-agent', '2', 'active'],
    ]);
    expect(rows[4][15]).toBe('Evidence withdrawn');
    expect(rows[0][11]).toBe('2024-06-01T09:00:00.000Z');
  });

  it('should export exam attempts, sessions, assignments, positions, moves and reviews', async () => {
    const attempts = await csv(p.hr, 'exam-attempts');
    expect(attempts[0]).toEqual([
      'attempt_id',
      ...PERSON,
      'exam_id',
      'exam_title',
      'attempt_number',
      'status',
      'started_at',
      'finished_at',
      'percent',
      'pass_mark',
      'passed',
      'pending_reviews',
    ]);
    expect(attempts.slice(1).map((row) => [row[3], row[6], row[12], row[14]])).toEqual([
      ['Ann', 'onboarding-final', '80', 'true'],
      ['Ann', 'complaint-handler', '60', 'false'],
      ['Bob', 'onboarding-final', '50', 'false'],
      ['Cat', 'onboarding-final', '90', 'true'],
      ['Cat', 'onboarding-final', '', ''],
    ]);
    const sessions = await csv(p.hr, 'simulation-sessions');
    expect(sessions[0].slice(6, 9)).toEqual(['scenario_id', 'scenario_title', 'scenario_version']);
    expect(sessions).toHaveLength(5);
    expect(
      sessions
        .slice(1)
        .filter((row) => row[10] === 'finished')
        .map((row) => [row[3], row[14], row[15], row[16]])
        // Started at the same moment: the id breaks the tie, so sorted by name here.
        .sort((a, b) => a[0].localeCompare(b[0])),
    ).toEqual([
      ['Ann', 'resolved', 'true', '82'],
      ['Bob', 'lost', 'false', '55'],
      ['Cat', 'resolved', 'true', '75'],
    ]);
    const assignments = await csv(p.hr, 'assignments');
    expect(assignments[0].slice(-4)).toEqual(['started_at', 'completed_at', 'score', 'overdue']);
    // Due-date order; the same day in id order, so sorted by name here.
    const byDue = assignments.slice(1).map((row) => [row[9], row[3], row[6], row[10], row[14]]);
    expect(
      byDue.sort((a, b) => a.join().localeCompare(b.join())).map((row) => row.slice(1)),
    ).toEqual([
      ['Ann', 'service-principles', 'completed', 'false'],
      ['Bob', 'service-principles', 'not_started', 'true'],
      ['Cat', 'service-principles', 'not_started', 'true'],
      ['Cat', 'communication-etiquette', 'not_started', 'false'],
    ]);
    const positions = await csv(p.hr, 'position-history', '?team=South');
    expect(positions.slice(1).map((row) => [row[3], row[6], row[8], row[9]])).toEqual([
      ['Cat', 'back-office-verification', '2025-06-01', '2026-09-01'],
      ['Cat', 'front-line-agent', '2026-09-01', ''],
    ]);
    const moves = await csv(p.hr, 'rotation-moves', '?from=2026-10-01&to=2026-12-31');
    expect(moves.slice(1).map((row) => [row[3], row[7], row[9], row[10]])).toEqual([
      ['Ann', 'complaints-desk', '2026-10-15', 'applied'],
      ['Cat', 'quality-inspector', '2026-11-30', 'rejected'],
      ['Bob', 'vip-line', '2026-12-15', 'proposed'],
    ]);
    const reviews = await csv(p.hr, 'rotation-reviews');
    expect(reviews).toEqual([
      ['review_id', ...PERSON, 'move_id', 'reviewer_id', 'rating', 'comments', 'reviewed_at'],
      [
        expect.any(String),
        p.ann.id,
        'E-Ann',
        'Ann',
        'North',
        'C1',
        p.ids.annMove,
        expect.any(String),
        '4',
        'Settled in well',
        '2026-11-16T09:00:00.000Z',
      ],
    ]);
  });

  it('should filter exports by cohort, programme and dates', async () => {
    const cohort = await csv(p.hr, 'exam-attempts', '?cohort=C2');
    expect(cohort.slice(1).map((row) => row[3])).toEqual(['Cat', 'Cat']);
    const programme = await csv(p.hr, 'certificates', '?programme=contact-centre-agent');
    expect(programme).toHaveLength(5);
    const dated = await csv(p.hr, 'exam-attempts', '?from=2026-11-21&to=2026-11-22');
    expect(dated.slice(1).map((row) => row[3])).toEqual(['Bob', 'Cat']);
    const blank = await csv(p.hr, 'people', '?team=&cohort=&from=');
    expect(blank).toHaveLength(5);
  });

  it('should write every export to the audit log with the filters and the row count', async () => {
    await csv(p.hr, 'certificates', '?team=North&programme=contact-centre-agent');
    const { body } = await t
      .http()
      .get('/api/audit?action=report.exported&targetId=certificates')
      .set('Authorization', p.admin)
      .expect(200);
    // Every entry carries the same fixed time: find this one by its filters.
    const entry = body.items.find(
      (item: { summary: { filters?: { team?: string } } }) =>
        item.summary.filters?.team === 'North',
    );
    expect(entry).toMatchObject({
      actorEmail: 'hr@academy.local',
      action: 'report.exported',
      targetType: 'report-export',
      targetId: 'certificates',
      summary: {
        table: 'certificates',
        filters: {
          team: 'North',
          cohort: null,
          programme: 'contact-centre-agent',
          from: null,
          to: null,
        },
        rowCount: 2,
      },
    });
  });

  it('should refuse an unknown table with 404 and bad filters with 400 and field paths', async () => {
    const unknown = await t
      .http()
      .get('/api/reports/exports/salaries.csv')
      .set('Authorization', p.hr)
      .expect(404);
    expect(unknown.body.code).toBe('EXPORT_TABLE_NOT_FOUND');
    const bad = await t
      .http()
      .get('/api/reports/exports/people.csv?from=yesterday&cohort=')
      .set('Authorization', p.hr)
      .expect(400);
    expect(bad.body).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'from', messages: ['from must be a calendar day YYYY-MM-DD'] }],
    });
  });

  it('should list the exports with a filter form whose links keep the filters', async () => {
    const page = await t
      .http()
      .get('/reports/exports?team=South&programme=')
      .set('Authorization', p.hr)
      .expect(200);
    expect(page.text).toContain(
      // Handlebars writes "=" as &#x3D; in attributes; the browser reads it back.
      'href="/api/reports/exports/certificates.csv?team&#x3D;South"',
    );
    expect(page.text).toContain('<form method="get" action="/reports/exports"');
  });

  it('should show dates in the wrong order at the field, keep them and offer no download', async () => {
    const page = await t
      .http()
      .get('/reports/exports?from=2026-12-10&to=2026-12-01')
      .set('Authorization', p.hr)
      .expect(400);
    expect(page.text).toMatch(
      /<p class="field-error" id="exports-to-error" role="alert">Must be on or after from<\/p>/,
    );
    expect(page.text).toContain('name="to" value="2026-12-01" aria-invalid="true"');
    expect(page.text).toContain('name="from" value="2026-12-10"');
    expect(page.text).not.toContain('Download people.csv');
    expect(page.text).toContain('Fix the filters to download');
  });
});
