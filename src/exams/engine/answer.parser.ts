import { roundFraction } from './question-state';
import { Choice, NumericalAnswer, ShortAnswer } from './question.types';
import { Checker, Path } from './value-checker';

// Readers of the answer options of a bank question (choices, accepted answers, numbers).

function fractionOf(check: Checker, value: unknown, path: Path, min: number): number {
  const fraction = check.number(value, path);
  if (fraction === undefined) return 0;
  if (fraction < min || fraction > 1) {
    check.fail(path, `must be from ${min} to 1`);
    return 0;
  }
  return roundFraction(fraction);
}

export function choiceOf(check: Checker, raw: unknown, path: Path): Choice {
  const item = check.mapping(raw, path, ['text', 'fraction', 'feedback']);
  return {
    text: check.string(item?.text, [...path, 'text']) ?? '',
    fraction: fractionOf(check, item?.fraction, [...path, 'fraction'], -1),
    feedback: check.optionalString(item?.feedback, [...path, 'feedback']),
  };
}

export function shortAnswerOf(check: Checker, raw: unknown, path: Path): ShortAnswer {
  const item = check.mapping(raw, path, ['text', 'fraction', 'feedback']);
  return {
    text: check.string(item?.text, [...path, 'text']) ?? '',
    fraction: fractionOf(check, item?.fraction ?? 1, [...path, 'fraction'], 0),
    feedback: check.optionalString(item?.feedback, [...path, 'feedback']),
  };
}

export function numericalOf(check: Checker, raw: unknown, path: Path): NumericalAnswer {
  const keys = ['value', 'tolerance', 'min', 'max', 'any', 'fraction', 'feedback'];
  const item = check.mapping(raw, path, keys) ?? {};
  const fraction = fractionOf(check, item.fraction ?? 1, [...path, 'fraction'], 0);
  const feedback = check.optionalString(item.feedback, [...path, 'feedback']);
  if (item.any === true) return { any: true, fraction, feedback };
  if (item.value !== undefined) {
    const value = check.number(item.value, [...path, 'value']) ?? 0;
    const tolerance = check.optionalNumber(item.tolerance, [...path, 'tolerance'], {
      min: 0,
      max: Infinity,
      fallback: 0,
    });
    return { value, tolerance, fraction, feedback };
  }
  if (item.min === undefined && item.max === undefined) {
    check.fail(path, 'give value (and tolerance), min and max, or any: true');
    return { any: true, fraction, feedback };
  }
  const min = check.number(item.min, [...path, 'min']) ?? 0;
  const max = check.number(item.max, [...path, 'max']) ?? 0;
  if (min > max) check.fail([...path, 'max'], 'must not be below min');
  return { min, max, fraction, feedback };
}
