import type { ExamAttempt } from './exam-attempt.entity';
import type { ExamDefinition } from './exam-definition';
import { availabilityOf } from './exam-overview';

const exam: ExamDefinition = {
  id: 'returns-policy',
  title: 'Returns policy',
  description: null,
  timeLimitMinutes: 30,
  passMark: 70,
  attemptsAllowed: 0,
  waitBetweenAttemptsHours: 24,
  reviewPolicy: 'after-submit',
  closesAt: null,
  shuffleQuestions: false,
  shuffleChoices: false,
  sections: [],
  requiredFor: [],
};

function finishedAt(iso: string): ExamAttempt {
  return { id: 'a1', status: 'finished', finishedAt: new Date(iso) } as ExamAttempt;
}

describe('availabilityOf', () => {
  it('says when the next attempt can start in the date format of the pages', () => {
    const availability = availabilityOf(
      exam,
      [finishedAt('2026-12-07T21:16:23.474Z')],
      new Date('2026-12-08T09:00:00Z'),
    );
    expect(availability.reason).toBe('The next attempt can start at 2026-12-08 21:16 UTC');
    expect(availability.nextStartAt).toEqual(new Date('2026-12-08T21:16:23.474Z'));
  });

  it('says when the exam closed in the date format of the pages', () => {
    const closed = { ...exam, closesAt: new Date('2026-06-30T23:59:00Z') };
    const availability = availabilityOf(closed, [], new Date('2026-07-01T08:00:00Z'));
    expect(availability.reason).toBe('The exam closed on 2026-06-30 23:59 UTC');
    expect(availability.canStart).toBe(false);
  });
});
