import { CourseDefinition, LessonDefinition } from './course-definition';
import {
  EnrolmentView,
  LessonLinkView,
  LessonProgressView,
  QuestionView,
} from './dto/course-views.dto';
import { isOverdue, percentDone, resumeLesson } from './engine/course-progress';
import { openQuestions } from './engine/knowledge-check';
import { Enrolment } from './enrolment.entity';
import { LessonProgress } from './lesson-progress.entity';

// Entities and content definitions → API views. Pure: the caller passes `now`.

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/** Lesson ids of the current course version that this progress has completed. */
export function completedLessonIds(
  course: CourseDefinition,
  progress: readonly LessonProgress[],
): Set<string> {
  const current = new Set(course.lessons.map((lesson) => lesson.id));
  return new Set(
    progress
      .filter((row) => row.completedAt && current.has(row.lessonId))
      .map((row) => row.lessonId),
  );
}

export function toEnrolmentView(
  course: CourseDefinition,
  enrolment: Enrolment,
  progress: readonly LessonProgress[],
  now: Date,
): EnrolmentView {
  const done = completedLessonIds(course, progress);
  const completed = enrolment.status === 'completed';
  return {
    id: enrolment.id,
    userId: enrolment.userId,
    courseId: enrolment.courseId,
    status: enrolment.status,
    source: enrolment.assignedById ? 'assigned' : 'self',
    assignedById: enrolment.assignedById,
    assignedAt: iso(enrolment.assignedAt),
    dueDate: enrolment.dueDate,
    overdue: isOverdue(enrolment.dueDate, completed, now),
    enrolledAt: enrolment.enrolledAt.toISOString(),
    startedAt: iso(enrolment.startedAt),
    completedAt: iso(enrolment.completedAt),
    completedVersion: enrolment.completedVersion,
    score: enrolment.score,
    lastLessonId: enrolment.lastLessonId,
    resumeLessonId: resumeLesson(
      course.lessons.map((lesson) => lesson.id),
      done,
      enrolment.lastLessonId,
    ),
    lessonsCompleted: done.size,
    lessonCount: course.lessons.length,
    percent: completed ? 100 : percentDone(done.size, course.lessons.length),
    secondsSpent: progress.reduce((sum, row) => sum + row.secondsSpent, 0),
  };
}

export function toLessonProgressView(
  lesson: LessonDefinition,
  progress: LessonProgress,
): LessonProgressView {
  return {
    lessonId: progress.lessonId,
    openedAt: progress.openedAt.toISOString(),
    completedAt: iso(progress.completedAt),
    secondsSpent: progress.secondsSpent,
    score: progress.score,
    questions: Object.entries(progress.checkState).map(([questionId, state]) => ({
      questionId,
      attempts: state.attempts,
      correct: state.correct,
      lastResponse: state.lastResponse,
    })),
    openQuestions: openQuestions(lesson.check, progress.checkState),
    updatedSinceCompleted:
      progress.completedAt !== null &&
      progress.contentHash !== null &&
      progress.contentHash !== lesson.contentHash,
  };
}

/** A question as a learner may see it: no correct flags, no feedback before answering. */
export function toQuestionView(question: LessonDefinition['check'][number]): QuestionView {
  return {
    id: question.id,
    prompt: question.prompt,
    type: question.type,
    choices: question.choices.map((choice, index) => ({ index, text: choice.text })),
  };
}

export function lessonLink(lesson: LessonDefinition | undefined): LessonLinkView | null {
  return lesson ? { id: lesson.id, title: lesson.title } : null;
}
