import { ACTIVITY_TYPES, activityIri } from '../learning-records/xapi';
import { CheckQuestion, CourseDefinition, LessonDefinition } from './course-definition';

// The xAPI activities of the courses feature: a course, its lessons, their check questions.

export function courseActivity(course: CourseDefinition): {
  id: string;
  type: string;
  name: string;
} {
  return { id: activityIri('course', course.id), type: ACTIVITY_TYPES.course, name: course.title };
}

export function lessonActivity(
  course: CourseDefinition,
  lesson: LessonDefinition,
): { id: string; type: string; name: string } {
  return {
    id: activityIri('course', course.id, 'lesson', lesson.id),
    type: ACTIVITY_TYPES.lesson,
    name: lesson.title,
  };
}

export function questionActivity(
  course: CourseDefinition,
  lesson: LessonDefinition,
  question: CheckQuestion,
): { id: string; type: string; name: string } {
  return {
    id: activityIri('course', course.id, 'lesson', lesson.id, 'question', question.id),
    type: ACTIVITY_TYPES.question,
    name: question.prompt.length > 300 ? `${question.prompt.slice(0, 297)}...` : question.prompt,
  };
}
