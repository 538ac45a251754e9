import { countRating, FEEDBACK_MIN_RESPONSES, satisfactionOf } from './satisfaction';

describe('satisfactionOf', () => {
  it('should give only the count below the threshold', () => {
    expect(FEEDBACK_MIN_RESPONSES).toBe(3);
    expect(satisfactionOf([0, 1, 0, 0, 1])).toEqual({
      responses: 2,
      shown: false,
      mean: null,
      distribution: null,
    });
    expect(satisfactionOf([0, 0, 0, 0, 0])).toMatchObject({ responses: 0, shown: false });
  });

  it('should give the mean to one decimal and the spread from three answers', () => {
    // 1 + 3 + 4 + 5 = 13 over 4 answers = 3.25, shown as 3.3.
    expect(satisfactionOf([1, 0, 1, 1, 1])).toEqual({
      responses: 4,
      shown: true,
      mean: 3.3,
      distribution: [1, 0, 1, 1, 1],
    });
    expect(satisfactionOf([0, 0, 3, 0, 0]).mean).toBe(3);
  });

  it('should not share the caller’s count list', () => {
    const counts = [0, 0, 1, 1, 1];
    const view = satisfactionOf(counts);
    counts[0] = 9;
    expect(view.distribution).toEqual([0, 0, 1, 1, 1]);
  });
});

describe('countRating', () => {
  it('should add answers at the rating’s place and ignore ratings outside 1–5', () => {
    let counts = countRating(undefined, 5, 2);
    counts = countRating(counts, 1, 1);
    counts = countRating(counts, 6, 4);
    expect(counts).toEqual([1, 0, 0, 0, 2]);
  });
});
