import { evaluateRequirements, LearningEvidence, SignOffEvidence } from './requirements.evaluator';
import { RequirementSet } from './programme.types';

const T0 = new Date('2026-11-23T09:00:00.000Z');
const at = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);

let sequence = 0;
function record(
  overrides: Partial<LearningEvidence> & Pick<LearningEvidence, 'activity'>,
): LearningEvidence {
  sequence++;
  return {
    recordId: `r${String(sequence).padStart(3, '0')}`,
    verb: 'passed',
    registration: `reg-${sequence}`,
    occurredAt: at(sequence),
    score: 100,
    dimensionMeans: null,
    ...overrides,
  };
}
const course = (id: string, minutes: number): LearningEvidence =>
  record({
    activity: { kind: 'course', id, name: id },
    verb: 'completed',
    registration: null,
    occurredAt: at(minutes),
  });
const exam = (id: string, score: number, extra: Partial<LearningEvidence> = {}): LearningEvidence =>
  record({ activity: { kind: 'exam', id, name: id }, score, ...extra });
const session = (id: string, extra: Partial<LearningEvidence> = {}): LearningEvidence =>
  record({ activity: { kind: 'simulation', id, name: id }, ...extra });

const SET: RequirementSet = {
  courses: ['basics'],
  exams: [{ exam: 'final', minimumGrade: 75 }],
  simulations: [
    {
      scenario: 'verify',
      tag: null,
      count: 1,
      minimumScore: null,
      minimumScores: { compliance: 100 },
    },
    { scenario: null, tag: 'complaint', count: 2, minimumScore: 70, minimumScores: {} },
  ],
  signOff: null,
};
const TAGS = { verify: ['security'], billing: ['complaint'], refund: ['complaint'], vip: ['vip'] };
const evaluate = (
  records: LearningEvidence[],
  options: { set?: RequirementSet; since?: Date | null; signOffs?: SignOffEvidence[] } = {},
) =>
  evaluateRequirements({
    set: options.set ?? SET,
    records,
    signOffs: options.signOffs ?? [],
    scenarioTags: TAGS,
    since: options.since ?? null,
  });

describe(evaluateRequirements.name, () => {
  it('should report every requirement unmet with what is missing when there are no records', () => {
    const result = evaluate([]);
    expect(result.met).toBe(false);
    expect(result.metAt).toBeNull();
    expect(result.requirements.map((r) => [r.key, r.met, r.missing])).toEqual([
      ['course:basics', false, 'complete the course'],
      ['exam:final', false, 'pass the exam with at least 75 %'],
      ['simulation:verify', false, 'pass the scenario with at least compliance 100'],
      [
        'simulation:tag:complaint',
        false,
        'pass 2 more scenario(s) tagged “complaint” with at least overall 70',
      ],
    ]);
  });

  it('should be met when every requirement is, at the time of the latest evidence used', () => {
    const records = [
      course('basics', 5),
      exam('final', 80, { occurredAt: at(10) }),
      session('verify', { dimensionMeans: { compliance: 100 }, occurredAt: at(20) }),
      session('billing', { score: 72, occurredAt: at(30) }),
      session('refund', { score: 90, occurredAt: at(40) }),
      // Later evidence does not move the moment it was met.
      session('billing', { score: 95, occurredAt: at(50) }),
    ];
    const result = evaluate(records);
    expect(result.met).toBe(true);
    expect(result.metAt).toEqual(at(40));
    expect(result.requirements.map((r) => r.evidence.map((e) => e.recordId))).toEqual([
      [records[0].recordId],
      [records[1].recordId],
      [records[2].recordId],
      [records[3].recordId, records[4].recordId],
    ]);
  });

  it('should not count a pass below the minimum grade, and say the best so far', () => {
    const outcome = evaluate([exam('final', 74.99)]).requirements[1];
    expect(outcome).toMatchObject({
      met: false,
      missing: 'pass the exam with at least 75 % (best so far: 75 %)',
    });
    expect(evaluate([exam('final', 75)]).requirements[1].met).toBe(true);
  });

  it('should let a later verdict on the same attempt replace the earlier one (regrade)', () => {
    const passed = exam('final', 80, { registration: 'attempt-1', occurredAt: at(1) });
    const regraded = exam('final', 60, {
      registration: 'attempt-1',
      verb: 'failed',
      occurredAt: at(2),
    });
    expect(evaluate([passed]).requirements[1].met).toBe(true);
    expect(evaluate([passed, regraded]).requirements[1].met).toBe(false);
  });

  it('should check per-dimension minimums and name the shortfall', () => {
    const low = session('verify', { dimensionMeans: { compliance: 90 } });
    const unscored = session('verify');
    const outcome = evaluate([low, unscored]).requirements[2];
    expect(outcome.met).toBe(false);
    expect(outcome.missing).toContain('compliance not scored');
    expect(evaluate([low]).requirements[2].missing).toContain('compliance 90 < 100');
    expect(
      evaluate([session('verify', { dimensionMeans: { compliance: 100 } })]).requirements[2].met,
    ).toBe(true);
  });

  it('should count different scenarios carrying the tag, not the same one twice, nor failed ones', () => {
    const outcome = evaluate([
      session('billing'),
      session('billing'),
      session('refund', { verb: 'failed' }),
      session('vip'),
    ]).requirements[3];
    expect(outcome).toMatchObject({ met: false, done: 1, needed: 2 });
    expect(evaluate([session('billing'), session('refund')]).requirements[3]).toMatchObject({
      met: true,
      done: 2,
    });
  });

  it('should only count evidence from `since` on (renewal window)', () => {
    const set: RequirementSet = {
      courses: [],
      exams: [{ exam: 'final', minimumGrade: null }],
      simulations: [],
      signOff: null,
    };
    const old = exam('final', 90, { occurredAt: at(-10) });
    expect(evaluate([old], { set, since: at(0) }).met).toBe(false);
    expect(
      evaluate([old, exam('final', 90, { occurredAt: at(5) })], { set, since: at(0) }).met,
    ).toBe(true);
  });

  it('should need a sign-off with every checklist item ticked', () => {
    const set: RequirementSet = {
      courses: [],
      exams: [],
      simulations: [],
      signOff: {
        title: 'Observation',
        checklist: [
          { id: 'a', text: 'A' },
          { id: 'b', text: 'B' },
        ],
        signedBy: ['supervisor'],
      },
    };
    const signOff = (ticked: string[], minutes: number): SignOffEvidence => ({
      signOffId: `s${minutes}`,
      supervisorId: 'sup',
      supervisorName: 'Sam',
      signedAt: at(minutes),
      ticked,
    });
    const partial = evaluate([], { set, signOffs: [signOff(['a'], 1)] });
    expect(partial.met).toBe(false);
    expect(partial.requirements[0].missing).toBe(
      'a supervisor’s sign-off of the observation checklist',
    );
    const either = { ...set, signOff: { ...set.signOff!, signedBy: ['supervisor', 'trainer'] } };
    expect(evaluate([], { set: either as RequirementSet }).requirements[0].missing).toBe(
      'a supervisor’s or trainer’s sign-off of the observation checklist',
    );
    const result = evaluate([], { set, signOffs: [signOff(['a'], 1), signOff(['b', 'a'], 2)] });
    expect(result).toMatchObject({ met: true, metAt: at(2) });
    expect(result.requirements[0].evidence[0]).toMatchObject({
      signOffId: 's2',
      name: 'Signed by Sam',
    });
  });
});
