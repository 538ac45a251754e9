import { ReportFactory, ScenarioFactory } from '../../../test/factories/scenario.factory';
import type { ScoreInput } from '../../scoring/engine';
import { ReplyScorer, runCalibration, tryReply } from './calibration';
import { DialogueStep, Scenario } from './scenario.types';

// A stand-in for the scoring engine: "sorry" is found as an apology, "I will" as a fix.
const scorer: ReplyScorer = {
  score: (input: ScoreInput) =>
    ReportFactory.create({
      overall: input.text.length > 20 ? 80 : 40,
      found: [
        ...(/sorry/i.test(input.text) ? ['apologise'] : []),
        ...(/i will/i.test(input.text) ? ['fix'] : []),
      ],
    }),
};

function withCalibration(examples: DialogueStep['calibration']): Scenario {
  const scenario = ScenarioFactory.create();
  return {
    ...scenario,
    steps: scenario.steps.map((step) =>
      step.id === 'opening' && step.kind === 'dialogue' ? { ...step, calibration: examples } : step,
    ),
  };
}

describe(runCalibration.name, () => {
  it('should pass examples that take their branch, by index or by where it leads', () => {
    const scenario = withCalibration([
      { text: 'I am so sorry about all of this.', branch: 0 },
      { text: 'What?', next: 'middle' },
      { text: 'Fine.', branch: 1 },
    ]);
    const { checks, issues } = runCalibration(scorer, scenario);
    expect(issues).toEqual([]);
    expect(checks.map((check) => [check.stepId, check.index, check.branchIndex, check.ok])).toEqual(
      [
        ['opening', 0, 0, true],
        ['opening', 1, 1, true],
        ['opening', 2, 1, true],
      ],
    );
  });

  it('should report an example that takes another branch at its field path, with why', () => {
    const scenario = withCalibration([
      { text: 'I am so sorry about all of this.', branch: 0 },
      { text: 'Sorry.', branch: 0 }, // too short: overall 40 < minOverall 60 → the fallback
    ]);
    const { checks, issues } = runCalibration(scorer, scenario);
    expect(checks[1]).toMatchObject({
      ok: false,
      branchIndex: 1,
      overall: 40,
      expected: 'branch 0',
    });
    expect(issues).toEqual([
      {
        path: ['steps', 0, 'calibration', 1],
        reason: expect.stringMatching(
          /^should take branch 0 but took branch 1 \(to "middle"\) with overall 40 \(found apologise; missing fix\)$/,
        ),
      },
    ]);
  });

  it('should check an example at its own anger level, not only the starting one', () => {
    const scenario = withCalibration([]);
    const gated: Scenario = {
      ...scenario,
      steps: scenario.steps.map((step) =>
        step.id === 'opening' && step.kind === 'dialogue'
          ? {
              ...step,
              branches: [{ when: { maxAnger: 40 }, next: 'middle', anger: 0 }, step.branches[1]],
              calibration: [
                { text: 'Hello there.', branch: 0, anger: 30 },
                { text: 'Hello there.', branch: 0 }, // starting anger 50 > 40
              ],
            }
          : step,
      ),
    };
    expect(runCalibration(scorer, gated).checks.map((check) => check.ok)).toEqual([true, false]);
  });
});

describe(tryReply.name, () => {
  it('should answer with the report and the turn a reply would make from a step at an anger', () => {
    const { report, turn } = tryReply({
      scorer,
      scenario: ScenarioFactory.create(),
      stepId: 'middle',
      text: 'I will send it today, sorry.',
      anger: 20,
    });
    expect(report.concepts.every((concept) => concept.found)).toBe(true);
    expect(turn).toMatchObject({
      branchIndex: 0,
      next: 'resolved',
      angerBefore: 20,
      angerAfter: 10,
    });
  });
});
