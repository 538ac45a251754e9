import { FieldError } from '../common/domain-error';
import { errorsByPath } from '../common/validation';
import {
  CheckResultView,
  CourseDetailView,
  CourseSummaryView,
  EnrolmentView,
  LessonView,
} from './dto/course-views.dto';
import { percentOf } from '../common/view-helpers';
import { counted, countNotice, HomeNotice } from '../identity/home-sections';
import { barChartSvg } from '../common/charts/bar-chart';
import {
  CourseFeedbackSummaryView,
  CourseSatisfactionView,
  MyCourseFeedbackView,
} from './dto/course-feedback.dto';

// Page models for the handlebars views: display strings and flags, no logic in templates.

export interface Badge {
  label: string;
  tone: '' | 'good' | 'warn' | 'bad';
}

export function statusBadge(enrolment: EnrolmentView | null): Badge | null {
  if (!enrolment) return null;
  if (enrolment.status === 'completed') return { label: 'Completed', tone: 'good' };
  if (enrolment.status === 'in_progress')
    return { label: `In progress · ${enrolment.percent} %`, tone: 'warn' };
  return { label: enrolment.source === 'assigned' ? 'Assigned' : 'Enrolled', tone: '' };
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

type EnrolmentModel = EnrolmentView & { badge: Badge | null; timeSpent: string; scoreText: string };

function enrolmentModel(enrolment: EnrolmentView | null): EnrolmentModel | null {
  if (!enrolment) return null;
  return {
    ...enrolment,
    badge: statusBadge(enrolment),
    timeSpent: formatSeconds(enrolment.secondsSpent),
    scoreText: percentOf(enrolment.score),
  };
}

export function cataloguePage(
  courses: CourseSummaryView[],
  canManage: boolean,
  satisfaction: CourseSatisfactionView[] = [],
): object {
  const byCourse = new Map(satisfaction.map((entry) => [entry.courseId, entry]));
  const cards = courses.map((course) => ({
    ...course,
    satisfaction: byCourse.get(course.id) ?? null,
    enrolment: enrolmentModel(course.enrolment),
    missing: course.prerequisites.filter((prerequisite) => !prerequisite.completed),
  }));
  return {
    title: 'Courses',
    mine: cards.filter((course) => course.enrolment && course.enrolment.status !== 'completed'),
    courses: cards,
    canManage,
  };
}

/** The "How was this course?" card: the person's answer, or what they sent with its errors. */
export interface FeedbackCard {
  mine: MyCourseFeedbackView | null;
  form?: Record<string, unknown>;
  errors?: FieldError[];
  error?: string;
}

export function coursePage(
  course: CourseDetailView,
  extra: {
    canManage: boolean;
    error?: string;
    notice?: string;
    feedback?: FeedbackCard | null;
  },
): object {
  const first = course.lessons[0]?.id;
  return {
    title: course.title,
    course: {
      ...course,
      enrolment: enrolmentModel(course.enrolment),
      lessons: course.lessons.map((lesson) => ({
        ...lesson,
        done: !!lesson.progress?.completedAt,
        opened: !!lesson.progress && !lesson.progress.completedAt,
        updated: lesson.progress?.updatedSinceCompleted ?? false,
      })),
    },
    missing: course.prerequisites.filter((prerequisite) => !prerequisite.completed),
    resumeLessonId: course.enrolment ? (course.enrolment.resumeLessonId ?? first) : null,
    ...extra,
    feedback: extra.feedback ? feedbackCard(extra.feedback) : null,
  };
}

const RATING_LABELS = ['Poor', 'Fair', 'Good', 'Very good', 'Excellent'];

function feedbackCard(card: FeedbackCard): object {
  const sent = card.form ?? {};
  const rating = card.form ? Number(sent.rating) : card.mine?.rating;
  return {
    mine: card.mine,
    error: card.error,
    errors: errorsByPath(card.errors),
    comment: card.form ? String(sent.comment ?? '') : (card.mine?.comment ?? ''),
    ratings: RATING_LABELS.map((label, index) => ({
      value: index + 1,
      label,
      checked: rating === index + 1,
    })),
  };
}

/** Staff's page of one course's feedback: the spread as a bar chart, the comments. */
export function feedbackPage(
  summary: CourseFeedbackSummaryView,
  extra: { teams: string[]; team?: string; canModerate: boolean; notice?: string; error?: string },
): object {
  return {
    title: `Feedback: ${summary.title}`,
    summary,
    ...extra,
    chart: summary.distribution
      ? barChartSvg({
          id: 'rating-spread',
          title: 'Answers per rating',
          description: `How many people gave each rating from 1 (poor) to 5 (excellent); ${summary.responses} in all`,
          series: [{ key: 'answers', label: 'answers' }],
          bars: summary.distribution.map((count, index) => ({
            label: `${index + 1} ${RATING_LABELS[index].toLowerCase()}`,
            segments: [{ key: 'answers', value: count }],
          })),
        })
      : null,
  };
}

/** The reader; `answered` carries the results of a check posted without JavaScript. */
export function lessonPage(
  lesson: LessonView,
  extra: { answered?: CheckResultView; error?: string; errors?: FieldError[] } = {},
): object {
  const progress = extra.answered?.progress ?? lesson.progress;
  const canAnswer = !!lesson.enrolment && lesson.missingPrerequisites.length === 0;
  const fieldErrors = errorsByPath(extra.errors);
  // A problem with the whole check (nothing answered) concerns every question.
  const checkError = fieldErrors.answers && checkMessage(fieldErrors.answers);
  return {
    title: lesson.title,
    lesson,
    canAnswer,
    completed: !!progress?.completedAt,
    allCorrect: !!progress && progress.openQuestions.length === 0,
    timeSpent: progress ? formatSeconds(progress.secondsSpent) : null,
    questions: lesson.questions.map((question) => {
      const state = progress?.questions.find((entry) => entry.questionId === question.id);
      const result = extra.answered?.results.find((entry) => entry.questionId === question.id);
      const error = fieldErrors[`answers.${question.id}`];
      return {
        ...question,
        inputType: question.type === 'multiple' ? 'checkbox' : 'radio',
        choices: question.choices.map((choice) => ({
          ...choice,
          checked: state?.lastResponse.includes(choice.index) ?? false,
        })),
        correct: result ? result.correct : state?.correct ? true : null,
        result: result ?? null,
        error,
        // The id of the message that describes this question's rejected choices, if any.
        errorId: error ? `check-${question.id}-error` : checkError ? 'check-error' : undefined,
      };
    }),
    checkError,
    error: extra.error,
  };
}

/** The knowledge check's own wording for a problem with the whole check (as public/js/courses.js shows it). */
function checkMessage(message: string): string {
  return /^answer at least one question$/i.test(message) ? 'Pick an answer first.' : message;
}

/** Days ahead that an assignment counts as due soon on the home page. */
export const DUE_SOON_DAYS = 7;

/** The home-page notice of assignments overdue or due within a week, or null. */
export function dueCoursesNotice(
  due: readonly { courseId: string; dueDate: string | null }[],
  today: string,
  titleOf: (courseId: string) => string,
): HomeNotice | null {
  const overdue = due.filter((row) => row.dueDate! < today).length;
  const soon = due.length - overdue;
  const parts = [
    overdue > 0 ? `${overdue} overdue` : null,
    soon > 0 ? `${soon} due within ${DUE_SOON_DAYS} days` : null,
  ].filter((part) => part !== null);
  return countNotice(
    'courses-due',
    due.length,
    (count) => `${counted(count, 'assigned course')} to finish: ${parts.join(', ')}`,
    '/courses',
    due.map((row) => ({
      label: `${titleOf(row.courseId)}: ${row.dueDate! < today ? 'overdue since' : 'due'} ${row.dueDate}`,
      href: `/courses/${encodeURIComponent(row.courseId)}`,
    })),
  );
}
