import { reviewAgreement } from './review-agreement.cli';

// Lines in the shape of the reviewed-replies export. The "engine" blocks are made up to
// disagree with the reviewers, as an older engine or rubric might have; the current engine
// judges both replies the reviewers' way.
const POLITE =
  'Thank you so much for your patience, I completely understand how frustrating this must be. I will sort this out for you now.';
const RUDE = 'Calm down, that is not my department.';
const line = (
  id: string,
  text: string,
  reviewer: { verdict: string; politeness: number | null },
  engine: { passed: boolean; politeness: number | null },
): string =>
  JSON.stringify({
    id,
    text,
    reviewer: { ...reviewer, empathy: null },
    engine: { overall: 50, ...engine, empathy: null },
  });

describe(reviewAgreement.name, () => {
  const summary = reviewAgreement([
    line('polite', POLITE, { verdict: 'pass', politeness: 5 }, { passed: false, politeness: 10 }),
    line('rude', RUDE, { verdict: 'fail', politeness: 1 }, { passed: true, politeness: 90 }),
    '',
    '{not json',
    JSON.stringify({ id: 'unreviewed', text: 'Hello', engine: { passed: true } }),
  ]);

  it('should compare the stored scores with the reviewers', () => {
    expect(summary.replies).toBe(2);
    expect(summary.then.verdict).toMatchObject({ n: 2, agreement: 0, firstOnly: 1, secondOnly: 1 });
    expect(summary.then.politeness).toMatchObject({ n: 2, exact: 0, spearman: -1 });
  });

  it('should re-score each reply with this engine and count the verdicts that changed', () => {
    expect(summary.now.verdict).toMatchObject({ n: 2, agreement: 1, bothPass: 1, bothFail: 1 });
    expect(summary.now.politeness.spearman).toBe(1);
    expect(summary.changedVerdicts).toBe(2);
  });

  it('should report unreadable lines by number and skip blank ones', () => {
    expect(summary.errors).toEqual([
      { line: 4, error: 'not valid JSON' },
      { line: 5, error: '"reviewer.verdict" must be pass or fail' },
    ]);
  });
});
