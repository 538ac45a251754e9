// class-transformer functions for values that come from HTML forms, where every field is text.

/** A blank text field means "none": null. */
export const blankAsNull = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() === '' ? null : value;

/** Digits become a number (a radio button or select sends "4"); blank becomes null. */
export const wholeNumberOrNull = ({ value }: { value: unknown }): unknown => {
  const blank = blankAsNull({ value });
  return typeof blank === 'string' && /^\d+$/.test(blank) ? Number(blank) : blank;
};

/** A form field's text as typed, or undefined when it is missing or blank. */
export function filledText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
