import { clamp, countOnce, DimensionResult, tokenEvidence } from './evidence';
import { PhraseIndex } from './phrase-pattern';
import { TokenizedText, tokenize } from './tokens';
import { Evidence } from './types';

// Points on the 0–100 empathy scale (judgement): a reply that names the customer's feeling and
// owns the situation reaches ~100; one with no acknowledgement stays at the base.
const BASE = 25;
const POINTS = {
  'acknowledge-feeling': 40,
  'name-feeling': 30,
  acknowledge: 20,
  'situational-apology': 25,
  apology: 10,
  reassurance: 10,
  mirroring: 10,
  dismissive: -40,
} as const;
type EmpathyRule = keyof typeof POINTS;

const PHRASES: Record<
  Exclude<EmpathyRule, 'acknowledge-feeling' | 'name-feeling' | 'mirroring'>,
  string[]
> = {
  acknowledge: [
    'i [completely|totally|fully|really|do|can|can completely|can totally|can fully] (understand|imagine)',
    'i can see (why|how|that)',
    'i (know|see|hear|realise|realize|appreciate|get) (how|that|why|what)',
    'i hear you',
    'i get it',
    '(that|it) makes [complete|perfect] sense',
    "(it is|it's|that is|that's) [completely|totally|perfectly] understandable",
    'understandably',
    'no wonder',
    'of course you (are|would|feel)',
    'anyone would (be|feel)',
    "(i would|i'd) (feel|be) the same",
    "(you are|you're) right to",
    '(i|we) take (this|that|it|your concern|your complaint) seriously',
  ],
  'situational-apology': [
    '[so|very|really|terribly|truly] sorry (to hear|that|you|about|for)',
    '(apologise|apologize|apologies) for',
  ],
  apology: ['sorry', 'apologise|apologize|apologies'],
  reassurance: [
    "(do not|don't) worry",
    'rest assured',
    "(you are|you're) in good hands",
    "(we|i) (will|'ll) (get|have) (this|it|that) (sorted|fixed|resolved)",
    "(i am|i'm|we are|we're) here to help",
    'let us (sort|fix|get|resolve)',
    "(we|i) (will|'ll) sort (this|it) out",
  ],
  dismissive: [
    '(calm down|relax|chill out)',
    'overreacting',
    "(it is|it's|that is|that's) (not a big deal|no big deal|not that bad)",
    "(it is|it's|that is|that's) (only|just) (a|one) (small|minor|little|tiny)",
    'no need to (get|be) (upset|angry|worked up|rude|emotional)',
    'stop (complaining|shouting|yelling|whining)',
    'deal with it',
    'get over it',
    '(these things|it|stuff) happens',
    "i (do not|don't) care",
    'what do you expect',
    'you people',
    // Blaming the customer is the opposite of acknowledging their situation.
    'your [own] fault',
    '(you|u) should have (known|read|checked|called|noticed|listened)',
    "(you|u) (should not|shouldn't) have",
  ],
};

const FEELINGS = new Set(
  (
    'frustrating frustrated frustration worrying worried worry worries stressful stressed stress ' +
    'upsetting upset annoying annoyed annoyance inconvenient inconvenience disappointing ' +
    'disappointed disappointment concerning concerned concern concerns confusing confused ' +
    'confusion difficult hard scary scared frightening frightened anxious anxiety angry anger ' +
    'irritating irritated exhausting tiring tired painful awful terrible horrible unfair ' +
    'unsettling alarming alarmed distressing distressed overwhelming overwhelmed shocking shocked ' +
    'unpleasant hassle nightmare'
  ).split(' '),
);
// Words that frame a feeling as the customer's: "that must be…", "you must be…", "it sounds…".
const FRAMES = new Set([
  'you',
  'your',
  'must',
  'sounds',
  'sound',
  'that',
  'this',
  'how',
  'so',
  'feel',
  'feeling',
]);
const CONTENT_POS = new Set(['NOUN', 'VERB', 'ADJ', 'PROPN']);
// Verbs of any call that say nothing about the customer's own concern.
const STOP_LEMMAS = new Set(
  'be have do get can will would could should call help thank thanks please hello know need want say tell make go see'.split(
    ' ',
  ),
);

const INDEX = new PhraseIndex<EmpathyRule>(false);
for (const [rule, phrases] of Object.entries(PHRASES)) {
  for (const phrase of phrases) {
    const problem = INDEX.add(phrase, rule as EmpathyRule);
    if (problem !== null) throw new Error(`empathy rule ${rule}: ${problem}`);
  }
}

/** Scores how well a reply acknowledges the customer's situation and feelings. */
export function analyseEmpathy(doc: TokenizedText, customerLine?: string): DimensionResult {
  const evidence: Evidence[] = [];
  const acknowledgedIn = new Map<number, [number, number]>();
  const claimed = new Uint8Array(doc.count);
  // Longer phrases first, so "sorry to hear" is a situational apology and not a bare one.
  const matches = INDEX.match(doc).sort(
    (a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first,
  );
  for (const match of matches) {
    if (doc.quoted[match.first] === 1 || claimed[match.first] === 1) continue;
    const rule = match.payload;
    if (rule !== 'dismissive' && doc.negated[match.first]) continue;
    for (let i = match.first; i <= match.last; i += 1) claimed[i] = 1;
    const sentenceIndex = doc.sentenceOf[match.first];
    if (rule === 'acknowledge') {
      if (!acknowledgedIn.has(sentenceIndex))
        acknowledgedIn.set(sentenceIndex, [match.first, match.last]);
    } else
      evidence.push(tokenEvidence(doc, 'empathy', rule, match.first, match.last, POINTS[rule]));
  }
  addFeelings(doc, acknowledgedIn, evidence);
  if (customerLine !== undefined && customerLine.trim() !== '')
    addMirroring(doc, customerLine, evidence);
  const counted = countOnce(evidence);
  return { score: clamp(BASE + counted.total), evidence: counted.evidence };
}

// A feeling word in a sentence with an acknowledgement is the strongest signal; a feeling framed
// as the customer's comes next; an acknowledgement without a feeling counts least.
function addFeelings(
  doc: TokenizedText,
  acknowledgedIn: Map<number, [number, number]>,
  evidence: Evidence[],
): void {
  const used = new Set<number>();
  for (let i = 0; i < doc.count; i += 1) {
    if (!FEELINGS.has(doc.normals[i]) || doc.negated[i] || doc.quoted[i] === 1) continue;
    const sentenceIndex = doc.sentenceOf[i];
    if (used.has(sentenceIndex)) continue;
    const ack = acknowledgedIn.get(sentenceIndex);
    if (ack !== undefined && ack[0] < i) {
      evidence.push(
        tokenEvidence(
          doc,
          'empathy',
          'acknowledge-feeling',
          ack[0],
          i,
          POINTS['acknowledge-feeling'],
        ),
      );
      used.add(sentenceIndex);
    } else if (hasFrame(doc, sentenceIndex)) {
      evidence.push(tokenEvidence(doc, 'empathy', 'name-feeling', i, i, POINTS['name-feeling']));
      used.add(sentenceIndex);
    }
  }
  for (const [sentenceIndex, [first, last]] of acknowledgedIn) {
    if (!used.has(sentenceIndex)) {
      evidence.push(tokenEvidence(doc, 'empathy', 'acknowledge', first, last, POINTS.acknowledge));
    }
  }
}

function hasFrame(doc: TokenizedText, sentenceIndex: number): boolean {
  const { first, last } = doc.sentences[sentenceIndex];
  for (let i = first; i <= last; i += 1) if (FRAMES.has(doc.normals[i])) return true;
  return false;
}

// Reusing the customer's own content words shows they were heard ("the charge on my bill").
function addMirroring(doc: TokenizedText, customerLine: string, evidence: Evidence[]): void {
  const customer = tokenize(customerLine);
  const theirs = new Set<string>();
  for (let i = 0; i < customer.count; i += 1) {
    if (isContentWord(customer, i)) theirs.add(customer.lemmas[i]);
  }
  for (let i = 0; i < doc.count; i += 1) {
    if (isContentWord(doc, i) && theirs.has(doc.lemmas[i])) {
      evidence.push(
        tokenEvidence(doc, 'empathy', 'mirroring', i, i, POINTS.mirroring, 'echoes the customer'),
      );
      return;
    }
  }
}

function isContentWord(doc: TokenizedText, index: number): boolean {
  return (
    doc.isWord[index] === 1 &&
    doc.normals[index].length > 2 &&
    CONTENT_POS.has(doc.pos[index]) &&
    !STOP_LEMMAS.has(doc.lemmas[index])
  );
}
