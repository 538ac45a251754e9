import { ReportFactory, ScenarioFactory } from '../../../test/factories/scenario.factory';
import type { ScoreReport } from '../../scoring/engine';
import { MAX_TURNS_LINE, replay, SessionState, startSession, takeTurn } from './dialogue.engine';
import { automaticMoodChange, moodFor } from './mood';
import type { Scenario } from './scenario.types';

const neutral = (found: string[] = []): ScoreReport => ReportFactory.create({ overall: 70, found });
const turn = (scenario: Scenario, state: SessionState, report: ScoreReport, reply = 'A reply.') =>
  takeTurn({ scenario, state, reply, report, seed: 'seed' });
const withAnger = (state: SessionState, anger: number): SessionState => ({ ...state, anger });

describe(automaticMoodChange.name, () => {
  const rules = (report: ScoreReport, repeated = false): [string, number][] =>
    automaticMoodChange(report, repeated).map((reason) => [reason.rule, reason.delta]);

  it('should calm the customer for empathy and politeness', () => {
    const report = ReportFactory.create({
      found: ['apologise', 'fix'],
      dimensions: { empathy: 75, politeness: 80 },
    });
    expect(rules(report)).toEqual([
      ['empathy', -10],
      ['politeness', -5],
    ]);
    expect(
      rules(ReportFactory.create({ found: ['apologise', 'fix'], dimensions: { empathy: 55 } })),
    ).toEqual([['empathy', -5]]);
  });

  it('should anger the customer for rudeness, violations, ignored concerns and repeated questions', () => {
    const report = ReportFactory.create({
      dimensions: { empathy: 10, politeness: 30 },
      violations: [ReportFactory.violation(), ReportFactory.violation(), ReportFactory.violation()],
    });
    expect(rules(report, true)).toEqual([
      ['empathy', 5],
      ['rudeness', 10],
      ['violation', 20], // +10 each, at most +20
      ['ignored-concern', 10], // both concepts missed: +5 each, at most +10
      ['repeated-question', 10],
    ]);
  });

  it('should leave anger alone for a middling reply that misses nothing', () => {
    const report = ReportFactory.create({
      found: ['apologise', 'fix'],
      dimensions: { empathy: 30, politeness: 50 },
    });
    expect(rules(report)).toEqual([]);
  });
});

describe(moodFor.name, () => {
  it('should label anger bands and keep an anxious temperament in the middle band', () => {
    expect([90, 70, 50, 30, 10].map((anger) => moodFor(anger, 'anxious'))).toEqual([
      'angry',
      'angry',
      'dissatisfied',
      'anxious',
      'satisfied',
    ]);
    expect(moodFor(30, 'angry')).toBe('calm');
  });
});

describe(takeTurn.name, () => {
  const scenario = ScenarioFactory.create();

  it('should apply the automatic change and the branch delta, then move to the branch step', () => {
    const start = startSession(scenario, 'seed');
    const report = ReportFactory.create({
      overall: 80,
      found: ['apologise', 'fix'],
      dimensions: { empathy: 75 },
    });
    const result = turn(scenario, start, report);
    expect(result).toMatchObject({
      stepId: 'opening',
      branchIndex: 0,
      next: 'middle',
      reaction: 'Thanks.',
      trigger: null,
      angerBefore: 50,
      angerAfter: 30, // -10 empathy, -10 branch
      moodAfter: 'anxious',
    });
    expect(result.state).toMatchObject({ stepId: 'middle', turns: 1, finished: false });
    expect(result.state.customerLine).toBe('line of middle');
  });

  it('should clamp anger to 0–100', () => {
    const calm = withAnger(startSession(scenario, 'seed'), 5);
    const report = ReportFactory.create({
      overall: 90,
      found: ['apologise', 'fix'],
      dimensions: { empathy: 90 },
    });
    expect(turn(scenario, calm, report).angerAfter).toBe(0);
  });

  it('should jump to the escalation step once anger reaches escalateAt, and only once per call', () => {
    // 65 + 10 (both concepts missed) + 10 (the fallback branch) = 85.
    const escalating = turn(scenario, withAnger(startSession(scenario, 'seed'), 65), neutral());
    expect(escalating).toMatchObject({
      angerAfter: 85,
      trigger: 'escalate',
      next: 'demands-manager',
      reaction: null,
    });
    expect(escalating.state).toMatchObject({ stepId: 'demands-manager', escalated: true });
    // Back on the main path and still angry: no second escalation.
    const again = turn(
      scenario,
      { ...escalating.state, stepId: 'middle', anger: 80 },
      neutral(['apologise']),
    );
    expect(again).toMatchObject({ angerAfter: 90, trigger: null, next: 'middle' });
  });

  it('should hang up once anger reaches hangUpAt and end the session as lost', () => {
    const state = withAnger(startSession(scenario, 'seed'), 85);
    const result = turn(scenario, state, neutral());
    expect(result).toMatchObject({ trigger: 'hang-up', next: 'hung-up', angerAfter: 100 });
    expect(result.state).toMatchObject({ finished: true, outcome: 'lost' });
    expect(result.state.customerLine).toBe('closing line of hung-up');
  });

  it('should let a branch that ends the call win over the thresholds', () => {
    const state = { ...withAnger(startSession(scenario, 'seed'), 94), stepId: 'middle' };
    const result = turn(
      scenario,
      state,
      ReportFactory.create({ found: ['fix'], violations: [ReportFactory.violation()] }),
    );
    expect(result).toMatchObject({ next: 'resolved', trigger: null });
    expect(result.state.outcome).toBe('resolved');
  });

  it('should end the session as lost after maxTurns replies without an outcome', () => {
    const short = ScenarioFactory.create({ maxTurns: 3 });
    let state = withAnger(startSession(short, 'seed'), 0);
    const poor = neutral(['apologise']); // middle loops on a reply without "fix"
    state = turn(short, state, ReportFactory.create({ overall: 80, found: ['apologise'] })).state;
    state = turn(short, state, poor).state;
    expect(state).toMatchObject({ stepId: 'middle', finished: false, turns: 2 });
    const last = turn(short, state, poor);
    expect(last.trigger).toBe('max-turns');
    expect(last.state).toMatchObject({
      finished: true,
      outcome: 'lost',
      turns: 3,
      customerLine: MAX_TURNS_LINE,
    });
    expect(() => turn(short, last.state, poor)).toThrow('the session has finished');
  });

  it('should raise anger when the trainee asks the same question again', () => {
    const state = { ...withAnger(startSession(scenario, 'seed'), 20), stepId: 'middle' };
    const report = neutral(['apologise']);
    const first = turn(scenario, state, report, 'What is your account number?');
    const second = turn(scenario, first.state, report, 'Sorry, what is your account number?');
    expect(first.reasons.map((reason) => reason.rule)).not.toContain('repeated-question');
    expect(second.reasons.map((reason) => reason.rule)).toContain('repeated-question');
  });
});

describe('determinism', () => {
  const scenario = ScenarioFactory.create();
  const script: { reply: string; report: ScoreReport }[] = [
    { reply: 'Hello.', report: neutral() },
    { reply: 'What happened?', report: neutral(['apologise']) },
    { reply: 'I will fix it.', report: neutral(['fix']) },
  ];

  it('should choose the same line variants and the same path for the same seed and replies', () => {
    const play = (seed: string): string[] => {
      let state = startSession(scenario, seed);
      const lines = [state.customerLine];
      for (const step of script) {
        const result = takeTurn({ scenario, state, seed, ...step });
        lines.push(`${result.next}:${result.angerAfter}:${result.state.customerLine}`);
        state = result.state;
      }
      return lines;
    };
    expect(play('alpha')).toEqual(play('alpha'));
    const openings = new Set(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(
        (seed) => startSession(scenario, seed).customerLine,
      ),
    );
    expect(openings.size).toBeGreaterThan(1); // the seed does pick among the variants
  });

  it('should replay a session into the state reached turn by turn', () => {
    let state = startSession(scenario, 'beta');
    for (const step of script) state = takeTurn({ scenario, state, seed: 'beta', ...step }).state;
    expect(replay(scenario, 'beta', script)).toEqual(state);
    expect(state).toMatchObject({ finished: true, outcome: 'resolved', turns: 3 });
  });
});
