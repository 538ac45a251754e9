import { matchNumericalAnswer, matchShortAnswer } from './item.grader';
import {
  NumericalAnswer,
  QuestionDefinition,
  QuestionResponse,
  ScoreSummary,
} from './question.types';

/** What a review shows under a question once the review policy allows it. */
export interface ItemFeedback {
  /** Feedback attached to what was answered (each chosen option, the matched answer…). */
  answerFeedback: string[];
  generalFeedback: string | null;
  /** Moodle's "The correct answer is: …". */
  rightAnswer: string | null;
}

export function feedbackFor(
  question: QuestionDefinition,
  response: QuestionResponse | null,
  score: ScoreSummary | null,
): ItemFeedback {
  return {
    answerFeedback: response ? answerFeedback(question, response, score) : [],
    generalFeedback: question.generalFeedback,
    rightAnswer: rightAnswer(question),
  };
}

function answerFeedback(
  question: QuestionDefinition,
  response: QuestionResponse,
  score: ScoreSummary | null,
): string[] {
  const texts: (string | null | undefined)[] = [];
  switch (question.type) {
    case 'single':
      if ('choice' in response && response.choice !== null)
        texts.push(question.choices[response.choice]?.feedback);
      break;
    case 'multiple':
      if ('choices' in response)
        texts.push(...response.choices.map((index) => question.choices[index]?.feedback));
      break;
    case 'truefalse':
      if ('answer' in response && response.answer !== null)
        texts.push(response.answer ? question.feedbackTrue : question.feedbackFalse);
      break;
    case 'short': {
      const matched = 'text' in response ? matchShortAnswer(question, response.text) : null;
      if (matched !== null) texts.push(question.answers[matched].feedback);
      break;
    }
    case 'numerical': {
      const matched = 'text' in response ? matchNumericalAnswer(question, response.text) : null;
      if (matched !== null) texts.push(question.answers[matched].feedback);
      break;
    }
    case 'matching':
      break;
    case 'freetext':
      if (score) texts.push(...score.violations, ...score.tips);
      break;
  }
  return texts.filter((text): text is string => typeof text === 'string' && text.trim() !== '');
}

/** A readable statement of the key. */
export function rightAnswer(question: QuestionDefinition): string | null {
  switch (question.type) {
    case 'single':
      return question.choices
        .filter((choice) => choice.fraction === 1)
        .map((choice) => choice.text)
        .join(' / ');
    case 'multiple':
      return question.choices
        .filter((choice) => choice.fraction > 0)
        .map((choice) => choice.text)
        .join('; ');
    case 'truefalse':
      return question.answer ? 'True' : 'False';
    case 'short':
      return question.answers.find((answer) => answer.fraction === 1)?.text ?? null;
    case 'numerical': {
      const best = question.answers.find((answer) => answer.fraction === 1);
      return best ? `${numericalText(best)}${question.unit ? ` ${question.unit}` : ''}` : null;
    }
    case 'matching':
      return question.pairs.map((pair) => `${pair.left} → ${pair.right}`).join('; ');
    case 'freetext':
      return question.modelAnswer;
  }
}

function numericalText(answer: NumericalAnswer): string {
  if ('any' in answer) return 'any number';
  if ('value' in answer)
    return answer.tolerance ? `${answer.value} ± ${answer.tolerance}` : String(answer.value);
  return `${answer.min} to ${answer.max}`;
}
