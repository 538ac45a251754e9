export * from './certificate-dates';
export * from './programme.parser';
export * from './programme.types';
export * from './requirements.evaluator';
export * from './certificate-cycle';
