import type { Dimension } from '../scoring/engine';
import { CourseDefinition } from './course-definition';

/** A role-play dimension mean below this is weak: retraining and the debrief suggest courses. */
export const WEAK_BELOW = 60;

/** A course that trains some of the dimensions asked about (`trains` in its course.md). */
export interface TrainingCourse {
  courseId: string;
  title: string;
  /** Those of the dimensions asked about that it trains. */
  trains: Dimension[];
}

/** The courses that train any of `dimensions`, in catalogue order. */
export function coursesTraining(
  courses: readonly CourseDefinition[],
  dimensions: readonly Dimension[],
): TrainingCourse[] {
  return courses.flatMap((course) => {
    const trains = course.trains.filter((dimension) => dimensions.includes(dimension));
    return trains.length ? [{ courseId: course.id, title: course.title, trains }] : [];
  });
}
