import type { AccountFact } from './scenario.types';

/**
 * The account panel as the trainee sees it. Sensitive values are masked; card, account and phone
 * numbers keep their last four digits (what an agent may read back), everything else — dates of
 * birth, addresses, e-mails — is hidden whole.
 */
export function maskedAccount(
  facts: readonly AccountFact[],
): { label: string; value: string; masked: boolean }[] {
  return facts.map((fact) => ({
    label: fact.label,
    value: fact.sensitive ? mask(fact.value) : fact.value,
    masked: fact.sensitive,
  }));
}

const NUMBER_LIKE = /^[\d\s*•-]+$/;
const DATE_LIKE = /\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/;

export function mask(value: string): string {
  const keepsTail = value.length > 8 && NUMBER_LIKE.test(value) && !DATE_LIKE.test(value);
  const visible = keepsTail ? 4 : 0;
  const hidden = value.slice(0, value.length - visible).replace(/[A-Za-z0-9]/g, '•');
  return hidden + value.slice(value.length - visible);
}
