import { analyseCompliance } from './compliance.analyzer';
import { DEFAULT_RUBRIC } from './default-rubric';
import { compileRubric } from './rubric.compiler';
import { findSensitiveData, luhnValid } from './sensitive-data';
import { tokenize } from './tokens';
import { Rubric } from './types';

const compliance = (text: string, rubric: Rubric = DEFAULT_RUBRIC) =>
  analyseCompliance(tokenize(text), rubric, compileRubric(rubric));
const violated = (text: string, rubric?: Rubric): string[] =>
  compliance(text, rubric).violations.map((v) => v.rule);

describe(analyseCompliance.name, () => {
  describe('payment cards', () => {
    it.each([
      '4111 1111 1111 1111',
      '4111-1111-1111-1111',
      '5555555555554444',
      '4539 1488 0343 6467',
    ])('should flag a Luhn-valid card number read out: %s', (card) => {
      const text = `The card on file is ${card}, is that right?`;
      const result = compliance(text);
      expect(result.violations.map((v) => v.rule)).toEqual(['card-number']);
      expect(result.violations[0].text).toBe(card);
      expect(text.slice(...result.violations[0].span)).toBe(card);
    });

    it('should not flag a number that fails the Luhn check', () => {
      expect(luhnValid('4111111111111112')).toBe(false);
      expect(violated('The reference is 4111 1111 1111 1112.')).toEqual([]);
    });

    it.each(['**** **** **** 1111', 'XXXX-XXXX-XXXX-1111', 'the card ending in 1111'])(
      'should accept a masked card: %s',
      (masked) => {
        expect(violated(`I can see ${masked} on the account.`)).toEqual([]);
      },
    );

    it('should find the card number when another number follows it', () => {
      const text = 'Card 4111 1111 1111 1111 12 months ago.';
      const [hit] = findSensitiveData(text);
      expect(text.slice(...hit.span)).toBe('4111 1111 1111 1111');
    });
  });

  describe('national IDs', () => {
    it.each(['11010519491231002X', '123-45-6789', 'AB 12 34 56 C'])(
      'should flag an ID number read out: %s',
      (id) => {
        expect(violated(`Your ID number is ${id}.`)).toEqual(['national-id']);
      },
    );

    it('should not flag an 18-digit number with a wrong check character', () => {
      expect(violated('Your ID number is 110105194912310021.')).toEqual([]);
    });
  });

  describe('secrets', () => {
    it.each([
      'Your password is hunter2.',
      'Your new PIN is 4821.',
      'The one-time code is "ab7-k2".',
    ])('should flag a disclosed secret: %s', (text) => {
      expect(violated(text)).toEqual(['secret-disclosed']);
    });

    it.each([
      'Your password is case-sensitive.',
      'Your PIN is 4 digits long.',
      'Your password is incorrect.',
    ])('should not flag a description of a secret: %s', (text) => {
      expect(violated(text)).toEqual([]);
    });

    it.each([
      'Can you tell me your full PIN?',
      'I need your password to continue.',
      "What's your online banking password?",
    ])('should flag a request for a secret: %s', (text) => {
      expect(violated(text)).toEqual(['secret-requested']);
    });

    it.each([
      'We will never ask you to tell us your PIN.',
      "Please don't share your password with anyone.",
      'Could you confirm the last two digits of your PIN?',
      'Please confirm you have reset your password.',
    ])('should accept a negated or partial request: %s', (text) => {
      expect(violated(text)).toEqual([]);
    });
  });

  describe('promises', () => {
    it.each([
      'I guarantee the engineer will fix it.',
      'This will never happen again.',
      'I promise you will get a full refund.',
      'You will definitely be refunded tomorrow.',
    ])('should flag a promise the agent cannot make: %s', (text) => {
      expect(violated(text)).toEqual(['promise']);
    });

    it.each([
      "I can't guarantee a date, but I will chase it today.",
      "I can't promise a refund, but I will ask billing.",
      "I promise I'll call you back at four.",
      'Certainly, I can help with that.',
    ])('should accept an honest commitment: %s', (text) => {
      expect(violated(text)).toEqual([]);
    });
  });

  describe('rubric forbidden phrases', () => {
    it('should flag a forbidden phrase with the rubric message', () => {
      const [violation] = compliance("Sorry, that's not my department.").violations;
      expect(violation.rule).toBe('forbidden.not-my-department');
      expect(violation.message).toBe(DEFAULT_RUBRIC.forbidden[0].message);
      expect(violation.text).toBe('not my department');
    });

    it('should not flag a forbidden phrase under negation', () => {
      expect(violated("Please don't worry, it's not your fault.")).toEqual([]);
      expect(violated("It's your own fault.")).toEqual(['forbidden.blame-customer']);
    });
  });

  it('should score 100 with no violation and lose 50 per violation', () => {
    expect(compliance('All good.').score).toBe(100);
    expect(compliance('Your password is hunter2.').score).toBe(50);
    expect(compliance('Your password is hunter2 and your PIN is 1234.').score).toBe(0);
  });
});
