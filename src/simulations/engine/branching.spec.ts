import { ReportFactory, ScenarioFactory } from '../../../test/factories/scenario.factory';
import { chooseBranch, conditionHolds, describeCondition } from './branching';
import { BranchCondition, dialogueStep } from './scenario.types';

const holds = (condition: BranchCondition, report = ReportFactory.create(), anger = 50): boolean =>
  conditionHolds(condition, report, anger);

describe(conditionHolds.name, () => {
  it('should compare the overall score with minOverall and maxOverall, bounds included', () => {
    const report = ReportFactory.create({ overall: 60 });
    expect(holds({ minOverall: 60 }, report)).toBe(true);
    expect(holds({ minOverall: 61 }, report)).toBe(false);
    expect(holds({ maxOverall: 60 }, report)).toBe(true);
    expect(holds({ maxOverall: 59 }, report)).toBe(false);
    expect(holds({ minOverall: 50, maxOverall: 70 }, report)).toBe(true);
  });

  it('should need every concept of `found` to be found', () => {
    expect(holds({ found: ['apologise'] }, ReportFactory.create({ found: ['apologise'] }))).toBe(
      true,
    );
    expect(
      holds({ found: ['apologise', 'fix'] }, ReportFactory.create({ found: ['apologise'] })),
    ).toBe(false);
    expect(holds({ found: ['apologise'] }, ReportFactory.create())).toBe(false);
  });

  it('should fail `missing` when any listed concept was found', () => {
    expect(holds({ missing: ['fix'] }, ReportFactory.create({ found: ['apologise'] }))).toBe(true);
    expect(holds({ missing: ['apologise', 'fix'] }, ReportFactory.create({ found: ['fix'] }))).toBe(
      false,
    );
  });

  it('should match `violations: true` only with a violation and `false` only without', () => {
    const clean = ReportFactory.create();
    const rude = ReportFactory.create({ violations: [ReportFactory.violation()] });
    expect(holds({ violations: true }, rude)).toBe(true);
    expect(holds({ violations: true }, clean)).toBe(false);
    expect(holds({ violations: false }, clean)).toBe(true);
    expect(holds({ violations: false }, rude)).toBe(false);
  });

  it('should bound each listed dimension and fail when the dimension was not scored', () => {
    const report = ReportFactory.create({ dimensions: { empathy: 40, politeness: 80 } });
    expect(holds({ dimensions: { empathy: { min: 40 } } }, report)).toBe(true);
    expect(holds({ dimensions: { empathy: { min: 41 } } }, report)).toBe(false);
    expect(holds({ dimensions: { politeness: { max: 80 } } }, report)).toBe(true);
    expect(holds({ dimensions: { politeness: { max: 79 } } }, report)).toBe(false);
    expect(holds({ dimensions: { clarity: { min: 0 } } }, report)).toBe(false);
  });

  it('should compare the anger before the turn with minAnger and maxAnger', () => {
    const report = ReportFactory.create();
    expect(holds({ minAnger: 70 }, report, 70)).toBe(true);
    expect(holds({ minAnger: 70 }, report, 69)).toBe(false);
    expect(holds({ maxAnger: 30 }, report, 30)).toBe(true);
    expect(holds({ maxAnger: 30 }, report, 31)).toBe(false);
  });

  it('should need every listed condition at once', () => {
    const report = ReportFactory.create({ overall: 80, found: ['apologise'] });
    expect(holds({ minOverall: 70, found: ['apologise'], maxAnger: 60 }, report, 50)).toBe(true);
    expect(holds({ minOverall: 70, found: ['apologise'], maxAnger: 60 }, report, 61)).toBe(false);
  });
});

describe(chooseBranch.name, () => {
  const opening = dialogueStep(ScenarioFactory.create(), 'opening');

  it('should take the first branch whose conditions hold', () => {
    const report = ReportFactory.create({ overall: 75, found: ['apologise'] });
    expect(chooseBranch(opening, report, 50)).toMatchObject({
      index: 0,
      branch: { next: 'middle' },
    });
  });

  it('should take the fallback when no condition holds', () => {
    const report = ReportFactory.create({ overall: 59, found: ['apologise'] });
    expect(chooseBranch(opening, report, 50)).toMatchObject({ index: 1, branch: { anger: 10 } });
  });
});

describe(describeCondition.name, () => {
  it('should put every condition into words, and the fallback as "otherwise"', () => {
    expect(
      describeCondition({
        minOverall: 60,
        found: ['apologise'],
        missing: ['blame'],
        violations: false,
        dimensions: { empathy: { min: 40 } },
        maxAnger: 80,
      }),
    ).toBe('overall ≥ 60, found apologise, missing blame, no violation, empathy ≥ 40, anger ≤ 80');
    expect(describeCondition(undefined)).toBe('otherwise');
  });
});
