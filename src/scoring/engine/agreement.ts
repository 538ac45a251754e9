// How far two judges agree on the same replies: the engine and a trainer, or two trainers.
// Used by the trainer-review report to show where the scores can be trusted and where not.

/** Counts and agreement statistics for pass/fail judgements made in pairs. */
export interface VerdictAgreement {
  n: number;
  /** Pairs where both said pass / both said fail / only the first / only the second. */
  bothPass: number;
  bothFail: number;
  firstOnly: number;
  secondOnly: number;
  /** Share of pairs that agree, 0–1; null without pairs. */
  agreement: number | null;
  /**
   * Cohen's kappa: agreement beyond what the two judges' pass rates give by chance. Null without
   * pairs or when chance alone agrees on every pair (both judges always say the same thing).
   */
  kappa: number | null;
}

/** Agreement of a 0–100 score with a 1–5 rating of the same reply. */
export interface RatingAgreement {
  n: number;
  /** Share of pairs whose score falls in the rating's band (`ratingBand`), 0–1. */
  exact: number | null;
  /** Share within one band. */
  withinOne: number | null;
  /** Spearman's rank correlation of the unrounded scores with the ratings; null when undefined. */
  spearman: number | null;
}

/** What the engine said of one reply (scores 0–100) and what a person said (ratings 1–5). */
export interface JudgedReply {
  engine: { passed: boolean; politeness: number | null; empathy: number | null };
  person: { passed: boolean; politeness: number | null; empathy: number | null };
}

/** The engine against people on the same replies: verdicts, and each rated dimension. */
export interface JudgementAgreement {
  verdict: VerdictAgreement;
  politeness: RatingAgreement;
  empathy: RatingAgreement;
}

/** Agreement on pass/fail (engine first), and of scores with ratings where both were given. */
export function judgementAgreement(replies: readonly JudgedReply[]): JudgementAgreement {
  const ratings = (dimension: 'politeness' | 'empathy') =>
    replies.flatMap(({ engine, person }) => {
      const score = engine[dimension];
      const rating = person[dimension];
      return score === null || rating === null ? [] : [{ score, rating }];
    });
  return {
    verdict: verdictAgreement(replies.map(({ engine, person }) => [engine.passed, person.passed])),
    politeness: ratingAgreement(ratings('politeness')),
    empathy: ratingAgreement(ratings('empathy')),
  };
}

/** The 1–5 rating band of a 0–100 score: 0–19 → 1, 20–39 → 2, …, 80–100 → 5. */
export function ratingBand(score: number): number {
  return Math.min(5, Math.max(1, Math.floor(score / 20) + 1));
}

/** Agreement of pairs of pass (true) / fail (false) judgements, first vs second. */
export function verdictAgreement(
  pairs: readonly (readonly [boolean, boolean])[],
): VerdictAgreement {
  let bothPass = 0;
  let bothFail = 0;
  let firstOnly = 0;
  let secondOnly = 0;
  for (const [first, second] of pairs) {
    if (first && second) bothPass += 1;
    else if (!first && !second) bothFail += 1;
    else if (first) firstOnly += 1;
    else secondOnly += 1;
  }
  const n = pairs.length;
  const counts = { n, bothPass, bothFail, firstOnly, secondOnly };
  if (n === 0) return { ...counts, agreement: null, kappa: null };
  const observed = (bothPass + bothFail) / n;
  const firstPass = (bothPass + firstOnly) / n;
  const secondPass = (bothPass + secondOnly) / n;
  const chance = firstPass * secondPass + (1 - firstPass) * (1 - secondPass);
  return {
    ...counts,
    agreement: observed,
    kappa: chance === 1 ? null : (observed - chance) / (1 - chance),
  };
}

/** Agreement of engine scores (0–100) with people's ratings (1–5) of the same replies. */
export function ratingAgreement(
  pairs: readonly { score: number; rating: number }[],
): RatingAgreement {
  const n = pairs.length;
  if (n === 0) return { n, exact: null, withinOne: null, spearman: null };
  let exact = 0;
  let withinOne = 0;
  for (const { score, rating } of pairs) {
    const distance = Math.abs(ratingBand(score) - rating);
    if (distance === 0) exact += 1;
    if (distance <= 1) withinOne += 1;
  }
  return {
    n,
    exact: exact / n,
    withinOne: withinOne / n,
    spearman: spearman(
      pairs.map((pair) => pair.score),
      pairs.map((pair) => pair.rating),
    ),
  };
}

/**
 * Spearman's ρ: Pearson's correlation of the ranks, tied values sharing their mean rank. Null
 * for fewer than two pairs or when either side has no spread (the correlation is undefined).
 */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new RangeError('spearman needs two lists of equal length');
  if (xs.length < 2) return null;
  const rx = ranks(xs);
  const ry = ranks(ys);
  const mean = (xs.length + 1) / 2;
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  for (let i = 0; i < rx.length; i += 1) {
    const dx = rx[i] - mean;
    const dy = ry[i] - mean;
    covariance += dx * dy;
    varianceX += dx * dx;
    varianceY += dy * dy;
  }
  if (varianceX === 0 || varianceY === 0) return null;
  return covariance / Math.sqrt(varianceX * varianceY);
}

/** 1-based ranks; a run of equal values takes the mean of the ranks it spans. */
function ranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const result = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1].value === order[start].value) end += 1;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k += 1) result[order[k].index] = rank;
    start = end + 1;
  }
  return result;
}
