import { errorFamily } from '../common/domain-error';

export enum CourseErrorCode {
  CourseNotFound = 'COURSE_NOT_FOUND',
  LessonNotFound = 'LESSON_NOT_FOUND',
  NotEnrolled = 'NOT_ENROLLED',
  PrerequisitesNotMet = 'PREREQUISITES_NOT_MET',
  LessonNotOpened = 'LESSON_NOT_OPENED',
  CheckIncomplete = 'CHECK_INCOMPLETE',
  InvalidAnswer = 'INVALID_ANSWER',
  InvalidAssignment = 'INVALID_ASSIGNMENT',
  NotCompleted = 'COURSE_NOT_COMPLETED',
  FeedbackNotFound = 'FEEDBACK_NOT_FOUND',
}

const STATUS = {
  [CourseErrorCode.CourseNotFound]: 404,
  [CourseErrorCode.LessonNotFound]: 404,
  [CourseErrorCode.NotEnrolled]: 409,
  [CourseErrorCode.PrerequisitesNotMet]: 409,
  [CourseErrorCode.LessonNotOpened]: 409,
  [CourseErrorCode.CheckIncomplete]: 409,
  [CourseErrorCode.InvalidAnswer]: 400,
  [CourseErrorCode.InvalidAssignment]: 400,
  [CourseErrorCode.NotCompleted]: 409,
  [CourseErrorCode.FeedbackNotFound]: 404,
} satisfies Record<CourseErrorCode, number>;

export class CourseError extends errorFamily(STATUS) {
  static feedbackNotFound(): CourseError {
    return new CourseError(
      CourseErrorCode.FeedbackNotFound,
      'You have not given feedback on this course',
    );
  }

  static commentNotFound(hidden: boolean): CourseError {
    return new CourseError(
      CourseErrorCode.FeedbackNotFound,
      `No ${hidden ? 'hidden ' : ''}comment with this id among the people you may see`,
    );
  }
}
