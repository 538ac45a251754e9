import { QuestionFactory } from '../../../test/factories/question.factory';
import { examStatistics, StatisticsAttempt } from './item-statistics';

const q1 = QuestionFactory.single({ id: 'q1' });
const q2 = QuestionFactory.truefalse({ id: 'q2' });

// Four attempts of a two-question exam, pass mark 50 %: (q1, q2) = (1,1) (1,0) (0,0) (1,1).
function attempt(a: number, b: number): StatisticsAttempt {
  const percent = ((a + b) / 2) * 100;
  return {
    percent,
    passed: percent >= 50,
    items: [
      { itemKey: '0.0', question: q1, response: { choice: a ? 0 : 1 }, fraction: a, maxMark: 1 },
      { itemKey: '0.1', question: q2, response: { answer: b === 1 }, fraction: b, maxMark: 1 },
    ],
  };
}

describe(examStatistics.name, () => {
  const statistics = examStatistics([attempt(1, 1), attempt(1, 0), attempt(0, 0), attempt(1, 1)]);

  it('should give the mean, sample standard deviation and pass rate of the exam', () => {
    expect(statistics.attempts).toBe(4);
    expect(statistics.meanPercent).toBe(62.5);
    // sqrt(((37.5² · 2) + 12.5² + 62.5²) / 3)
    expect(statistics.standardDeviation).toBeCloseTo(Math.sqrt(6875 / 3), 6);
    expect(statistics.passRate).toBe(75);
  });

  it("should compute Cronbach's alpha over the exam's items", () => {
    // k = 2, item variances 1/4 and 1/3, total variance 11/12: α = 2 · (1 − (7/12) / (11/12)) = 8/11.
    expect(statistics.cronbachAlpha).toBeCloseTo(8 / 11, 6);
  });

  it('should give each question its facility, discrimination and upper/lower 27 % index', () => {
    const [first, second] = statistics.questions;
    expect(first).toMatchObject({
      questionId: 'q1',
      attempts: 4,
      facilityIndex: 75,
      upperLowerIndex: 100,
    });
    // Pearson r of q1 with the rest of the exam (q2): (1/6) / sqrt(1/4 · 1/3) = 1/√3.
    expect(first.discriminationIndex).toBeCloseTo(100 / Math.sqrt(3), 5);
    expect(second).toMatchObject({ questionId: 'q2', facilityIndex: 50 });
  });

  it('should count how often each option was chosen, unchosen options included', () => {
    expect(statistics.questions[0].responses).toEqual([
      { label: 'yellow', fraction: 1, count: 3 },
      { label: 'red', fraction: 0, count: 1 },
      { label: 'blue', fraction: -0.5, count: 0 },
      { label: '(no answer)', fraction: null, count: 0 },
    ]);
    expect(statistics.questions[1].responses).toEqual([
      { label: 'True', fraction: 1, count: 2 },
      { label: 'False', fraction: 0, count: 2 },
      { label: '(no answer)', fraction: null, count: 0 },
    ]);
  });

  it('should leave out what cannot be computed from too few attempts', () => {
    expect(examStatistics([])).toEqual({
      attempts: 0,
      meanPercent: null,
      standardDeviation: null,
      passRate: null,
      cronbachAlpha: null,
      questions: [],
    });
    const single = examStatistics([attempt(1, 0)]);
    expect(single).toMatchObject({ standardDeviation: null, cronbachAlpha: null });
    expect(single.questions[0]).toMatchObject({ discriminationIndex: null, upperLowerIndex: null });
  });
});
