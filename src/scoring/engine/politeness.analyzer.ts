import {
  countOnce,
  DimensionResult,
  isSentenceLead,
  isSentenceStart,
  spanEvidence,
  tokenEvidence,
} from './evidence';
import { PhraseIndex, PhraseMatch } from './phrase-pattern';
import { COMMAND_VERBS, COURTEOUS_IMPERATIVES, MINIMISERS } from './impoliteness.lexicon';
import { POLITENESS_RULES } from './politeness.lexicon';
import { PolitenessRule } from './politeness-rule';
import { NEGATIVE_WORDS, POSITIVE_WORDS } from './sentiment.lexicon';
import { TokenizedText, tokenize } from './tokens';
import { Evidence } from './types';

// Pronoun and lexicon features take the paper's published means; commands, shouting and
// emphatic punctuation are judgement (see README, "How the weights were chosen").
const FEATURE_WEIGHTS = {
  'first-person-start': 0.12,
  'first-person': 0.08,
  'first-person-plural': 0.08,
  'second-person': 0.05,
  'positive-lexicon': 0.12,
  'negative-lexicon': -0.13,
  'command-start': -0.3,
  shouting: -0.5,
  'emphatic-punctuation': -0.2,
} as const;

const FIRST_PERSON = new Set(['i', "i'm", 'me', 'my', 'mine', 'myself']);
const FIRST_PERSON_PLURAL = new Set(['we', 'us', 'our', 'ours', 'ourselves']);
const SECOND_PERSON = new Set(['you', 'your', 'yours', 'yourself', 'yourselves', 'u']);
const EMPHATIC = /[!?]{2,}/g;

const INDEX = new PhraseIndex<PolitenessRule>(false);
for (const rule of POLITENESS_RULES) {
  for (const phrase of rule.phrases) {
    const problem = INDEX.add(phrase, rule);
    if (problem !== null) throw new Error(`politeness rule ${rule.id}: ${problem}`);
  }
}

/** Politeness of a reply: `raw` on the paper's normalised scale, `score` mapped to 0–100. */
export interface PolitenessResult extends DimensionResult {
  score: number;
  raw: number;
}

/**
 * Scores politeness from the strategies of Danescu-Niculescu-Mizil et al. (2013) and
 * contact-centre markers. Each rule counts once; `score = 50 + 50·tanh(raw)`.
 */
export function analysePoliteness(doc: TokenizedText): PolitenessResult {
  const claimed = new Uint8Array(doc.count);
  const evidence: Evidence[] = [];
  for (const match of resolveMatches(doc, INDEX.match(doc), claimed)) {
    const rule = match.payload.id;
    const negated = !match.payload.keepNegated && doc.negated[match.first];
    evidence.push(
      negated
        ? tokenEvidence(doc, 'politeness', rule, match.first, match.last, 0, 'negated: not counted')
        : tokenEvidence(doc, 'politeness', rule, match.first, match.last, match.payload.weight),
    );
  }
  addWordFeatures(doc, claimed, evidence);
  addShouting(doc, evidence);
  for (const found of doc.text.matchAll(EMPHATIC)) {
    const span: [number, number] = [found.index, found.index + found[0].length];
    evidence.push(
      spanEvidence(
        doc.text,
        'politeness',
        'emphatic-punctuation',
        span,
        FEATURE_WEIGHTS['emphatic-punctuation'],
      ),
    );
  }
  const counted = countOnce(evidence);
  return {
    raw: counted.total,
    score: 50 + 50 * Math.tanh(counted.total),
    evidence: counted.evidence,
  };
}

/** The unrounded politeness value of a text (paper scale); finer-grained than the 0–100 score. */
export function politenessValue(text: string): number {
  return analysePoliteness(tokenize(typeof text === 'string' ? text : '')).raw;
}

// Higher priority, then longer, then earlier matches claim their tokens; a match overlapping a
// claimed token is dropped ("thanks for nothing" is sarcasm, not gratitude).
function resolveMatches(
  doc: TokenizedText,
  matches: PhraseMatch<PolitenessRule>[],
  claimed: Uint8Array,
): PhraseMatch<PolitenessRule>[] {
  const eligible = matches.filter((match) => {
    if (doc.quoted[match.first] === 1) return false;
    const { position } = match.payload;
    if (position === 'any') return true;
    if (position === 'lead') return isSentenceLead(doc, match.first);
    return isSentenceStart(doc, match.first) === (position === 'start');
  });
  eligible.sort(
    (a, b) =>
      b.payload.priority - a.payload.priority ||
      b.last - b.first - (a.last - a.first) ||
      a.first - b.first,
  );
  const accepted: PhraseMatch<PolitenessRule>[] = [];
  for (const match of eligible) {
    let free = true;
    for (let i = match.first; i <= match.last && free; i += 1) free = claimed[i] === 0;
    if (!free) continue;
    for (let i = match.first; i <= match.last; i += 1) claimed[i] = 1;
    accepted.push(match);
  }
  return accepted;
}

// Pronouns, commands and the opinion lexicon: only the first occurrence of each is shown.
function addWordFeatures(doc: TokenizedText, claimed: Uint8Array, evidence: Evidence[]): void {
  const shown = new Set<string>();
  const add = (
    rule: keyof typeof FEATURE_WEIGHTS,
    index: number,
    note?: string,
    last = index,
  ): void => {
    if (shown.has(rule)) return;
    shown.add(rule);
    evidence.push(tokenEvidence(doc, 'politeness', rule, index, last, FEATURE_WEIGHTS[rule], note));
  };
  for (let i = 0; i < doc.count; i += 1) {
    if (doc.isWord[i] === 0 || doc.quoted[i] === 1) continue;
    const normal = doc.normals[i];
    const start = isSentenceStart(doc, i);
    if (FIRST_PERSON.has(normal)) add(start ? 'first-person-start' : 'first-person', i);
    else if (FIRST_PERSON_PLURAL.has(normal)) add('first-person-plural', i);
    else if (SECOND_PERSON.has(normal) && !start) add('second-person', i);
    if (claimed[i] === 1) continue;
    if (start && isCommand(doc, i)) add('command-start', i);
    else if (start && isMinimisedCommand(doc, i, claimed)) {
      add('command-start', i, undefined, i + 1);
    }
    if (POSITIVE_WORDS.has(normal)) {
      add(
        doc.negated[i] ? 'negative-lexicon' : 'positive-lexicon',
        i,
        doc.negated[i] ? 'negated positive word' : undefined,
      );
    } else if (NEGATIVE_WORDS.has(normal) && !doc.negated[i]) {
      add('negative-lexicon', i);
    }
  }
}

// A sentence opening with a bare verb that is not a question: "Check the logs." The tagger reads
// many capitalised first words as proper nouns, hence the verb list besides the tag.
function isCommand(doc: TokenizedText, index: number): boolean {
  const sentence = doc.sentences[doc.sentenceOf[index]];
  if (sentence.isQuestion) return false;
  const normal = doc.normals[index];
  if (COURTEOUS_IMPERATIVES.has(normal)) return false;
  if (normal === 'do') return doc.normals[index + 1] === 'not';
  if (COMMAND_VERBS.has(normal)) return true;
  return doc.pos[index] === 'VERB' && doc.lemmas[index] === normal;
}

// "Just use a dictionary.": a command behind a minimiser, which makes the task sound trivial. Only
// listed verbs count after the minimiser, so "Just wanted to say…" (a dropped "I") is no command.
function isMinimisedCommand(doc: TokenizedText, index: number, claimed: Uint8Array): boolean {
  const next = index + 1;
  if (!MINIMISERS.has(doc.normals[index]) || next >= doc.count) return false;
  if (doc.isWord[next] === 0 || claimed[next] === 1 || doc.quoted[next] === 1) return false;
  return COMMAND_VERBS.has(doc.normals[next]) && isCommand(doc, next);
}

// Three or more words in capitals in a row, with 8+ letters between them ("THIS IS RIDICULOUS");
// two acronyms side by side ("SSL TLS") are not shouting.
function addShouting(doc: TokenizedText, evidence: Evidence[]): void {
  let runStart = -1;
  let runWords = 0;
  let runLetters = 0;
  for (let i = 0; i <= doc.count; i += 1) {
    const letters = i < doc.count && doc.isWord[i] === 1 ? capitalLetters(doc.values[i]) : -1;
    if (letters > 0) {
      if (runStart < 0) runStart = i;
      runWords += 1;
      runLetters += letters;
      continue;
    }
    if (runWords >= 3 && runLetters >= 8) {
      evidence.push(
        tokenEvidence(doc, 'politeness', 'shouting', runStart, i - 1, FEATURE_WEIGHTS.shouting),
      );
    }
    runStart = -1;
    runWords = 0;
    runLetters = 0;
  }
}

// Number of letters when the word has letters and none in lower case, else -1.
function capitalLetters(value: string): number {
  // Fast exit for the usual lower-case or capitalised word.
  const second = value.charCodeAt(value.length > 1 ? 1 : 0);
  if (second >= 97 && second <= 122) return -1;
  let letters = 0;
  for (const char of value) {
    const lower = char.toLowerCase();
    const upper = char.toUpperCase();
    if (lower === upper) continue;
    if (char === lower) return -1;
    letters += 1;
  }
  return letters > 0 ? letters : -1;
}
