import {
  courseScore,
  creditSeconds,
  isOverdue,
  MAX_CREDIT_SECONDS,
  percentDone,
  resumeLesson,
} from './course-progress';

const at = (seconds: number): Date => new Date(Date.UTC(2026, 10, 23, 9, 0, seconds));

describe(creditSeconds.name, () => {
  it('should credit what is claimed, but never more than has passed nor the cap', () => {
    expect(creditSeconds({ lastSeenAt: at(0), now: at(30), claimed: 20 })).toBe(20);
    expect(creditSeconds({ lastSeenAt: at(0), now: at(30), claimed: 300 })).toBe(30);
    expect(creditSeconds({ lastSeenAt: at(0), now: at(3600) })).toBe(MAX_CREDIT_SECONDS);
    expect(creditSeconds({ lastSeenAt: at(30), now: at(0) })).toBe(0);
    expect(creditSeconds({ lastSeenAt: null, now: at(30), claimed: 10 })).toBe(0);
  });
});

describe(resumeLesson.name, () => {
  const lessons = ['a', 'b', 'c'];

  it('should start at the first lesson and go back to the last one opened while it is open', () => {
    expect(resumeLesson(lessons, new Set(), null)).toBe('a');
    expect(resumeLesson(lessons, new Set(['a']), 'b')).toBe('b');
  });

  it('should move on past completed lessons, wrapping round, and end with null', () => {
    expect(resumeLesson(lessons, new Set(['b', 'c']), 'b')).toBe('a');
    expect(resumeLesson(lessons, new Set(['a', 'b']), 'b')).toBe('c');
    expect(resumeLesson(lessons, new Set(lessons), 'c')).toBeNull();
  });

  it('should start from the first lesson when the last one opened no longer exists', () => {
    expect(resumeLesson(lessons, new Set(['a']), 'removed')).toBe('b');
  });
});

describe(courseScore.name, () => {
  it('should average the lesson scores to four decimals', () => {
    expect(courseScore([1, 0.5, 2 / 3])).toBe(0.7222);
    expect(courseScore([])).toBe(1);
  });
});

describe(isOverdue.name, () => {
  it('should flag an open course from the day after its due date, never a completed one', () => {
    const now = new Date('2026-11-23T09:00:00Z');
    expect(isOverdue('2026-11-23', false, now)).toBe(false);
    expect(isOverdue('2026-11-22', false, now)).toBe(true);
    expect(isOverdue('2026-11-22', true, now)).toBe(false);
    expect(isOverdue(null, false, now)).toBe(false);
  });
});

describe(percentDone.name, () => {
  it('should round down so 100 % means everything', () => {
    expect(percentDone(2, 3)).toBe(66);
    expect(percentDone(3, 3)).toBe(100);
  });
});
