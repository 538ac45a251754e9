import { clamp, countOnce, DimensionResult, tokenEvidence } from './evidence';
import { PhraseIndex } from './phrase-pattern';
import { CompiledRubric } from './rubric.compiler';
import { TokenizedText } from './tokens';
import { Evidence, Rubric } from './types';

// Points off the 0–100 clarity scale (judgement): one jargon term costs about as much as one
// overlong sentence; vague wording costs less and is capped, so hedging never sinks a reply.
const JARGON_PENALTY = 15;
const LONG_SENTENCE_PENALTY = 10;
const LONG_SENTENCE_MAX_EXTRA = 20;
const VAGUE_PENALTY = 5;
const VAGUE_CAP = 20;

// The domain brief asks agents to avoid vague and ambiguous wording.
const VAGUE = new PhraseIndex<string>(false);
for (const phrase of [
  'i (think|guess|suppose)',
  'probably|maybe|hopefully|somehow|sometime|whatever',
  'at some point',
  '(sort|kind) of',
  "(i am|i'm) not (sure|certain)",
  "i (do not|don't) know",
  'or something',
  'should be (fine|ok|okay)',
  'and (stuff|things)',
  'etc',
]) {
  const problem = VAGUE.add(phrase, phrase);
  if (problem !== null) throw new Error(`vague phrase: ${problem}`);
}

/** Clarity: the rubric's jargon, sentences over `maxSentenceWords`, vague wording. */
export function analyseClarity(
  doc: TokenizedText,
  rubric: Rubric,
  compiled: CompiledRubric,
): DimensionResult {
  const evidence: Evidence[] = [];
  for (const match of compiled.jargon.match(doc)) {
    if (doc.quoted[match.first] === 1) continue;
    const rule = `jargon:${rubric.jargon[match.payload].toLowerCase()}`;
    evidence.push(
      tokenEvidence(doc, 'clarity', rule, match.first, match.last, -JARGON_PENALTY, 'jargon'),
    );
  }
  const once = countOnce(evidence);
  let total = once.total;
  const all = once.evidence;
  for (const sentence of doc.sentences) {
    let words = 0;
    for (let i = sentence.first; i <= sentence.last; i += 1) words += doc.isWord[i];
    if (words <= rubric.maxSentenceWords) continue;
    const effect = -(
      LONG_SENTENCE_PENALTY + Math.min(LONG_SENTENCE_MAX_EXTRA, words - rubric.maxSentenceWords)
    );
    total += effect;
    const note = `${words} words (limit ${rubric.maxSentenceWords})`;
    all.push(
      tokenEvidence(doc, 'clarity', 'long-sentence', sentence.first, sentence.last, effect, note),
    );
  }
  const seen = new Set<string>();
  let vague = 0;
  for (const match of VAGUE.match(doc)) {
    if (doc.quoted[match.first] === 1) continue;
    const repeat = seen.has(match.payload) || vague >= VAGUE_CAP;
    const effect = repeat ? 0 : -VAGUE_PENALTY;
    seen.add(match.payload);
    vague -= effect;
    all.push(
      tokenEvidence(
        doc,
        'clarity',
        'vague',
        match.first,
        match.last,
        effect,
        repeat ? 'counted once' : undefined,
      ),
    );
  }
  total -= vague;
  all.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
  return { score: clamp(100 + total), evidence: all };
}
