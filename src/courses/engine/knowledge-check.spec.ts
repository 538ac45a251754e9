import { CheckQuestion } from '../course-definition';
import {
  applyGrades,
  checkScore,
  gradeQuestion,
  openQuestions,
  readResponses,
  responseProblem,
} from './knowledge-check';

const single: CheckQuestion = {
  id: 'q1',
  prompt: 'Who owns the request?',
  type: 'single',
  choices: [
    { text: 'The billing team', correct: false, feedback: 'Not only them.' },
    { text: 'Whoever took it first', correct: true, feedback: 'Yes: first contact owns it.' },
  ],
};
const multiple: CheckQuestion = {
  id: 'q2',
  prompt: 'Which are values?',
  type: 'multiple',
  choices: [
    { text: 'Customer first', correct: true, feedback: 'A value.' },
    { text: 'Short calls', correct: false, feedback: 'Not a value.' },
    { text: 'Teamwork', correct: true, feedback: 'A value.' },
  ],
};

describe(gradeQuestion.name, () => {
  it('should grade a single-choice response right only when the correct choice is picked', () => {
    expect(gradeQuestion(single, [1])).toEqual({
      questionId: 'q1',
      correct: true,
      fraction: 1,
      feedback: [
        { choice: 1, text: 'Whoever took it first', feedback: 'Yes: first contact owns it.' },
      ],
    });
    expect(gradeQuestion(single, [0])).toMatchObject({ correct: false, fraction: 0 });
  });

  it('should grade a multiple-answer response all or nothing, in any order of picks', () => {
    expect(gradeQuestion(multiple, [2, 0]).correct).toBe(true);
    expect(gradeQuestion(multiple, [0, 1, 2]).correct).toBe(false);
  });

  it('should hint that something is missing when every pick is right but not all are picked', () => {
    expect(gradeQuestion(multiple, [0]).hint).toMatch(/missing/);
    expect(gradeQuestion(multiple, [0, 1]).hint).toBeUndefined();
  });
});

describe(responseProblem.name, () => {
  it('should refuse empty, repeated, out-of-range and (for single) several picks', () => {
    expect(responseProblem(single, [])).toMatch(/at least one/);
    expect(responseProblem(multiple, [0, 0])).toMatch(/twice/);
    expect(responseProblem(single, [2])).toMatch(/does not exist/);
    expect(responseProblem(single, [0.5])).toMatch(/does not exist/);
    expect(responseProblem(single, [0, 1])).toMatch(/exactly one/);
    expect(responseProblem(multiple, [0, 2])).toBeNull();
  });
});

describe(readResponses.name, () => {
  it('should keep gradable responses and name the problem of every other one', () => {
    expect(readResponses([single, multiple], { q1: 1, q2: [0, 'x'], q9: [0] })).toEqual({
      responses: { q1: [1] },
      problems: [
        { questionId: 'q2', message: 'give choice indexes (numbers)' },
        { questionId: 'q9', message: 'no such question in this lesson' },
      ],
    });
    expect(readResponses([single], {}).problems).toEqual([
      { questionId: null, message: 'answer at least one question' },
    ]);
  });
});

describe(applyGrades.name, () => {
  it('should count attempts and keep the first-try verdict while later tries can fix an answer', () => {
    const first = applyGrades({}, [gradeQuestion(single, [0])], { q1: [0] });
    expect(first.q1).toEqual({
      attempts: 1,
      correct: false,
      firstTryCorrect: false,
      lastResponse: [0],
    });
    const second = applyGrades(first, [gradeQuestion(single, [1])], { q1: [1] });
    expect(second.q1).toEqual({
      attempts: 2,
      correct: true,
      firstTryCorrect: false,
      lastResponse: [1],
    });
    expect(openQuestions([single, multiple], second)).toEqual(['q2']);
  });

  it('should score the share of questions right at the first try', () => {
    let state = applyGrades({}, [gradeQuestion(single, [1]), gradeQuestion(multiple, [1])], {
      q1: [1],
      q2: [1],
    });
    state = applyGrades(state, [gradeQuestion(multiple, [0, 2])], { q2: [0, 2] });
    expect(openQuestions([single, multiple], state)).toEqual([]);
    expect(checkScore([single, multiple], state)).toBe(0.5);
  });
});
