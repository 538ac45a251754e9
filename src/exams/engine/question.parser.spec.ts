import { parseQuestion } from './question.parser';

const base = {
  id: 'ch-001',
  category: 'complaint-handling',
  tags: ['tiers', 'easy'],
  prompt: 'Pick one.',
};

describe(parseQuestion.name, () => {
  it('should fill defaults for a valid single-choice question', () => {
    const result = parseQuestion({
      ...base,
      type: 'single',
      choices: [
        { text: 'a', fraction: 1 },
        { text: 'b', fraction: 0, feedback: 'No.' },
      ],
    });
    expect(result).toEqual({
      ok: true,
      question: {
        ...base,
        type: 'single',
        format: 'markdown',
        mark: 1,
        generalFeedback: null,
        title: null,
        choices: [
          { text: 'a', fraction: 1, feedback: null },
          { text: 'b', fraction: 0, feedback: 'No.' },
        ],
      },
    });
  });

  it('should report each problem with the path of its field', () => {
    const result = parseQuestion({
      ...base,
      type: 'multiple',
      mark: 0,
      colour: 'red',
      choices: [{ text: 'a', fraction: 0.5 }, { text: 'a', fraction: 2 }, { fraction: 0.2 }],
    });
    expect(result.ok ? [] : result.issues).toEqual([
      { path: ['colour'], reason: 'is not a known field' },
      { path: ['mark'], reason: 'must be from 0.01 to 1000' },
      { path: ['choices', 1, 'fraction'], reason: 'must be from -1 to 1' },
      { path: ['choices', 2, 'text'], reason: 'is required' },
      { path: ['choices', 1, 'text'], reason: '"a" is listed twice' },
      { path: ['choices'], reason: 'the positive fractions must add up to 1 (they add up to 0.7)' },
    ]);
  });

  it('should check every type for its own fields', () => {
    const issues = (raw: object): string[] => {
      const result = parseQuestion({ ...base, ...raw });
      return result.ok
        ? []
        : result.issues.map((issue) => `${issue.path.join('.')}: ${issue.reason}`);
    };
    expect(issues({ type: 'essay' })).toEqual([
      'type: must be one of single, multiple, truefalse, short, numerical, matching, freetext',
    ]);
    expect(
      issues({
        type: 'single',
        choices: [
          { text: 'a', fraction: 0.5 },
          { text: 'b', fraction: 0 },
        ],
      }),
    ).toEqual(['choices: one choice must have fraction 1']);
    expect(issues({ type: 'truefalse', answer: 'yes' })).toEqual(['answer: must be true or false']);
    expect(issues({ type: 'short', answers: [] })).toEqual(['answers: needs at least 1 entries']);
    expect(issues({ type: 'numerical', answers: [{ min: 5, max: 1 }, { fraction: 0 }] })).toEqual([
      'answers.0.max: must not be below min',
      'answers.1: give value (and tolerance), min and max, or any: true',
    ]);
    expect(
      issues({
        type: 'matching',
        pairs: [
          { left: 'a', right: 'x' },
          { left: 'b', right: 'y' },
        ],
        distractors: ['x'],
      }),
    ).toEqual(['distractors.0: is also the right answer of a pair']);
    expect(issues({ type: 'freetext', review: 'none' })).toEqual([
      'rubric: give a rubric or rubricId, or set review: required to mark by hand',
    ]);
    expect(issues({ type: 'freetext', rubric: { id: 'x' }, rubricId: 'default' })).toEqual([
      'rubricId: give rubric or rubricId, not both',
    ]);
    expect(issues({ id: 'has space', type: 'truefalse', answer: true })).toEqual([
      'id: use letters, digits, ".", "_" or "-" (at most 80 characters)',
    ]);
  });

  it('should accept numerical answers as value ± tolerance, a range or any other number', () => {
    const result = parseQuestion({
      ...base,
      type: 'numerical',
      unit: 'min',
      answers: [
        { value: 15, fraction: 1 },
        { min: 10, max: 20, fraction: 0.5 },
        { any: true, fraction: 0, feedback: 'No.' },
      ],
    });
    expect(result.ok && result.question).toMatchObject({
      answers: [
        { value: 15, tolerance: 0, fraction: 1, feedback: null },
        { min: 10, max: 20, fraction: 0.5, feedback: null },
        { any: true, fraction: 0, feedback: 'No.' },
      ],
    });
  });
});
