import { TokenizedText } from './tokens';
import { Dimension, Evidence } from './types';

/** What an analyser returns: a raw dimension score (unrounded, or null) and its evidence. */
export interface DimensionResult {
  score: number | null;
  evidence: Evidence[];
}

export function clamp(value: number, low = 0, high = 100): number {
  return Math.min(high, Math.max(low, value));
}

/** Evidence over a character span; the matched text is read back from the original text. */
export function spanEvidence(
  text: string,
  dimension: Dimension,
  rule: string,
  span: [number, number],
  effect: number,
  note?: string,
): Evidence {
  const evidence: Evidence = { dimension, rule, text: text.slice(span[0], span[1]), span, effect };
  if (note !== undefined) evidence.note = note;
  return evidence;
}

/** Evidence over the tokens `first..last` (inclusive). */
export function tokenEvidence(
  doc: TokenizedText,
  dimension: Dimension,
  rule: string,
  first: number,
  last: number,
  effect: number,
  note?: string,
): Evidence {
  return spanEvidence(doc.text, dimension, rule, tokenSpan(doc, first, last), effect, note);
}

export function tokenSpan(doc: TokenizedText, first: number, last: number): [number, number] {
  const start = doc.starts[first];
  return [start, Math.max(start, doc.ends[last])];
}

/** True when the token is the first word of its sentence. */
export function isSentenceStart(doc: TokenizedText, index: number): boolean {
  return doc.sentences[doc.sentenceOf[index]]?.firstWord === index;
}

/** True when the token is the sentence's first word or the word directly after it. */
export function isSentenceLead(doc: TokenizedText, index: number): boolean {
  const first = doc.sentences[doc.sentenceOf[index]]?.firstWord ?? -1;
  return first >= 0 && (index === first || (index === first + 1 && doc.isWord[index] === 1));
}

/**
 * Counts each rule once: the first occurrence (in text order) carries the effect, later ones are
 * kept as evidence with effect 0, so every span can still be highlighted.
 */
export function countOnce(evidence: Evidence[]): { total: number; evidence: Evidence[] } {
  const sorted = [...evidence].sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
  const seen = new Set<string>();
  let total = 0;
  for (const item of sorted) {
    if (item.effect === 0) continue;
    if (seen.has(item.rule)) {
      item.effect = 0;
      item.note = item.note ?? 'counted once';
      continue;
    }
    seen.add(item.rule);
    total += item.effect;
  }
  return { total, evidence: sorted };
}
