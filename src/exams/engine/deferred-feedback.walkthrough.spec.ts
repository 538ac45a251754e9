import { QuestionFactory } from '../../../test/factories/question.factory';
import { markFor } from './attempt-marks';
import {
  AttemptStep,
  BehaviourError,
  currentOutcome,
  NewStep,
  processFinish,
  processManualGrade,
  processRegrade,
  processSave,
  startStep,
} from './deferred-feedback.behaviour';
import { FreeTextScorer, QuestionDefinition, ScoreSummary } from './question.types';
import { normalizeResponse } from './response';

const T0 = Date.parse('2026-11-23T09:00:00.000Z');
const summary = (overall: number): ScoreSummary => ({
  overall,
  passed: overall >= 70,
  tips: ['Say sorry first.'],
  violations: [],
  missedConcepts: [],
});
// Stands in for the scoring engine: "sorry" and "refund" are worth 40 points each, plus 10;
// the "strict" rubric takes 30 off.
const scorer: FreeTextScorer = (question, text) =>
  summary(
    10 +
      (text.includes('sorry') ? 40 : 0) +
      (text.includes('refund') ? 40 : 0) -
      (question.rubricId === 'strict' ? 30 : 0),
  );

/** Scripts one question of an attempt step by step (Moodle's walkthrough_test). */
class Walkthrough {
  readonly steps: AttemptStep[] = [];
  private minute = 0;

  constructor(private question: QuestionDefinition) {
    this.append(startStep(this.next()));
  }

  save(raw: unknown): boolean {
    const normalized = normalizeResponse(this.question, raw);
    if (!normalized.ok) throw new Error(normalized.reason);
    const step = processSave(this.question, this.steps, {
      response: normalized.response,
      at: this.next(),
      actorId: 'learner',
    });
    if (step) this.append(step);
    return step !== null;
  }

  submit(): void {
    this.append(
      processFinish(this.question, this.steps, {
        action: 'submit',
        at: this.next(),
        actorId: 'learner',
        scoreFreeText: scorer,
      }),
    );
  }

  grade(fraction: number, comment = 'checked'): void {
    this.append(
      processManualGrade(this.steps, { fraction, comment, at: this.next(), actorId: 'trainer' }),
    );
  }

  regrade(question: QuestionDefinition): boolean {
    this.question = question;
    const step = processRegrade(question, this.steps, {
      at: this.next(),
      actorId: 'trainer',
      scoreFreeText: scorer,
    });
    if (step) this.append(step);
    return step !== null;
  }

  get state(): string {
    return currentOutcome(this.steps).state;
  }

  get mark(): number {
    return markFor(currentOutcome(this.steps).fraction, this.question.mark);
  }

  private next(): Date {
    return new Date(T0 + 60000 * this.minute++);
  }

  private append(step: NewStep): void {
    this.steps.push({ ...step, seq: this.steps.length });
  }
}

describe('Deferred feedback walkthrough', () => {
  it('should save, ignore the same answer, take a change, then grade it on submit (single choice)', () => {
    const walk = new Walkthrough(QuestionFactory.single({ mark: 2 }));
    expect(walk.state).toBe('todo');
    expect(walk.save({ choice: 1 })).toBe(true);
    expect([walk.state, walk.steps.length]).toEqual(['complete', 2]);
    expect(walk.save({ choice: 1 })).toBe(false);
    expect(walk.steps).toHaveLength(2);
    expect(walk.save({ choice: 0 })).toBe(true);
    expect(walk.steps.map((step) => step.action)).toEqual(['start', 'save', 'save']);
    walk.submit();
    expect([walk.state, walk.mark]).toEqual(['gradedright', 2]);
    expect(() => walk.save({ choice: 2 })).toThrow(BehaviourError);
    expect(() => walk.submit()).toThrow(BehaviourError);
    expect(walk.steps).toHaveLength(4);
  });

  it('should give partial credit and floor negative weights at zero (multiple choice)', () => {
    const walk = new Walkthrough(QuestionFactory.multiple());
    walk.save({ choices: [1, 0, 0] });
    expect(walk.steps[1].response).toEqual({ choices: [0, 1] });
    expect(walk.save({ choices: [0, 1] })).toBe(false);
    walk.save({ choices: [0, 2] });
    walk.submit();
    expect([walk.state, walk.mark]).toEqual(['gradedwrong', 0]);
    const partial = new Walkthrough(QuestionFactory.multiple());
    partial.save({ choices: [1, 3] });
    partial.submit();
    expect([partial.state, partial.mark]).toEqual(['gradedpartial', 0.5]);
  });

  it('should grade true/false and give up an unanswered question', () => {
    const walk = new Walkthrough(QuestionFactory.truefalse());
    walk.save({ answer: false });
    walk.save({ answer: true });
    walk.submit();
    expect([walk.state, walk.mark]).toEqual(['gradedright', 1]);
    const blank = new Walkthrough(QuestionFactory.truefalse());
    expect(blank.save({ answer: null })).toBe(false);
    blank.submit();
    expect([blank.state, blank.mark]).toEqual(['gaveup', 0]);
  });

  it('should match short answers in order, with wildcards and without case', () => {
    const walk = new Walkthrough(QuestionFactory.short());
    walk.save({ text: '  Tier   3 ' });
    expect(walk.steps[1].response).toEqual({ text: 'Tier   3' });
    expect(walk.save({ text: 'Tier   3' })).toBe(false);
    walk.submit();
    expect([walk.state, walk.mark]).toEqual(['gradedpartial', 0.5]);
    const right = new Walkthrough(QuestionFactory.short());
    right.save({ text: 'TIER 2' });
    right.submit();
    expect(right.state).toBe('gradedright');
  });

  it('should mark an unreadable number invalid while answering and wrong when submitted (numerical)', () => {
    const walk = new Walkthrough(QuestionFactory.numerical());
    walk.save({ text: 'fifteen' });
    expect(walk.state).toBe('invalid');
    walk.save({ text: '15 min' });
    expect(walk.state).toBe('complete');
    walk.submit();
    expect([walk.state, walk.mark]).toEqual(['gradedright', 1]);
    const close = new Walkthrough(QuestionFactory.numerical());
    close.save({ text: '20,5' });
    close.submit();
    expect([close.state, close.mark]).toEqual(['gradedpartial', 0.5]);
  });

  it('should count a partly matched question as invalid until every left side has an answer (matching)', () => {
    const walk = new Walkthrough(QuestionFactory.matching({ mark: 4 }));
    walk.save({ matches: ['15 minutes', null, null, null] });
    expect(walk.state).toBe('invalid');
    walk.save({ matches: ['15 minutes', '1 hour', '1 week', 'next working day'] });
    expect(walk.state).toBe('complete');
    walk.submit();
    expect([walk.state, walk.mark]).toEqual(['gradedpartial', 3]);
  });

  it('should keep a reviewed free-text mark provisional until a trainer confirms it', () => {
    const walk = new Walkthrough(QuestionFactory.freetext({ mark: 10 }));
    walk.save({ text: "I'm sorry about that." });
    walk.submit();
    expect([walk.state, walk.mark]).toEqual(['needsgrading', 5]);
    expect(walk.steps[2].score).toEqual(summary(50));
    walk.grade(0.5);
    expect([walk.state, walk.mark]).toEqual(['mangrpartial', 5]);
    expect(walk.steps[3]).toMatchObject({
      action: 'manualgrade',
      actorId: 'trainer',
      comment: 'checked',
      score: summary(50),
    });
  });

  it('should grade free text at once when no review is required, and leave a rubric-less essay to a trainer', () => {
    const walk = new Walkthrough(QuestionFactory.freetext({ review: 'none' }));
    walk.save({ text: "I'm sorry, I'll refund it." });
    walk.submit();
    expect([walk.state, walk.mark]).toEqual(['gradedpartial', 0.9]);
    const essay = new Walkthrough(QuestionFactory.freetext({ rubricId: null }));
    essay.save({ text: 'Anything' });
    essay.submit();
    expect([essay.state, essay.mark]).toEqual(['needsgrading', 0]);
    essay.grade(1);
    expect([essay.state, essay.mark]).toEqual(['mangrright', 1]);
  });

  it('should let a trainer override an automatic mark and refuse marks outside 0–1', () => {
    const walk = new Walkthrough(QuestionFactory.single());
    expect(() => walk.grade(1)).toThrow(BehaviourError);
    walk.save({ choice: 1 });
    walk.submit();
    expect(() => walk.grade(1.5)).toThrow(BehaviourError);
    walk.grade(1, 'red is accepted in this region');
    expect([walk.state, walk.mark]).toEqual(['mangrright', 1]);
  });

  it('should regrade by replaying the steps when the key changes, and change nothing when it does not', () => {
    const walk = new Walkthrough(QuestionFactory.single());
    walk.save({ choice: 1 });
    walk.submit();
    expect(walk.mark).toBe(0);
    expect(walk.regrade(QuestionFactory.single())).toBe(false);
    const fixedKey = QuestionFactory.single({
      choices: [
        { text: 'yellow', fraction: 1, feedback: null },
        { text: 'red', fraction: 1, feedback: null },
        { text: 'blue', fraction: 0, feedback: null },
      ],
    });
    expect(walk.regrade(fixedKey)).toBe(true);
    expect([walk.state, walk.mark, walk.steps.at(-1)?.action]).toEqual([
      'gradedright',
      1,
      'regrade',
    ]);
    expect(walk.regrade(fixedKey)).toBe(false);
  });

  it("should keep a trainer's override through a regrade", () => {
    const walk = new Walkthrough(QuestionFactory.truefalse());
    walk.save({ answer: false });
    walk.submit();
    walk.grade(1, 'the lesson was ambiguous');
    expect(walk.regrade(QuestionFactory.truefalse({ answer: false }))).toBe(false);
    expect(walk.regrade(QuestionFactory.truefalse({ answer: true }))).toBe(false);
    expect([walk.state, walk.mark]).toEqual(['mangrright', 1]);
  });

  it('should re-score a provisional free-text mark when its rubric changes', () => {
    const walk = new Walkthrough(QuestionFactory.freetext());
    walk.save({ text: "I'm sorry, I'll refund it." });
    walk.submit();
    expect(walk.mark).toBe(0.9);
    expect(walk.regrade(QuestionFactory.freetext({ rubricId: 'strict' }))).toBe(true);
    expect([walk.state, walk.mark]).toEqual(['needsgrading', 0.6]);
    expect(walk.steps.at(-1)?.score?.overall).toBe(60);
  });
});
