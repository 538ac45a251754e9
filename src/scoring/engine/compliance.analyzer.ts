import { clamp, DimensionResult, spanEvidence, tokenSpan } from './evidence';
import { PhraseIndex } from './phrase-pattern';
import { CompiledRubric } from './rubric.compiler';
import { findSensitiveData } from './sensitive-data';
import { TokenizedText } from './tokens';
import { Evidence, Rubric, Violation } from './types';

/** Points the compliance dimension loses per violation (two violations reach 0). */
export const VIOLATION_PENALTY = 50;

const MESSAGES = {
  'card-number': 'A full payment-card number was read out: quote only the last four digits.',
  'national-id': 'A national ID number was read out: never repeat an identity number in full.',
  'secret-disclosed':
    'A password, PIN or code was disclosed: never read secrets out, send a reset instead.',
  'secret-requested':
    'The customer was asked for a full password, PIN or security code: never ask for one.',
  promise: 'A promise the agent cannot guarantee: commit to the next step, not to the outcome.',
} as const;

// "Guarantee" and "never again" always overpromise; "promise", "assure" and "will definitely"
// only when the same sentence names an outcome the agent does not control.
type PromiseStrength = 'strong' | 'weak';
const PROMISES = new PhraseIndex<PromiseStrength>(false);
const PROMISE_PHRASES: Record<PromiseStrength, string[]> = {
  strong: [
    'guarantee|guaranteed|guarantees|guaranteeing',
    '100 % (sure|certain|guaranteed)',
    "(will|'ll) never happen again",
    "(will not|won't) [ever] happen again",
  ],
  weak: [
    '(i|we) [can] promise',
    '(i|we) [can] assure you',
    "(will|'ll) (definitely|certainly|absolutely)",
    '(definitely|certainly) (will|going to)',
  ],
};
for (const [strength, phrases] of Object.entries(PROMISE_PHRASES)) {
  for (const phrase of phrases) {
    const problem = PROMISES.add(phrase, strength as PromiseStrength);
    if (problem !== null) throw new Error(`promise phrase: ${problem}`);
  }
}
const OUTCOMES = new Set(
  (
    'refund refunded refunds compensation compensate compensated credit credited waive waived free ' +
    'fixed resolved approved reimburse reimbursed discount never'
  ).split(' '),
);

export interface ComplianceResult extends DimensionResult {
  violations: Violation[];
}

/** Finds violations: rubric-forbidden phrases, sensitive data read out, promises. */
export function analyseCompliance(
  doc: TokenizedText,
  rubric: Rubric,
  compiled: CompiledRubric,
): ComplianceResult {
  const violations: Violation[] = [];
  const add = (rule: string, message: string, span: [number, number]): void => {
    violations.push({ rule, message, text: doc.text.slice(span[0], span[1]), span });
  };
  for (const match of compiled.forbidden.match(doc)) {
    if (doc.quoted[match.first] === 1 || doc.negated[match.first]) continue;
    const forbidden = rubric.forbidden[match.payload];
    add(`forbidden.${forbidden.id}`, forbidden.message, tokenSpan(doc, match.first, match.last));
  }
  for (const found of findSensitiveData(doc.text)) {
    if (found.rule === 'secret-requested' && isNegatedAt(doc, found.span[0])) continue;
    add(found.rule, MESSAGES[found.rule], found.span);
  }
  addPromises(doc, add);
  violations.sort(
    (a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1] || compare(a.rule, b.rule),
  );
  // The same stretch of text is one violation even when two forbidden lists name it.
  const unique = violations.filter(
    (item, i) =>
      i === 0 || item.rule !== violations[i - 1].rule || item.span[0] !== violations[i - 1].span[0],
  );
  const evidence: Evidence[] = unique.map((item) =>
    spanEvidence(doc.text, 'compliance', item.rule, item.span, -VIOLATION_PENALTY, item.message),
  );
  return { score: clamp(100 - VIOLATION_PENALTY * unique.length), evidence, violations: unique };
}

function addPromises(
  doc: TokenizedText,
  add: (rule: string, message: string, span: [number, number]) => void,
): void {
  const reported = new Set<number>();
  for (const match of PROMISES.match(doc)) {
    const sentenceIndex = doc.sentenceOf[match.first];
    if (doc.negated[match.first] || doc.quoted[match.first] === 1 || reported.has(sentenceIndex))
      continue;
    let first = match.first;
    let last = match.last;
    if (match.payload === 'weak') {
      const outcome = findOutcome(doc, sentenceIndex, match.last);
      if (outcome < 0) continue;
      first = Math.min(first, outcome);
      last = Math.max(last, outcome);
    }
    reported.add(sentenceIndex);
    add('promise', MESSAGES.promise, tokenSpan(doc, first, last));
  }
}

function findOutcome(doc: TokenizedText, sentenceIndex: number, after: number): number {
  const { first, last } = doc.sentences[sentenceIndex];
  for (let i = after + 1; i <= last; i += 1) if (OUTCOMES.has(doc.normals[i])) return i;
  for (let i = first; i < after; i += 1) if (OUTCOMES.has(doc.normals[i])) return i;
  return -1;
}

// The token holding a character position, by binary search over token starts.
function isNegatedAt(doc: TokenizedText, position: number): boolean {
  let low = 0;
  let high = doc.count - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (doc.starts[middle] <= position) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found >= 0 && doc.negated[found];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
