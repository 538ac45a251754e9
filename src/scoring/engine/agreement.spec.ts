import {
  judgementAgreement,
  ratingAgreement,
  ratingBand,
  spearman,
  verdictAgreement,
} from './agreement';

const repeat = <T>(times: number, value: T): T[] => Array.from({ length: times }, () => value);

describe(verdictAgreement.name, () => {
  it("should count the four cells and give Cohen's kappa", () => {
    // 7 of 10 agree; pass rates 0.6 and 0.5 give chance agreement 0.5, so kappa = 0.2 / 0.5.
    const result = verdictAgreement([
      ...repeat(4, [true, true] as const),
      ...repeat(3, [false, false] as const),
      ...repeat(2, [true, false] as const),
      ...repeat(1, [false, true] as const),
    ]);
    expect(result).toMatchObject({ n: 10, bothPass: 4, bothFail: 3, firstOnly: 2, secondOnly: 1 });
    expect(result.agreement).toBeCloseTo(0.7, 12);
    expect(result.kappa).toBeCloseTo(0.4, 12);
  });

  it('should give a negative kappa when the judges disagree more than chance would', () => {
    const result = verdictAgreement([
      [true, false],
      [false, true],
    ]);
    expect(result.agreement).toBe(0);
    expect(result.kappa).toBeCloseTo(-1, 12);
  });

  it('should leave kappa undefined when both judges always say the same thing', () => {
    const result = verdictAgreement(repeat(3, [true, true] as const));
    expect(result.agreement).toBe(1);
    expect(result.kappa).toBeNull();
  });

  it('should give nulls, not NaN, without pairs', () => {
    expect(verdictAgreement([])).toEqual({
      n: 0,
      bothPass: 0,
      bothFail: 0,
      firstOnly: 0,
      secondOnly: 0,
      agreement: null,
      kappa: null,
    });
  });
});

describe(ratingBand.name, () => {
  it.each([
    [0, 1],
    [19.99, 1],
    [20, 2],
    [59.5, 3],
    [79.9, 4],
    [80, 5],
    [100, 5],
  ])('should put %p in band %p', (score, band) => {
    expect(ratingBand(score)).toBe(band);
  });
});

describe(ratingAgreement.name, () => {
  it('should count exact and within-one bands and rank-correlate the raw scores', () => {
    const result = ratingAgreement([
      { score: 85, rating: 5 },
      { score: 50, rating: 4 },
      { score: 10, rating: 4 },
    ]);
    expect(result.n).toBe(3);
    expect(result.exact).toBeCloseTo(1 / 3, 12);
    expect(result.withinOne).toBeCloseTo(2 / 3, 12);
    // Ranks [3, 2, 1] against [3, 1.5, 1.5]: 1.5 / sqrt(2 × 1.5).
    expect(result.spearman).toBeCloseTo(1.5 / Math.sqrt(3), 12);
  });

  it('should give nulls without pairs', () => {
    expect(ratingAgreement([])).toEqual({ n: 0, exact: null, withinOne: null, spearman: null });
  });
});

describe(spearman.name, () => {
  it('should give tied values their mean rank', () => {
    // y ranks [1, 2, 3.5, 5, 3.5]: covariance 8, variances 10 and 9.5.
    expect(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(8 / Math.sqrt(95), 12);
  });

  it('should be 1 for the same order and -1 for the reverse, whatever the scale', () => {
    expect(spearman([1, 10, 100], [0.1, 0.2, 0.3])).toBeCloseTo(1, 12);
    expect(spearman([1, 10, 100], [3, 2, 1])).toBeCloseTo(-1, 12);
  });

  it('should be undefined for one pair or a side without spread', () => {
    expect(spearman([1], [2])).toBeNull();
    expect(spearman([1, 2, 3], [4, 4, 4])).toBeNull();
  });

  it('should refuse lists of different lengths', () => {
    expect(() => spearman([1, 2], [1])).toThrow(RangeError);
  });
});

describe(judgementAgreement.name, () => {
  it('should pair verdicts engine first and leave out ratings either side did not give', () => {
    const result = judgementAgreement([
      {
        engine: { passed: true, politeness: 90, empathy: null },
        person: { passed: false, politeness: 5, empathy: 4 },
      },
      {
        engine: { passed: false, politeness: 10, empathy: 30 },
        person: { passed: false, politeness: null, empathy: 2 },
      },
    ]);
    expect(result.verdict).toMatchObject({ n: 2, firstOnly: 1, bothFail: 1, secondOnly: 0 });
    expect(result.politeness).toMatchObject({ n: 1, exact: 1 });
    expect(result.empathy).toMatchObject({ n: 1, exact: 1 });
  });
});
