import { DEFAULT_RUBRIC } from './default-rubric';
import { ScoringEngine } from './scoring.engine';
import { DIMENSIONS, Rubric, ScoreReport } from './types';

const engine = new ScoringEngine();
const rubric = (overrides: Partial<Rubric>): Rubric => ({
  ...DEFAULT_RUBRIC,
  id: 'test',
  ...overrides,
});

const expectValid = (text: string, report: ScoreReport): void => {
  expect(Number.isInteger(report.overall)).toBe(true);
  expect(report.overall).toBeGreaterThanOrEqual(0);
  expect(report.overall).toBeLessThanOrEqual(100);
  for (const dimension of DIMENSIONS) {
    const value = report.dimensions[dimension];
    if (value !== null) expect(value >= 0 && value <= 100 && Number.isInteger(value)).toBe(true);
  }
  for (const item of [...report.evidence, ...report.violations]) {
    expect(text.slice(item.span[0], item.span[1])).toBe(item.text);
  }
};

describe(ScoringEngine.name, () => {
  it('should score against the default rubric when the input gives none', () => {
    const report = engine.score({ text: 'Thanks for calling, how can I help?' });
    expect(report.rubricId).toBe('default');
    expect(report.dimensions.keywords).toBeNull();
    expect(report.dimensions.politeness).toBeGreaterThan(80);
  });

  it('should report null for dimensions the rubric does not weight', () => {
    const report = engine.score({
      text: 'Hello there.',
      rubric: rubric({ weights: { politeness: 1 } }),
    });
    expect(report.dimensions).toEqual({
      politeness: report.dimensions.politeness,
      empathy: null,
      keywords: null,
      compliance: null,
      structure: null,
      clarity: null,
    });
    expect(report.overall).toBe(report.dimensions.politeness);
    expect(report.evidence.every((item) => item.dimension === 'politeness')).toBe(true);
  });

  it('should compute overall as the weighted mean of the measured dimensions', () => {
    const weights = { politeness: 3, compliance: 1 };
    const report = engine.score({
      text: 'Thank you so much for waiting.',
      rubric: rubric({ weights }),
    });
    const expected = (3 * report.dimensions.politeness! + 1 * report.dimensions.compliance!) / 4;
    expect(Math.abs(report.overall - expected)).toBeLessThanOrEqual(1);
  });

  it('should cap overall at the rubric violation cap when there is a violation', () => {
    const text =
      'Thank you so much for calling, the card on file is 4111 1111 1111 1111, have a lovely day!';
    const capped = engine.score({ text, rubric: rubric({ violationCap: 25 }) });
    expect(capped.violations.map((v) => v.rule)).toEqual(['card-number']);
    expect(capped.overall).toBe(25);
    expect(capped.passed).toBe(false);
  });

  it('should report violations and cap overall even when compliance is not weighted', () => {
    const report = engine.score({
      text: 'Lovely, thank you, your password is hunter2.',
      rubric: rubric({ weights: { politeness: 1 }, violationCap: 10 }),
    });
    expect(report.dimensions.compliance).toBeNull();
    expect(report.violations).toHaveLength(1);
    expect(report.overall).toBe(10);
  });

  it('should pass a reply at or above the pass mark and fail one below', () => {
    const good = engine.score({
      text: "I'm so sorry about that, I understand how frustrating it is. Thanks for your patience.",
    });
    const cold = engine.score({ text: 'Restart the router.' });
    expect(good.passed).toBe(good.overall >= DEFAULT_RUBRIC.passMark);
    expect(good.passed).toBe(true);
    expect(cold.passed).toBe(false);
  });

  it('should give tips for the weakest dimensions, rubric tips first', () => {
    const custom = rubric({ tips: { empathy: 'Say how the customer must feel.' } });
    const report = engine.score({ text: 'Restart the router.', rubric: custom });
    expect(report.tips).toContain('Say how the customer must feel.');
    expect(report.tips.length).toBeGreaterThan(0);
    expect(report.tips.length).toBeLessThanOrEqual(3);
  });

  it('should name missing concepts and structure elements in the tips', () => {
    const withConcepts = rubric({
      weights: { keywords: 1, structure: 1 },
      concepts: [{ id: 'refund', label: 'Offer a refund', phrases: ['refund'], weight: 1 }],
    });
    const report = engine.score({ text: 'Hello there.', rubric: withConcepts, stage: 'opening' });
    expect(report.tips.join(' ')).toContain('Missing: Offer a refund.');
    expect(report.tips.join(' ')).toContain('your name');
  });

  it('should use the rubric stage when the input has none', () => {
    const opening = rubric({ stage: 'opening', weights: { structure: 1 } });
    expect(
      engine.score({ text: 'Hello, my name is Li.', rubric: opening }).dimensions.structure,
    ).toBe(70);
    expect(
      engine.score({ text: 'Hello, my name is Li.', rubric: opening, stage: 'middle' }).dimensions
        .structure,
    ).toBeNull();
  });

  it('should order evidence by dimension, then by position', () => {
    const report = engine.score({
      text: "I'm sorry, I understand how worrying that is. Thank you for waiting.",
    });
    const order = report.evidence.map(
      (item) => DIMENSIONS.indexOf(item.dimension) * 1e6 + item.span[0],
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('should return the same report, byte for byte, for the same input', () => {
    const input = {
      text: 'Hi, could you confirm your date of birth? Thanks! 😀 您好',
      stage: 'opening' as const,
    };
    const first = JSON.stringify(engine.score(input));
    expect(JSON.stringify(new ScoringEngine().score(input))).toBe(first);
    expect(JSON.stringify(engine.score(input))).toBe(first);
  });

  describe('robustness', () => {
    it.each([
      ['empty', ''],
      ['whitespace only', ' \n\t  \r\n '],
      ['emoji', '🙂🙂 👍🏽 thanks!! 🎉'],
      ['Chinese', '您好，請問有什麼可以幫您'],
      ['mixed script', 'Hello 您好 Привет مرحبا — could you help? 👋'],
      ['control characters', 'Hi\u0000\u0001\u0007 there\u001b[31m red\u007f \u0085 ok'],
      ['lone surrogates', 'broken \ud83d text \udc00 here'],
      ['20,000 characters', 'Thank you for waiting, I will sort this out today. '.repeat(400)],
      ['one 20,000-character word', 'a'.repeat(20000)],
      ['an empty token between dots (found by fast-check)', 'A0..Thanks so much! '],
    ])('should give a valid report for %s input', (_name, text) => {
      const report = engine.score({ text, stage: 'closing' });
      expect(report.rubricId).toBe(DEFAULT_RUBRIC.id);
      expectValid(text, report);
    });

    it('should score an empty reply 0 and say so in the tips', () => {
      const report = engine.score({ text: '   ' });
      expect(report.overall).toBe(0);
      expect(report.passed).toBe(false);
      expect(report.tips).toHaveLength(1);
    });

    it('should treat a text that is not a string as empty', () => {
      expect(engine.score({ text: null as unknown as string }).overall).toBe(0);
    });
  });

  describe('spans', () => {
    it('should give exact spans on text with emoji, accents and CJK before the match', () => {
      const text = '😀 Café — 您好！ I’m so sorry, could you please confirm your date of birth? 👍🏽';
      const report = engine.score({ text });
      expectValid(text, report);
      const apology = report.evidence.find((item) => item.rule === 'apology')!;
      expect(apology.text).toBe('so sorry');
      expect(apology.span[0]).toBe(text.indexOf('so sorry'));
      const please = report.evidence.find((item) => item.rule === 'please-medial')!;
      expect(text.slice(...please.span)).toBe('please');
    });

    it('should give exact spans for violations after astral characters', () => {
      const text = '🎉🎉 card 4111 1111 1111 1111';
      const [violation] = engine.score({ text }).violations;
      expect(violation.span).toEqual([text.indexOf('4111'), text.length]);
    });
  });
});
