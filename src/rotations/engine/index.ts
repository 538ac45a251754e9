export * from './calendar-day';
export * from './eligibility';
export * from './eligibility.types';
export * from './person-facts';
