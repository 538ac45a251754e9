import { DEFAULT_RUBRIC } from './default-rubric';
import { analyseKeywords } from './keywords.analyzer';
import { compileRubric } from './rubric.compiler';
import { tokenize } from './tokens';
import { Rubric } from './types';

const rubric: Rubric = {
  ...DEFAULT_RUBRIC,
  id: 'keywords-test',
  weights: { keywords: 1 },
  concepts: [
    {
      id: 'verify-identity',
      label: 'Verify identity',
      phrases: [
        'confirm your (date of birth|dob)',
        'answer [a few|some] security questions',
        'verify your identity',
      ],
      weight: 2,
    },
    { id: 'offer-refund', label: 'Offer a refund', phrases: ['refund|reimburse'], weight: 1 },
    { id: 'next-step', label: 'Next step', phrases: ['within * (days|hours)'], weight: 1 },
  ],
};
const keywords = (text: string) => analyseKeywords(tokenize(text), rubric, compileRubric(rubric));
const found = (text: string): string[] =>
  keywords(text)
    .concepts.filter((concept) => concept.found)
    .map((concept) => concept.id);

describe(analyseKeywords.name, () => {
  it.each([
    'Could you confirm your date of birth?',
    'Could you confirm your DOB?',
    'I just need you to answer a few security questions.',
    'First I will verify your identity.',
  ])('should find a concept through any of its synonyms: "%s"', (text) => {
    expect(found(text)).toEqual(['verify-identity']);
  });

  it('should match inflected forms through lemmas', () => {
    expect(found('Thanks for confirming your date of birth.')).toEqual(['verify-identity']);
    expect(found('I have refunded the charge.')).toEqual(['offer-refund']);
  });

  it('should match a wildcard word', () => {
    expect(found('You will have it within two days.')).toEqual(['next-step']);
  });

  it('should not count a concept when it is negated', () => {
    const result = keywords("I won't verify your identity today.");
    expect(result.concepts.find((concept) => concept.id === 'verify-identity')?.found).toBe(false);
    expect(result.evidence.find((item) => item.rule === 'verify-identity')?.note).toMatch(
      /negated/,
    );
  });

  it('should count a concept when the negation is far away in another clause', () => {
    expect(found("I can't change the address until you confirm your date of birth.")).toEqual([
      'verify-identity',
    ]);
  });

  it('should weight coverage by concept weight and give the span of the first hit', () => {
    const text = 'Please confirm your date of birth and I will refund you.';
    const result = keywords(text);
    expect(result.score).toBeCloseTo(75, 6);
    const concept = result.concepts.find((item) => item.id === 'verify-identity')!;
    expect(text.slice(...concept.span!)).toBe('confirm your date of birth');
  });

  it('should be null when the rubric has no concepts', () => {
    const result = analyseKeywords(
      tokenize('Hello'),
      DEFAULT_RUBRIC,
      compileRubric(DEFAULT_RUBRIC),
    );
    expect(result.score).toBeNull();
    expect(result.concepts).toEqual([]);
  });
});
