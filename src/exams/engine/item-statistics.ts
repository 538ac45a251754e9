import { roundFraction } from './question-state';
import { QuestionDefinition, QuestionResponse } from './question.types';
import { summarizeResponse } from './response';

/** One graded question of one finished attempt. */
export interface StatisticsItem {
  /** The item: the same section draw position in every attempt (`section.position`). */
  itemKey: string;
  question: QuestionDefinition;
  response: QuestionResponse | null;
  /** Final fraction; an unanswered question counts as 0. */
  fraction: number;
  maxMark: number;
}

export interface StatisticsAttempt {
  percent: number;
  passed: boolean;
  items: StatisticsItem[];
}

export interface ResponseCount {
  label: string;
  /** The fraction this option earns, for choice questions. */
  fraction: number | null;
  count: number;
}

export interface QuestionStatistics {
  questionId: string;
  type: QuestionDefinition['type'];
  prompt: string;
  attempts: number;
  /** Mean score as a percentage of the maximum (Moodle's facility index). */
  facilityIndex: number;
  /** Correlation (× 100) of the question's mark with the rest of the exam (Moodle's discrimination index). */
  discriminationIndex: number | null;
  /** Facility of the top 27 % minus that of the bottom 27 % (× 100), ranked by exam score. */
  upperLowerIndex: number | null;
  responses: ResponseCount[];
}

export interface ExamStatistics {
  attempts: number;
  meanPercent: number | null;
  standardDeviation: number | null;
  passRate: number | null;
  /** Internal consistency over the exam's items (draw positions). */
  cronbachAlpha: number | null;
  questions: QuestionStatistics[];
}

const round = (value: number): number => roundFraction(value);

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Sample variance (n − 1). */
function variance(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const average = mean(values);
  return values.reduce((sum, value) => sum + (value - average) ** 2, 0) / (values.length - 1);
}

function correlation(xs: readonly number[], ys: readonly number[]): number | null {
  const vx = variance(xs);
  const vy = variance(ys);
  if (xs.length < 2 || vx === 0 || vy === 0) return null;
  const mx = mean(xs);
  const my = mean(ys);
  const covariance = xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i] - my), 0) / (xs.length - 1);
  return covariance / Math.sqrt(vx * vy);
}

/** Item and test statistics of the finished, fully graded attempts of one exam. */
export function examStatistics(attempts: readonly StatisticsAttempt[]): ExamStatistics {
  const percents = attempts.map((attempt) => attempt.percent);
  const questions = new Map<
    string,
    { item: StatisticsItem; attempt: StatisticsAttempt; total: number }[]
  >();
  for (const attempt of attempts) {
    const total = attempt.items.reduce((sum, item) => sum + item.fraction * item.maxMark, 0);
    for (const item of attempt.items) {
      const list = questions.get(item.question.id) ?? [];
      list.push({ item, attempt, total });
      questions.set(item.question.id, list);
    }
  }
  return {
    attempts: attempts.length,
    meanPercent: attempts.length ? round(mean(percents)) : null,
    standardDeviation: attempts.length > 1 ? round(Math.sqrt(variance(percents))) : null,
    passRate: attempts.length
      ? round((attempts.filter((attempt) => attempt.passed).length / attempts.length) * 100)
      : null,
    cronbachAlpha: cronbachAlpha(attempts),
    questions: [...questions.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, entries]) => questionStatistics(entries)),
  };
}

function questionStatistics(
  entries: { item: StatisticsItem; attempt: StatisticsAttempt; total: number }[],
): QuestionStatistics {
  const question = entries[0].item.question;
  const fractions = entries.map((entry) => entry.item.fraction);
  const rest = entries.map((entry) => entry.total - entry.item.fraction * entry.item.maxMark);
  const discrimination = correlation(fractions, rest);
  return {
    questionId: question.id,
    type: question.type,
    prompt: question.prompt,
    attempts: entries.length,
    facilityIndex: round(mean(fractions) * 100),
    discriminationIndex: discrimination === null ? null : round(discrimination * 100),
    upperLowerIndex: upperLowerIndex(entries),
    responses: responseCounts(
      question,
      entries.map((entry) => entry.item.response),
    ),
  };
}

function upperLowerIndex(
  entries: { item: StatisticsItem; attempt: StatisticsAttempt }[],
): number | null {
  if (entries.length < 4) return null;
  const ranked = [...entries].sort((a, b) => b.attempt.percent - a.attempt.percent);
  const size = Math.max(1, Math.round(entries.length * 0.27));
  const facility = (group: typeof entries): number =>
    mean(group.map((entry) => entry.item.fraction));
  return round((facility(ranked.slice(0, size)) - facility(ranked.slice(-size))) * 100);
}

/** α = k/(k−1) · (1 − Σ item variances / total variance), over attempts that have every item. */
function cronbachAlpha(attempts: readonly StatisticsAttempt[]): number | null {
  const keys = [
    ...new Set(attempts.flatMap((attempt) => attempt.items.map((item) => item.itemKey))),
  ].sort();
  const rows = attempts
    .map((attempt) => keys.map((key) => attempt.items.find((item) => item.itemKey === key)))
    .filter((row) => row.every((item) => item !== undefined))
    .map((row) => row.map((item) => (item ? item.fraction * item.maxMark : 0)));
  if (keys.length < 2 || rows.length < 2) return null;
  const totalVariance = variance(rows.map((row) => row.reduce((sum, mark) => sum + mark, 0)));
  if (totalVariance === 0) return null;
  const itemVariance = keys.reduce((sum, _key, i) => sum + variance(rows.map((row) => row[i])), 0);
  return round((keys.length / (keys.length - 1)) * (1 - itemVariance / totalVariance));
}

/** How often each option was chosen (choice questions, including unchosen ones) or each answer given. */
export function responseCounts(
  question: QuestionDefinition,
  responses: readonly (QuestionResponse | null)[],
): ResponseCount[] {
  const counts = new Map<string, number>();
  const add = (label: string): void => void counts.set(label, (counts.get(label) ?? 0) + 1);
  const noAnswer = '(no answer)';
  if (question.type === 'single' || question.type === 'multiple') {
    for (const response of responses) {
      const chosen =
        response && 'choice' in response
          ? [response.choice]
          : response && 'choices' in response
            ? response.choices
            : [];
      const picked = chosen.filter((index): index is number => index !== null);
      if (!picked.length) add(noAnswer);
      for (const index of picked) add(String(index));
    }
    return [
      ...question.choices.map((choice, index) => ({
        label: choice.text,
        fraction: choice.fraction,
        count: counts.get(String(index)) ?? 0,
      })),
      { label: noAnswer, fraction: null, count: counts.get(noAnswer) ?? 0 },
    ];
  }
  if (question.type === 'truefalse') {
    for (const response of responses) add(summarizeResponse(question, response) || noAnswer);
    return ['True', 'False', noAnswer].map((label) => ({
      label,
      fraction: label === noAnswer ? null : (label === 'True') === question.answer ? 1 : 0,
      count: counts.get(label) ?? 0,
    }));
  }
  if (question.type === 'freetext') return [];
  for (const response of responses)
    add(summarizeResponse(question, response).toLowerCase() || noAnswer);
  return [...counts.entries()]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, 10)
    .map(([label, count]) => ({ label, fraction: null, count }));
}
