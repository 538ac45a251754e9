import { DEFAULT_RUBRIC } from './default-rubric';
import { parseRubric } from './rubric.parser';
import { checkCalibration, ScoringEngine } from './scoring.engine';
import { Rubric } from './types';

const minimal = { id: 'minimal', title: 'Minimal', weights: { politeness: 1 } };
const issuesOf = (raw: unknown) => {
  const parsed = parseRubric(raw);
  return parsed.ok ? [] : parsed.issues;
};

describe(parseRubric.name, () => {
  it('should fill defaults when a minimal rubric is valid', () => {
    const parsed = parseRubric(minimal);
    expect(parsed.ok && parsed.rubric).toEqual({
      ...minimal,
      passMark: DEFAULT_RUBRIC.passMark,
      violationCap: DEFAULT_RUBRIC.violationCap,
      concepts: [],
      forbidden: [],
      jargon: [],
      maxSentenceWords: DEFAULT_RUBRIC.maxSentenceWords,
      tips: {},
      calibration: [],
    });
  });

  it.each([
    [null, [], 'must be a mapping'],
    [{ ...minimal, id: 'Not An Id' }, ['id'], 'kebab-case'],
    [{ ...minimal, title: '' }, ['title'], 'non-empty'],
    [{ ...minimal, wieghts: {} }, ['wieghts'], 'unknown field'],
    [{ ...minimal, weights: { politeness: 0 } }, ['weights'], 'above 0'],
    [{ ...minimal, weights: { politeness: 1, tone: 2 } }, ['weights', 'tone'], 'unknown field'],
    [{ ...minimal, weights: { politeness: -1, empathy: 1 } }, ['weights', 'politeness'], '≥ 0'],
    [{ ...minimal, passMark: 120 }, ['passMark'], '0 to 100'],
    [{ ...minimal, stage: 'wrap-up' }, ['stage'], 'opening'],
    [{ ...minimal, maxSentenceWords: 2 }, ['maxSentenceWords'], '5 to 200'],
    [
      { ...minimal, concepts: [{ id: 'a', label: 'A', phrases: [] }] },
      ['concepts', 0, 'phrases'],
      'non-empty list',
    ],
    [
      { ...minimal, concepts: [{ id: 'a', label: 'A', phrases: ['ok', '(unclosed'] }] },
      ['concepts', 0, 'phrases', 1],
      'brackets',
    ],
    [
      { ...minimal, concepts: [{ id: 'a', label: 'A', phrases: ['* start'] }] },
      ['concepts', 0, 'phrases', 0],
      'start or end',
    ],
    [
      {
        ...minimal,
        concepts: [
          { id: 'a', label: 'A', phrases: ['x'] },
          { id: 'a', label: 'B', phrases: ['y'] },
        ],
      },
      ['concepts', 1, 'id'],
      'duplicate',
    ],
    [
      { ...minimal, forbidden: [{ id: 'f', phrases: ['x'] }] },
      ['forbidden', 0, 'message'],
      'non-empty',
    ],
    [{ ...minimal, jargon: [42] }, ['jargon', 0], 'non-empty string'],
    [{ ...minimal, tips: { tone: 'x' } }, ['tips', 'tone'], 'unknown field'],
    [
      { ...minimal, calibration: [{ text: 'Hi', band: [80, 20] }] },
      ['calibration', 0, 'band'],
      'low ≤ high',
    ],
    [
      { ...minimal, calibration: [{ text: 'Hi', band: [0, 100], stage: 'end' }] },
      ['calibration', 0, 'stage'],
      'one of',
    ],
  ])(
    'should report the field path and reason when a rubric is invalid (%#)',
    (raw, path, reason) => {
      const issues = issuesOf(raw);
      const issue = issues.find((item) => JSON.stringify(item.path) === JSON.stringify(path));
      expect(issue?.reason).toContain(reason);
    },
  );

  it('should report every problem at once', () => {
    expect(issuesOf({ id: 'X', title: 3, weights: {} }).map((issue) => issue.path)).toEqual([
      ['id'],
      ['title'],
      ['weights'],
    ]);
  });
});

describe(checkCalibration.name, () => {
  it('should report an example that falls outside its band', () => {
    const rubric: Rubric = {
      ...DEFAULT_RUBRIC,
      calibration: [{ text: 'Calm down!', band: [90, 100] }],
    };
    const [issue] = checkCalibration(new ScoringEngine(), rubric);
    expect(issue.path).toEqual(['calibration', 0]);
    expect(issue.reason).toMatch(/^overall \d+ is outside band \[90, 100\]$/);
  });

  it('should report nothing when every example lands in its band', () => {
    const rubric: Rubric = {
      ...DEFAULT_RUBRIC,
      calibration: [{ text: 'Calm down!', band: [0, 60] }],
    };
    expect(checkCalibration(new ScoringEngine(), rubric)).toEqual([]);
  });
});
