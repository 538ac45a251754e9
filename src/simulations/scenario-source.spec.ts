import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RUBRIC } from '../scoring/engine';
import { parseScenarioSource } from './scenario-source';

const FIXTURE = readFileSync(
  join(__dirname, '..', '..', 'test', 'fixtures', 'scenarios', 'ok', 'parcel-late.yaml'),
  'utf8',
);
const lookup = (id: string) => (id === DEFAULT_RUBRIC.id ? DEFAULT_RUBRIC : undefined);
const lineOf = (needle: string, text = FIXTURE): number =>
  text.split('\n').findIndex((line) => line.includes(needle)) + 1;

/** Parses the fixture with one edit and returns its issues as `line path: reason`. */
function issuesAfter(edit: (text: string) => string): string[] {
  const result = parseScenarioSource('parcel-late.yaml', edit(FIXTURE), lookup);
  if (result.ok) return [];
  return result.issues.map((issue) => `${issue.line} ${issue.path ?? ''}: ${issue.reason}`);
}

describe(parseScenarioSource.name, () => {
  it('should accept the fixture and resolve its rubrics and defaults', () => {
    const result = parseScenarioSource('parcel-late.yaml', FIXTURE, lookup);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario).toMatchObject({
      id: 'parcel-late',
      maxTurns: 4,
      mood: { escalateAt: 85, hangUpAt: 95, onEscalate: 'demands-manager', onHangUp: 'hung-up' },
    });
    expect(result.scenario.steps.map((step) => step.kind)).toEqual([
      'dialogue',
      'dialogue',
      'outcome',
      'outcome',
      'outcome',
    ]);
  });

  it('should report bad YAML with its line', () => {
    const issues = issuesAfter((text) => text.replace('channel: chat', 'channel: [chat'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^\d+ : YAML: /);
    expect(Number(issues[0].split(' ')[0])).toBeGreaterThanOrEqual(lineOf('channel: chat'));
  });

  it('should report a branch to an unknown step at its line and field path', () => {
    const issues = issuesAfter((text) => text.replace('next: resolved', 'next: resolvd'));
    expect(issues).toEqual([
      `${lineOf('next: resolved')} steps[0].branches[0].next: no step "resolvd"`,
    ]);
  });

  it('should require the fallback to be the last branch', () => {
    const edited = (text: string): string =>
      text.replace(
        '      - next: greet\n',
        '      - next: greet\n      - when: { missing: [apologise] }\n        next: greet\n',
      );
    expect(issuesAfter(edited)).toEqual([
      `${lineOf('- next: greet')} steps[0].branches[1].when: only the last branch may omit \`when\``,
      `${lineOf('- when: { missing', edited(FIXTURE))} steps[0].branches[2]: the last branch must be the fallback (no \`when\`)`,
    ]);
  });

  it('should report an unknown rubric id and a concept the rubric does not have', () => {
    expect(issuesAfter((text) => text.replace('rubric: default', 'rubric: nonexistent'))).toEqual([
      `${lineOf('rubric: default')} steps[1].rubric: no rubric "nonexistent" in content/rubrics`,
    ]);
    expect(
      issuesAfter((text) => text.replace('found: [apologise]', 'found: [apologise, refund]')),
    ).toEqual([
      `${lineOf('found: [apologise]')} steps[0].branches[0].when.found[1]: the rubric has no concept "refund" (it has: apologise)`,
    ]);
  });

  it('should report wrong types and unknown fields with their lines and paths', () => {
    const edit = (text: string): string =>
      text
        .replace('anger: 50', 'anger: "very"')
        .replace('passMark: 50', 'passMark: 50\ncolour: red');
    const edited = edit(FIXTURE);
    expect(issuesAfter(edit)).toEqual([
      `${lineOf('colour: red', edited)} colour: unknown field (expected one of: id, version, title, summary, tags, channel, difficulty, passMark, persona, mood, start, maxTurns, steps, debrief)`,
      `${lineOf('anger: "very"', edited)} persona.anger: must be a whole number from 0 to 100`,
    ]);
  });

  it('should report a step that can never be reached', () => {
    const issues = issuesAfter((text) =>
      text.replace(
        '  - id: resolved\n',
        '  - id: orphan\n    outcome: lost\n    customer: "Nobody gets here."\n  - id: resolved\n',
      ),
    );
    expect(issues).toEqual([
      expect.stringMatching(/steps\[2\]\.id: step "orphan" is never reached/),
    ]);
  });
});
