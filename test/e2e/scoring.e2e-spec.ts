import { createTestApp, TestApp } from '../support/test-app';

describe('Scoring API', () => {
  let t: TestApp;
  let trainer: string;
  let trainee: string;

  beforeAll(async () => {
    t = await createTestApp();
    [trainer, trainee] = await Promise.all([
      t.bearer('trainer@academy.local'),
      t.bearer('trainee@academy.local'),
    ]);
  });
  afterAll(async () => t.close());

  const score = (body: object, auth = trainer) =>
    t.http().post('/api/scoring/score').set('Authorization', auth).send(body);

  it('should score a reply against a shipped rubric with exact evidence spans', async () => {
    const text =
      "I'm so sorry about the double charge, I understand how frustrating that is. I'll refund it today.";
    const response = await score({ text, rubricId: 'billing-complaint', stage: 'middle' }).expect(
      200,
    );
    const report = response.body as {
      rubricId: string;
      overall: number;
      dimensions: Record<string, number | null>;
      evidence: { span: [number, number]; text: string }[];
    };
    expect(report.rubricId).toBe('billing-complaint');
    expect(report.overall).toBeGreaterThanOrEqual(0);
    expect(report.overall).toBeLessThanOrEqual(100);
    expect(report.dimensions.empathy).toBeGreaterThan(0);
    expect(report.evidence.length).toBeGreaterThan(0);
    for (const evidence of report.evidence)
      expect(text.slice(evidence.span[0], evidence.span[1])).toBe(evidence.text);
  });

  it('should give the same report twice for the same input', async () => {
    const body = { text: 'Calm down, that is not my department.', rubricId: 'default' };
    const first = await score(body).expect(200);
    const second = await score(body).expect(200);
    expect(JSON.stringify(second.body)).toBe(JSON.stringify(first.body));
  });

  it('should flag a full card number as a compliance violation without a rubric', async () => {
    const response = await score({
      text: 'Your card number is 4111 1111 1111 1111, thanks.',
    }).expect(200);
    expect(response.body.violations.length).toBeGreaterThan(0);
    expect(response.body.dimensions.compliance).toBeLessThan(100);
  });

  it('should accept an inline rubric and report its field paths when it is invalid', async () => {
    const bad = await score({
      text: 'Hello',
      rubric: { id: 'x', title: 'x', weights: { politeness: 'lots' } },
    }).expect(400);
    expect(bad.body.code).toBe('INVALID_RUBRIC');
    expect(bad.body.errors[0].path).toMatch(/^rubric\./);
  });

  it('should answer 400 with field paths for bad input and an over-long reply', async () => {
    const missing = await score({ stage: 'lunch' }).expect(400);
    expect(missing.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'stage',
      'text',
    ]);
    const long = await score({ text: 'a'.repeat(20001) }).expect(400);
    expect(long.body).toMatchObject({ code: 'TEXT_TOO_LONG', errors: [{ path: 'text' }] });
    await score({ text: 'x', rubricId: 'no-such-rubric' }).expect(404);
  });

  it('should give valid reports for awkward but legal inputs', async () => {
    for (const text of [
      '',
      '   ',
      '您好，請問有什麼可以幫您',
      'Thanks 👍🏽 for waiting',
      'Hi\u0000\u0007 there',
      'a'.repeat(20000),
    ]) {
      const response = await score({ text }).expect(200);
      expect(response.body.overall).toBeGreaterThanOrEqual(0);
    }
  });

  it('should keep the scoring API to trainers and admins', async () => {
    await score({ text: 'Hello' }, trainee).expect(403);
    await t.http().post('/api/scoring/score').send({ text: 'Hello' }).expect(401);
    const rubrics = await t
      .http()
      .get('/api/scoring/rubrics')
      .set('Authorization', trainer)
      .expect(200);
    expect(rubrics.body.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining([
        'default',
        'greeting-caller',
        'billing-complaint',
        'verify-identity',
      ]),
    );
  });
});
