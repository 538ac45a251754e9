import { analyseClarity } from './clarity.analyzer';
import { DEFAULT_RUBRIC } from './default-rubric';
import { compileRubric } from './rubric.compiler';
import { tokenize } from './tokens';
import { Rubric } from './types';

const clarity = (text: string, rubric: Rubric = DEFAULT_RUBRIC) =>
  analyseClarity(tokenize(text), rubric, compileRubric(rubric));

describe(analyseClarity.name, () => {
  it('should give full marks when a reply is short and plain', () => {
    expect(clarity('Your new SIM card will arrive on Friday.').score).toBe(100);
  });

  it('should take points off for each jargon term, once per term', () => {
    const result = clarity('The MSISDN is linked in the CRM, and the MSISDN is active.');
    expect(result.score).toBe(70);
    expect(result.evidence.filter((item) => item.effect !== 0).map((item) => item.rule)).toEqual([
      'jargon:msisdn',
      'jargon:crm',
    ]);
  });

  it('should penalise a sentence longer than the rubric allows', () => {
    const long = `I have ${'checked the account and '.repeat(8)}found nothing.`;
    const result = clarity(long);
    const evidence = result.evidence.find((item) => item.rule === 'long-sentence')!;
    expect(result.score).toBeLessThan(90);
    expect(evidence.span).toEqual([0, long.length]);
  });

  it('should respect a stricter sentence limit from the rubric', () => {
    const strict: Rubric = { ...DEFAULT_RUBRIC, maxSentenceWords: 5 };
    const text = 'The engineer will visit you on Friday morning.';
    expect(clarity(text).score).toBe(100);
    expect(clarity(text, strict).score).toBeLessThan(100);
  });

  it('should take a little off for vague wording, capped', () => {
    expect(clarity('It should be fine, probably.').score).toBe(90);
    const vague =
      'I think maybe, probably, hopefully, sort of, at some point, or something, I guess.';
    expect(clarity(vague).score).toBe(80);
  });
});
