import { formatUtc } from '../common/time';
import { AttemptView, QuestionView, ReviewView } from './attempt-views';
import { SummaryState } from './engine';
import { renderInline, renderQuestionText } from './exam-text';

const STATE_LABELS: Record<SummaryState, { label: string; badge: string }> = {
  notanswered: { label: 'Not answered', badge: '' },
  answered: { label: 'Answered', badge: '' },
  invalid: { label: 'Incomplete', badge: 'warn' },
  needsgrading: { label: 'Waiting for a trainer', badge: 'warn' },
  right: { label: 'Right', badge: 'good' },
  partial: { label: 'Partly right', badge: 'warn' },
  wrong: { label: 'Wrong', badge: 'bad' },
};

export function stateLabel(state: SummaryState): { label: string; badge: string } {
  return STATE_LABELS[state];
}

/** One question of the take page: rendered prompt, inputs filled with the saved answer. */
function takeQuestion(question: QuestionView, sections: string[]): Record<string, unknown> {
  const response = question.response as Record<string, unknown> | null;
  const chosen = new Set<number>(
    response && 'choice' in response && response.choice !== null
      ? [response.choice as number]
      : ((response?.choices as number[] | undefined) ?? []),
  );
  const matches = (response?.matches as (string | null)[] | undefined) ?? [];
  return {
    slot: question.slot,
    sectionTitle: sections[question.section] ?? '',
    promptHtml: renderQuestionText(question.prompt, question.format),
    type: question.type,
    maxMark: question.maxMark,
    state: question.state,
    answered: question.state === 'answered',
    isSingle: question.type === 'single',
    isMultiple: question.type === 'multiple',
    isTrueFalse: question.type === 'truefalse',
    isShort: question.type === 'short',
    isNumerical: question.type === 'numerical',
    isFreeText: question.type === 'freetext',
    isMatching: question.type === 'matching',
    choices: (question.choices ?? []).map((choice) => ({
      index: choice.index,
      html: renderInline(choice.text, question.format),
      checked: chosen.has(choice.index),
    })),
    trueChecked: response?.answer === true,
    falseChecked: response?.answer === false,
    text: typeof response?.text === 'string' ? response.text : '',
    unit: question.unit ?? null,
    lefts: (question.lefts ?? []).map((left, index) => ({
      index,
      html: renderInline(left, question.format),
      options: (question.options ?? []).map((option) => ({
        value: option,
        selected: matches[index] === option,
      })),
    })),
  };
}

export function takePageModel(view: AttemptView): object {
  return {
    title: view.examTitle,
    attempt: view,
    deadline: view.deadlineAt.toISOString(),
    serverNow: view.serverNow.toISOString(),
    questions: view.questions.map((question) => takeQuestion(question, view.sections)),
  };
}

function answerHtml(question: QuestionView): string {
  const response = question.response as Record<string, unknown> | null;
  if (!response) return '<em>No answer</em>';
  if (question.choices) {
    const picked =
      'choice' in response ? [response.choice] : ((response.choices as number[]) ?? []);
    const texts = question.choices
      .filter((choice) => picked.includes(choice.index))
      .map((choice) => renderInline(choice.text, question.format));
    return texts.length ? texts.join('<br>') : '<em>No answer</em>';
  }
  if ('answer' in response)
    return response.answer === null ? '<em>No answer</em>' : response.answer ? 'True' : 'False';
  if ('matches' in response)
    return (question.lefts ?? [])
      .map(
        (left, i) =>
          `${renderInline(left, question.format)} → ${renderInline(String((response.matches as (string | null)[])[i] ?? '–'), 'plain')}`,
      )
      .join('<br>');
  const text = String(response.text ?? '');
  return text.trim() ? renderInline(text, 'plain').replace(/\n/g, '<br>') : '<em>No answer</em>';
}

/** The review page: each question with the answer given and, when allowed, marks and feedback. */
export function reviewPageModel(
  view: AttemptView,
  options: { canGrade: boolean; userName?: string },
): object {
  const reviews = new Map((view.review ?? []).map((review) => [review.slot, review]));
  return {
    title: `${view.examTitle}: review`,
    attempt: view,
    userName: options.userName,
    canGrade: options.canGrade,
    questions: view.questions.map((question) => {
      const review: ReviewView | undefined = reviews.get(question.slot);
      const state = review?.state ?? question.state;
      return {
        slot: question.slot,
        sectionTitle: view.sections[question.section] ?? '',
        promptHtml: renderQuestionText(question.prompt, question.format),
        answerHtml: answerHtml(question),
        state,
        ...stateLabel(state),
        needsGrading: state === 'needsgrading',
        review: review && {
          ...review,
          choices: review.choices?.map((choice) => ({
            ...choice,
            html: renderInline(choice.text, question.format),
          })),
          answerFeedback: review.feedback.answerFeedback.map((text) =>
            renderInline(text, question.format),
          ),
          generalFeedback:
            review.feedback.generalFeedback &&
            renderQuestionText(review.feedback.generalFeedback, question.format),
          rightAnswer:
            review.feedback.rightAnswer &&
            renderInline(review.feedback.rightAnswer, question.format),
        },
      };
    }),
  };
}

const round = (value: number): string => String(Math.round(value * 100) / 100);

/** The result page: the verdict and marks, rounded for display only. */
export function resultPageModel(
  view: AttemptView,
  options: { own: boolean; staff: boolean },
): object {
  return {
    title: `${view.examTitle}: result`,
    attempt: view,
    ...options,
    marks: view.result ? round(view.result.marks) : null,
    maxMarks: view.result ? round(view.result.maxMarks) : null,
    reviewLater: reviewLater(view),
  };
}

/** Why a finished attempt shows no answers yet, and when it will. */
function reviewLater(view: AttemptView): string | null {
  if (view.reviewAvailable || !view.finishedAt) return null;
  return view.reviewOpensAt
    ? `Answers are shown after the exam closes on ${formatUtc(view.reviewOpensAt)}.`
    : 'This exam does not show the answers and feedback.';
}
