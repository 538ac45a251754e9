import { QuestionFactory } from '../../../test/factories/question.factory';
import { feedbackFor, rightAnswer } from './item-feedback';
import { gradeResponse, matchShortAnswer } from './item.grader';
import { QuestionDefinition, QuestionResponse } from './question.types';
import { normalizeResponse, parseNumber, summarizeResponse } from './response';

const unused = (): never => {
  throw new Error('not free text');
};
const fraction = (question: QuestionDefinition, response: QuestionResponse): number =>
  gradeResponse(question, response, unused).fraction;

describe(gradeResponse.name, () => {
  it('should give the chosen option its fraction and floor a negative one at zero (single)', () => {
    const question = QuestionFactory.single();
    expect([0, 1, 2].map((choice) => fraction(question, { choice }))).toEqual([1, 0, 0]);
  });

  it('should add the weights of the chosen options and cap the sum at one (multiple)', () => {
    const question = QuestionFactory.multiple();
    expect(fraction(question, { choices: [0] })).toBe(0.5);
    expect(fraction(question, { choices: [0, 1] })).toBe(1);
    expect(fraction(question, { choices: [0, 1, 2] })).toBe(0);
    expect(fraction(question, { choices: [0, 1, 3] })).toBe(1);
  });

  it('should honour case sensitivity, wildcards and literal stars (short)', () => {
    const question = QuestionFactory.short({
      caseSensitive: true,
      answers: [
        { text: 'GDPR', fraction: 1, feedback: null },
        { text: 'data \\* protection*', fraction: 0.5, feedback: null },
      ],
    });
    expect(matchShortAnswer(question, 'GDPR')).toBe(0);
    expect(matchShortAnswer(question, 'gdpr')).toBeNull();
    expect(matchShortAnswer(question, 'data * protection regulation')).toBe(1);
    expect(matchShortAnswer(question, 'data protection')).toBeNull();
    expect(matchShortAnswer(question, '')).toBeNull();
    expect(fraction(QuestionFactory.short(), { text: 'Tier.2' })).toBe(0.5);
  });

  it('should accept values within the tolerance, ranges, the unit and a decimal comma (numerical)', () => {
    const pi = QuestionFactory.numerical({
      unit: null,
      answers: [{ value: 3.1415, tolerance: 0.0005, fraction: 1, feedback: null }],
    });
    expect(
      ['3.141', '3.142', '3,1415', '3.1421', '3.1409'].map((text) => fraction(pi, { text })),
    ).toEqual([1, 1, 1, 0, 0]);
    const question = QuestionFactory.numerical();
    expect(
      ['15', '15min', '15 MIN', '10', '30.0', '31', 'abc'].map((text) =>
        fraction(question, { text }),
      ),
    ).toEqual([1, 1, 1, 0.5, 0.5, 0, 0]);
    expect(parseNumber('-2e3', null)).toBe(-2000);
    expect(parseNumber('1.2.3', null)).toBeNull();
  });

  it('should give the share of left sides matched right (matching)', () => {
    const question = QuestionFactory.matching();
    expect(
      fraction(question, { matches: ['15 minutes', '1 hour', '4 hours', 'next working day'] }),
    ).toBe(1);
    expect(fraction(question, { matches: ['1 hour', '15 minutes', '4 hours', null] })).toBe(0.25);
  });

  it('should turn the scoring report into a fraction (free text)', () => {
    const score = { overall: 73, passed: true, tips: [], violations: [], missedConcepts: [] };
    expect(gradeResponse(QuestionFactory.freetext(), { text: 'Sorry' }, () => score)).toEqual({
      fraction: 0.73,
      matched: null,
      score,
    });
  });
});

describe(normalizeResponse.name, () => {
  it('should refuse responses of the wrong shape or out of range', () => {
    expect(normalizeResponse(QuestionFactory.single(), { choice: 3 })).toMatchObject({ ok: false });
    expect(normalizeResponse(QuestionFactory.single(), { choice: 0, extra: 1 })).toMatchObject({
      ok: false,
    });
    expect(normalizeResponse(QuestionFactory.multiple(), { choices: [0, 9] })).toMatchObject({
      ok: false,
    });
    expect(normalizeResponse(QuestionFactory.truefalse(), { answer: 'yes' })).toMatchObject({
      ok: false,
    });
    expect(normalizeResponse(QuestionFactory.short(), { text: 'x'.repeat(501) })).toMatchObject({
      ok: false,
    });
    expect(
      normalizeResponse(QuestionFactory.matching(), { matches: ['Paris', null, null, null] }),
    ).toMatchObject({ ok: false });
    expect(normalizeResponse(QuestionFactory.matching(), { matches: [null] })).toMatchObject({
      ok: false,
    });
    expect(normalizeResponse(QuestionFactory.freetext(), null)).toMatchObject({ ok: false });
  });
});

describe(feedbackFor.name, () => {
  it('should give the feedback of what was answered, the general feedback and the key', () => {
    expect(feedbackFor(QuestionFactory.single(), { choice: 1 }, null)).toEqual({
      answerFeedback: ['No, red comes before orange.'],
      generalFeedback: 'General.',
      rightAnswer: 'yellow',
    });
    expect(
      feedbackFor(QuestionFactory.truefalse(), { answer: false }, null).answerFeedback,
    ).toEqual(['It is one working day.']);
    expect(feedbackFor(QuestionFactory.numerical(), { text: '99' }, null).answerFeedback).toEqual([
      'See the response clock lesson.',
    ]);
    expect(rightAnswer(QuestionFactory.numerical())).toBe('15 min');
    expect(rightAnswer(QuestionFactory.multiple())).toBe('date of birth; postcode');
    expect(
      summarizeResponse(QuestionFactory.matching(), { matches: ['1 hour', null, null, null] }),
    ).toBe('P1 → 1 hour; P2 → –; P3 → –; P4 → –');
  });
});
