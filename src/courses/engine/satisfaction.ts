// Training satisfaction as staff may read it: ratings 1–5 counted, and detail only from a
// group large enough that no one's answer can be picked out of it. Pure.

/**
 * Below this many answers in a group (a course, narrowed to a team or cohort), staff see only
 * the count: no mean, no spread, no comments.
 */
export const FEEDBACK_MIN_RESPONSES = 3;

export interface Satisfaction {
  responses: number;
  /** False below the threshold: then only `responses` is given. */
  shown: boolean;
  /** Mean rating to one decimal, or null when not shown. */
  mean: number | null;
  /** How many gave 1, 2, 3, 4 and 5, or null when not shown. */
  distribution: number[] | null;
}

/** What staff may see of a group's ratings, from the answers per rating (index 0 = rating 1). */
export function satisfactionOf(counts: readonly number[]): Satisfaction {
  const responses = counts.reduce((sum, n) => sum + n, 0);
  const shown = responses >= FEEDBACK_MIN_RESPONSES;
  const total = counts.reduce((sum, n, i) => sum + n * (i + 1), 0);
  return {
    responses,
    shown,
    mean: shown ? Math.round((total / responses) * 10) / 10 : null,
    distribution: shown ? [...counts] : null,
  };
}

/** Adds one group's answers for `rating` (1–5) to a per-rating count list. */
export function countRating(
  counts: number[] | undefined,
  rating: number,
  answers: number,
): number[] {
  const list = counts ?? [0, 0, 0, 0, 0];
  if (rating >= 1 && rating <= 5) list[rating - 1] += answers;
  return list;
}
