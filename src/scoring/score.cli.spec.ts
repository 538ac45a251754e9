import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCalibration, DEFAULT_RUBRIC, Rubric, ScoringEngine } from './engine';
import { loadRubricDirectory, loadRubricFile, RUBRIC_DIRECTORY, runScoreCli } from './score.cli';

const parseAll = (lines: string[]) =>
  lines.map((line) => JSON.parse(line) as Record<string, unknown>);
const topic: Rubric = {
  ...DEFAULT_RUBRIC,
  id: 'topic',
  weights: { keywords: 1 },
  concepts: [{ id: 'refund', label: 'Refund', phrases: ['refund'], weight: 1 }],
};

describe(runScoreCli.name, () => {
  it('should answer one JSON line per input line, in input order', () => {
    const output = parseAll(
      runScoreCli([
        JSON.stringify({ id: 'a', text: 'Thank you for calling!' }),
        JSON.stringify({ id: 2, text: 'Calm down.' }),
        JSON.stringify({ id: 'c', text: 'How can I help?', stage: 'opening' }),
      ]),
    );
    expect(output.map((line) => line.id)).toEqual(['a', 2, 'c']);
    expect(Object.keys(output[0])).toEqual(
      expect.arrayContaining(['id', 'overall', 'dimensions', 'violations', 'evidence', 'tips']),
    );
    expect(output[0].overall as number).toBeGreaterThan(output[1].overall as number);
  });

  it.each([
    ['not json', null, 'not valid JSON'],
    ['[1, 2]', null, 'JSON object'],
    ['{"text": "no id"}', null, '"id"'],
    ['{"id": "x", "text": 5}', 'x', '"text"'],
    ['{"id": "x", "text": "hi", "stage": "wrap-up"}', 'x', '"stage"'],
    ['{"id": "x", "text": "hi", "rubric": "nope"}', 'x', 'unknown rubric "nope"'],
    ['{"id": "x", "text": "hi", "rubric": {"id": "r"}}', 'x', 'rubric.title'],
    ['{"id": "x", "text": "hi", "customerLine": 3}', 'x', '"customerLine"'],
  ])('should answer {id, error} for a bad line: %s', (line, id, message) => {
    const [answer] = parseAll(runScoreCli([line, JSON.stringify({ id: 'next', text: 'ok' })]));
    expect(answer.id).toBe(id);
    expect(answer.error).toContain(message);
    expect(answer.overall).toBeUndefined();
  });

  it('should keep going after a bad line and skip blank lines', () => {
    const output = parseAll(
      runScoreCli(['{', '', '   ', JSON.stringify({ id: 'ok', text: 'Thanks!' })]),
    );
    expect(output.map((line) => line.id)).toEqual([null, 'ok']);
    expect(output[0].error).toContain('line 1');
  });

  it('should use a rubric named by id or given inline', () => {
    const rubrics = new Map([[topic.id, topic]]);
    const [byId, inline] = parseAll(
      runScoreCli(
        [
          JSON.stringify({ id: 1, text: 'I will refund it.', rubric: 'topic' }),
          JSON.stringify({
            id: 2,
            text: 'Hello',
            rubric: { id: 'inline', title: 'Inline', weights: { clarity: 1 } },
          }),
        ],
        { rubrics },
      ),
    );
    expect(byId.rubricId).toBe('topic');
    expect(byId.overall).toBe(100);
    expect(inline.rubricId).toBe('inline');
  });

  it('should apply the --rubric rubric to every line', () => {
    const output = parseAll(
      runScoreCli(
        [
          JSON.stringify({ id: 1, text: 'Hi', rubric: 'default' }),
          JSON.stringify({ id: 2, text: 'refund' }),
        ],
        {
          rubric: topic,
        },
      ),
    );
    expect(output.map((line) => line.rubricId)).toEqual(['topic', 'topic']);
  });

  it('should print the same lines for the same input', () => {
    const input = [
      JSON.stringify({ id: 'x', text: 'Sorry 😀, could you confirm your date of birth?' }),
    ];
    expect(runScoreCli(input)).toEqual(runScoreCli(input));
  });
});

describe(loadRubricFile.name, () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'rubrics-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('should load a YAML rubric and a JSON rubric', () => {
    writeFileSync(join(directory, 'a.yaml'), 'id: a\ntitle: A\nweights: { politeness: 1 }\n');
    writeFileSync(
      join(directory, 'b.json'),
      JSON.stringify({ id: 'b', title: 'B', weights: { clarity: 1 } }),
    );
    expect(loadRubricFile(join(directory, 'a.yaml')).id).toBe('a');
    expect(loadRubricFile(join(directory, 'b.json')).id).toBe('b');
  });

  it('should throw with the file, field path and reason when a rubric is invalid', () => {
    writeFileSync(
      join(directory, 'bad.yaml'),
      'id: bad\ntitle: Bad\nweights: { politeness: -1 }\n',
    );
    expect(() => loadRubricFile(join(directory, 'bad.yaml'))).toThrow(
      /bad\.yaml: invalid rubric\n {2}weights\.politeness: must be a number/,
    );
  });

  it('should load a directory by id and warn about bad files', () => {
    writeFileSync(join(directory, 'a.yaml'), 'id: a\ntitle: A\nweights: { politeness: 1 }\n');
    writeFileSync(join(directory, 'bad.yaml'), 'id: Bad\n');
    const warnings: string[] = [];
    const rubrics = loadRubricDirectory(directory, (message) => warnings.push(message));
    expect([...rubrics.keys()]).toEqual(['a']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('bad.yaml');
  });
});

// The shipped rubrics, loaded the way the CLI loads them (specs inside engine/ may not touch fs).
describe('shipped rubrics', () => {
  const engine = new ScoringEngine();
  const warnings: string[] = [];
  const shipped = loadRubricDirectory(RUBRIC_DIRECTORY, (message) => warnings.push(message));
  const ids = [...shipped.keys()];

  it('should load every file in content/rubrics without a warning', () => {
    expect(warnings).toEqual([]);
    expect(ids).toEqual(
      expect.arrayContaining([
        'billing-complaint',
        'default',
        'greeting-caller',
        'verify-identity',
      ]),
    );
  });

  it('should describe DEFAULT_RUBRIC in content/rubrics/default.yaml', () => {
    const { calibration, ...fromFile } = shipped.get('default')!;
    const { calibration: builtIn, ...defaults } = DEFAULT_RUBRIC;
    expect(fromFile).toEqual(defaults);
    expect(builtIn).toEqual([]);
    expect(calibration.length).toBeGreaterThanOrEqual(6);
  });

  it.each(ids)('should have at least six calibration examples from good to bad in %s', (id) => {
    const { calibration } = shipped.get(id)!;
    expect(calibration.length).toBeGreaterThanOrEqual(6);
    expect(calibration.some((example) => example.band[0] >= 70)).toBe(true);
    expect(calibration.some((example) => example.band[1] <= 40)).toBe(true);
  });

  it.each(ids)('should land every calibration example of %s in its band', (id) => {
    expect(checkCalibration(engine, shipped.get(id)!)).toEqual([]);
  });
});
