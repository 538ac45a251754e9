import fc from 'fast-check';
import { QuestionFactory } from '../../../test/factories/question.factory';
import { drawAttempt, ExamBlueprint, matchesSource, PoolQuestion } from './exam-draw';
import { QuestionDefinition } from './question.types';

// Ten questions: five in category "a" (tagged x on the even ones), five in "b" (all tagged x).
const pool: PoolQuestion[] = Array.from({ length: 10 }, (_, i) => {
  const category = i < 5 ? 'a' : 'b';
  const tags = category === 'b' || i % 2 === 0 ? ['x'] : ['y'];
  const question: QuestionDefinition = QuestionFactory.single({ id: `q${i}`, category, tags });
  return { bankId: i < 8 ? 'one' : 'two', question };
});

const blueprint = (overrides: Partial<ExamBlueprint> = {}): ExamBlueprint => ({
  sections: [
    { title: 'A', draw: 3, from: { category: 'a' } },
    { title: 'X', draw: 5, from: { tags: ['x'] } },
  ],
  shuffleQuestions: true,
  shuffleChoices: true,
  ...overrides,
});

describe(drawAttempt.name, () => {
  it('should give the same questions, order and choice order for the same seed', () => {
    const first = drawAttempt({ blueprint: blueprint(), pool, seed: 'attempt-1' });
    expect(drawAttempt({ blueprint: blueprint(), pool, seed: 'attempt-1' })).toEqual(first);
    const layouts = new Set(
      ['s1', 's2', 's3', 's4', 's5'].map((seed) =>
        JSON.stringify(drawAttempt({ blueprint: blueprint(), pool, seed })),
      ),
    );
    expect(layouts.size).toBeGreaterThan(1);
  });

  it('should fill overlapping sections with distinct questions whenever that is possible', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const slots = drawAttempt({ blueprint: blueprint(), pool, seed });
        expect(slots).not.toBeNull();
        const ids = slots!.map((slot) => slot.questionId);
        expect(new Set(ids).size).toBe(8);
        for (const slot of slots!) {
          const item = pool.find((candidate) => candidate.question.id === slot.questionId)!;
          expect(matchesSource(item, blueprint().sections[slot.section].from)).toBe(true);
          expect([...slot.choiceOrder!].sort()).toEqual([0, 1, 2]);
        }
        expect(slots!.map((slot) => slot.slot)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      }),
      { numRuns: 200 },
    );
  });

  it('should refuse a blueprint the pool cannot satisfy, even when each section alone could be', () => {
    // All five of "a" leave five x-tagged questions for a section that wants six.
    const tooMany = blueprint({
      sections: [
        { title: 'A', draw: 5, from: { category: 'a' } },
        { title: 'X', draw: 6, from: { tags: ['x'] } },
      ],
    });
    expect(drawAttempt({ blueprint: tooMany, pool, seed: 's' })).toBeNull();
    expect(
      drawAttempt({
        blueprint: blueprint({ sections: [{ title: 'B', draw: 3, from: { bank: 'two' } }] }),
        pool,
        seed: 's',
      }),
    ).toBeNull();
  });

  it('should keep sections and bank order, and the choices in place, when nothing is shuffled', () => {
    const slots = drawAttempt({
      blueprint: blueprint({ shuffleQuestions: false, shuffleChoices: false }),
      pool,
      seed: 's',
    })!;
    expect(slots.map((slot) => slot.section)).toEqual([0, 0, 0, 1, 1, 1, 1, 1]);
    const order = slots.map((slot) => Number(slot.questionId.slice(1)));
    expect(order.slice(0, 3)).toEqual([...order.slice(0, 3)].sort((a, b) => a - b));
    expect(slots.every((slot) => JSON.stringify(slot.choiceOrder) === '[0,1,2]')).toBe(true);
  });

  it('should always shuffle the options of a matching question', () => {
    const matching: PoolQuestion[] = [{ bankId: 'm', question: QuestionFactory.matching() }];
    const orders = new Set(
      ['a', 'b', 'c', 'd', 'e'].map((seed) =>
        JSON.stringify(
          drawAttempt({
            blueprint: blueprint({
              sections: [{ title: 'M', draw: 1, from: {} }],
              shuffleChoices: false,
            }),
            pool: matching,
            seed,
          })![0].optionOrder,
        ),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });
});
