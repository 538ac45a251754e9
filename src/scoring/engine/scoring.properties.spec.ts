import fc from 'fast-check';
import { ScoringEngine } from './scoring.engine';
import { DIMENSIONS, Rubric, ScoreReport, Stage } from './types';
import { DEFAULT_RUBRIC } from './default-rubric';

const engine = new ScoringEngine();

// Fragments that make rules fire, mixed with arbitrary text so spans land at odd offsets.
const fragments = [
  'Thanks so much! ',
  'Could you please confirm your date of birth? ',
  "I'm not sorry. ",
  'Calm down, ',
  'THIS IS NOT MY DEPARTMENT!! ',
  'card 4111 1111 1111 1111 ',
  'your password is hunter2. ',
  'I guarantee a refund. ',
  'I understand how frustrating this is. ',
  'Is there anything else I can help with? ',
  'The MSISDN is in the CRM. ',
  '"quoted calm down" ',
  '😀 ',
  '您好，',
  'é\u0301 ',
  '\u0000\r\n',
];
const unit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const texts = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit, maxLength: 200 }),
  fc
    .array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 8 })), { maxLength: 20 })
    .map((parts) => parts.join('')),
);
const stages = fc.constantFrom<Stage | undefined>('opening', 'middle', 'closing', undefined);
const rubric: Rubric = {
  ...DEFAULT_RUBRIC,
  id: 'property',
  weights: { politeness: 1, empathy: 1, keywords: 1, compliance: 1, structure: 1, clarity: 1 },
  concepts: [{ id: 'dob', label: 'Date of birth', phrases: ['date of birth'], weight: 1 }],
};

const inRange = (value: number | null): boolean =>
  value === null || (Number.isInteger(value) && value >= 0 && value <= 100);

const spansExact = (text: string, report: ScoreReport): boolean =>
  [...report.evidence, ...report.violations].every(
    ({ span: [start, end], text: matched }) =>
      Number.isInteger(start) &&
      Number.isInteger(end) &&
      0 <= start &&
      start <= end &&
      end <= text.length &&
      text.slice(start, end) === matched,
  ) &&
  report.concepts.every(
    (concept) =>
      concept.span === undefined || (concept.span[0] >= 0 && concept.span[1] <= text.length),
  );

describe(`${ScoringEngine.name} properties`, () => {
  it('should keep every score within 0–100 for any text', () => {
    const property = fc.property(texts, stages, (text, stage) => {
      const report = engine.score({ text, stage, rubric });
      return (
        inRange(report.overall) &&
        DIMENSIONS.every((dimension) => inRange(report.dimensions[dimension]))
      );
    });
    expect(() => fc.assert(property, { numRuns: 400 })).not.toThrow();
  });

  it('should put every span inside the text and on the matched characters', () => {
    const property = fc.property(texts, stages, (text, stage) =>
      spansExact(text, engine.score({ text, stage, rubric })),
    );
    expect(() => fc.assert(property, { numRuns: 400 })).not.toThrow();
  });

  it('should give the same report for the same input', () => {
    const property = fc.property(texts, stages, (text, stage) => {
      const once = JSON.stringify(engine.score({ text, stage, rubric }));
      return JSON.stringify(new ScoringEngine().score({ text, stage, rubric })) === once;
    });
    expect(() => fc.assert(property, { numRuns: 200 })).not.toThrow();
  });

  it('should never let a reply with a violation score above the cap', () => {
    const property = fc.property(texts, (text) => {
      const report = engine.score({ text: `${text} your PIN is 1234`, rubric });
      return (
        report.violations.length > 0 && report.overall <= rubric.violationCap && !report.passed
      );
    });
    expect(() => fc.assert(property, { numRuns: 200 })).not.toThrow();
  });
});
