// Progress arithmetic of a course: where to resume, how much reading time to credit, the
// course score and whether an assignment is overdue. `now` is always a parameter.

/** The most time one report (heartbeat, completion) credits: a tab left open is not study time. */
export const MAX_CREDIT_SECONDS = 300;

/**
 * Seconds to add for a report at `now`: what the client claims (or, when it claims nothing,
 * the time since the last report), never more than has passed since then, nor the cap.
 */
export function creditSeconds(input: {
  lastSeenAt: Date | null;
  now: Date;
  claimed?: number;
}): number {
  if (!input.lastSeenAt) return 0;
  const elapsed = Math.max(
    0,
    Math.floor((input.now.getTime() - input.lastSeenAt.getTime()) / 1000),
  );
  const wanted = input.claimed ?? elapsed;
  return Math.max(0, Math.min(wanted, elapsed, MAX_CREDIT_SECONDS));
}

/**
 * Where "resume" leads: the last lesson opened if it is still open, else the next lesson not
 * completed after it (wrapping round), else null when everything is done.
 */
export function resumeLesson(
  lessonIds: readonly string[],
  completed: ReadonlySet<string>,
  lastLessonId: string | null,
): string | null {
  const start = lastLessonId ? Math.max(0, lessonIds.indexOf(lastLessonId)) : 0;
  for (let step = 0; step < lessonIds.length; step++) {
    const id = lessonIds[(start + step) % lessonIds.length];
    if (!completed.has(id)) return id;
  }
  return null;
}

/** Mean of the lesson scores (0..1), exact to four decimals for storage. */
export function courseScore(lessonScores: readonly number[]): number {
  if (lessonScores.length === 0) return 1;
  const mean = lessonScores.reduce((sum, score) => sum + score, 0) / lessonScores.length;
  return Math.round(mean * 10000) / 10000;
}

/** Due dates are calendar days (YYYY-MM-DD, UTC): overdue from the day after, unless completed. */
export function isOverdue(dueDate: string | null, completed: boolean, now: Date): boolean {
  if (!dueDate || completed) return false;
  return dueDate < now.toISOString().slice(0, 10);
}

/** Whole percent of lessons completed, for badges and tables. */
export function percentDone(completedCount: number, lessonCount: number): number {
  return lessonCount === 0 ? 100 : Math.floor((completedCount * 100) / lessonCount);
}
