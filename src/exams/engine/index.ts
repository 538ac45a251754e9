// Public API of the exam engine: question definitions, grading, behaviour, draws, statistics.
// Plain data in, plain data out: no Nest, no database, no clock, no unseeded randomness.
export * from './attempt-marks';
export * from './deferred-feedback.behaviour';
export * from './exam-draw';
export * from './item-feedback';
export * from './item-statistics';
export * from './item.grader';
export * from './question-state';
export * from './question-version';
export * from './question.parser';
export * from './question.types';
export * from './response';
export * from './seeded-random';
export * from './value-checker';
