import winkNLP, { Document, WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

// The engine never reads wink's named entities or its document sentiment, so the pipe skips
// `ner`, `sentiment` and `cer`; tokens, sentences, negation flags, POS and lemmas are identical to
// the default pipe's.
const PIPE = ['sbd', 'negation', 'pos'];

/**
 * wink-nlp remembers every out-of-vocabulary token it reads, and a remembered token is later kept
 * whole where a fresh reader would split it ("bank's" seen once before a full stop stays one token
 * in "ring the bank's fraud line", so the phrase "ring the bank" stops matching). The same reply
 * would then score differently depending on what the process read before it. So we keep hold of
 * the core model wink builds for itself and, after each text, forget the lexemes that text added:
 * every text is read as a fresh process would read it. The forgotten entries still hold a little
 * memory each; past FORGET_LIMIT of them the reader is rebuilt from the model (about 0.1 s).
 */
interface CoreModel {
  features: { lexeme: { hash: Record<string, number>; list: string[]; intrinsicSize: number } };
}
const FORGET_LIMIT = 200_000;

type ModelWithCer = typeof model & { metaCER(): unknown };
let metaCer: unknown;
function metaCerOnce(): unknown {
  metaCer ??= (model as ModelWithCer).metaCER();
  return metaCer;
}

export class FreshReader {
  private core!: CoreModel;
  private nlp!: WinkMethods;
  /** How many times the reader was rebuilt (for tests). */
  rebuilds = 0;

  constructor(private readonly forgetLimit = FORGET_LIMIT) {
    this.rebuild();
  }

  get its(): WinkMethods['its'] {
    return this.nlp.its;
  }

  /** Reads `text` and hands the document to `use`; nothing of it is remembered afterwards. */
  read<T>(text: string, use: (doc: Document) => T): T {
    const lexemes = this.core.features.lexeme;
    const mark = lexemes.list.length;
    try {
      return use(this.nlp.readDoc(text));
    } finally {
      for (let i = mark; i < lexemes.list.length; i += 1) delete lexemes.hash[lexemes.list[i]];
      if (lexemes.list.length - lexemes.intrinsicSize > this.forgetLimit) {
        this.rebuild();
        this.rebuilds += 1;
      }
    }
  }

  private rebuild(): void {
    // wink calls `core()` once per instance and works on the copy it returns. The model's
    // `metaCER()` re-stringifies its own cached result on every call (the string doubles in size
    // each time), so every instance after the first gets the first call's result.
    const capturing = {
      ...model,
      core: (): CoreModel => {
        this.core = (model as unknown as { core(): CoreModel }).core();
        return this.core;
      },
      metaCER: metaCerOnce,
    };
    this.nlp = winkNLP(capturing as typeof model, PIPE);
  }
}

const reader = new FreshReader();
const its = reader.its;
// wink-nlp 2.4.0's typings declare `its.lemma` with an `addons` parameter that does not fit its
// own ItsFunction type; at run time it is an ordinary token accessor like `its.normal`.
const lemmaOf = its.lemma as unknown as typeof its.normal;

/** A sentence as an inclusive token range; `firstWord` is -1 when it holds no word. */
export interface SentenceRange {
  first: number;
  last: number;
  firstWord: number;
  isQuestion: boolean;
}

/** A text read by wink-nlp, flattened into parallel arrays indexed by token. */
export interface TokenizedText {
  text: string;
  count: number;
  values: string[];
  normals: string[];
  lemmas: string[];
  pos: string[];
  types: string[];
  negated: boolean[];
  /** Character span of each token in `text`, `[start, end)` in JS string indices. */
  starts: number[];
  ends: number[];
  /** Sentence index of each token. */
  sentenceOf: Int32Array;
  sentences: SentenceRange[];
  /** 1 when the token sits between quotation marks: a mention of someone's words, not a use. */
  quoted: Uint8Array;
  /** 1 for word and number tokens. */
  isWord: Uint8Array;
  wordCount: number;
}

// How many words after "not" / "never" / "no" a negation still reaches.
const NEGATION_WINDOW = 4;
const NEGATORS = new Set(['not', 'never', 'no', 'without', 'nor', 'neither', 'cannot']);
const SCOPE_BREAKERS = new Set(
  'but until unless before after once if because so while though although however when'.split(' '),
);

// A quotation longer than this many tokens is more likely a stray mark than a quote.
const QUOTE_WINDOW = 120;

const OPENERS: Record<string, string> = {
  '"': '"',
  '“': '”',
  '„': '“',
  '‘': '’',
  "'": "'",
  '`': '`',
  '«': '»',
};

/** Reads a text once and returns everything the analysers need. Never throws on odd input. */
export function tokenize(text: string): TokenizedText {
  return reader.read(text, (doc) => flatten(text, doc));
}

function flatten(text: string, doc: Document): TokenizedText {
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const count = values.length;
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const types = tokens.out(its.type) as string[];
  const normals = tokens.out(its.normal) as string[];
  const { starts, ends } = locate(text, values, spaces);
  const isWord = new Uint8Array(count);
  let wordCount = 0;
  for (let i = 0; i < count; i += 1) {
    // wink can emit an empty token (between the dots of "A0..Thanks"): never a word.
    if ((types[i] === 'word' || types[i] === 'number') && values[i].length > 0) {
      isWord[i] = 1;
      wordCount += 1;
    }
  }
  const sentenceOf = new Int32Array(count);
  const sentences: SentenceRange[] = [];
  for (const span of doc.sentences().out(its.span) as number[][]) {
    const first = span[0];
    const last = Math.min(span[1], count - 1);
    if (last < first) continue;
    let firstWord = -1;
    for (let i = first; i <= last; i += 1) {
      sentenceOf[i] = sentences.length;
      if (firstWord < 0 && isWord[i] === 1) firstWord = i;
    }
    sentences.push({ first, last, firstWord, isQuestion: endsWithQuestion(values, first, last) });
  }
  return {
    text,
    count,
    values,
    normals,
    lemmas: tokens.out(lemmaOf) as string[],
    pos: tokens.out(its.pos) as string[],
    types,
    negated: scopeNegation(
      normals,
      types,
      isWord,
      sentenceOf,
      tokens.out(its.negationFlag) as boolean[],
    ),
    starts,
    ends,
    sentenceOf,
    sentences,
    quoted: markQuoted(values, spaces),
    isWord,
    wordCount,
  };
}

/** Tokenizes a short phrase into normals and lemmas (used to compile patterns). */
export function tokenizePhrase(phrase: string): { normals: string[]; lemmas: string[] } {
  return reader.read(phrase, (doc) => {
    const tokens = doc.tokens();
    return { normals: tokens.out(its.normal) as string[], lemmas: tokens.out(lemmaOf) as string[] };
  });
}

// wink gives no offsets: walk precedingSpaces + value; where wink dropped or rewrote characters
// (control characters, BOM, some separators) fall back to a search from the cursor.
function locate(
  text: string,
  values: string[],
  spaces: string[],
): { starts: number[]; ends: number[] } {
  const starts = new Array<number>(values.length);
  const ends = new Array<number>(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    let start = cursor + spaces[i].length;
    if (!text.startsWith(value, start)) {
      const found = value.length > 0 ? text.indexOf(value, cursor) : -1;
      // An unlocatable token gets an empty span at the cursor, so no evidence can point at it.
      start = found >= 0 ? found : cursor;
      if (found < 0) {
        starts[i] = start;
        ends[i] = start;
        continue;
      }
    }
    starts[i] = start;
    ends[i] = start + value.length;
    cursor = ends[i];
  }
  return { starts, ends };
}

// wink flags every token after a negator up to the next punctuation ("I can't change it until
// you confirm your date of birth" would negate "confirm"); keep its flag only within a few words
// of the negator and before a clause-opening conjunction.
function scopeNegation(
  normals: string[],
  types: string[],
  isWord: Uint8Array,
  sentenceOf: Int32Array,
  flags: boolean[],
): boolean[] {
  const negated = new Array<boolean>(normals.length).fill(false);
  let distance = Number.POSITIVE_INFINITY;
  for (let i = 0; i < normals.length; i += 1) {
    if (i > 0 && sentenceOf[i] !== sentenceOf[i - 1]) distance = Number.POSITIVE_INFINITY;
    const normal = normals[i];
    if (NEGATORS.has(normal)) {
      distance = 0;
    } else if (types[i] === 'punctuation' || SCOPE_BREAKERS.has(normal)) {
      distance = Number.POSITIVE_INFINITY;
    } else {
      if (isWord[i] === 1) distance += 1;
      negated[i] = flags[i] && distance <= NEGATION_WINDOW;
    }
  }
  return negated;
}

function endsWithQuestion(values: string[], first: number, last: number): boolean {
  for (let i = last; i >= first; i -= 1) {
    const value = values[i];
    if (value === '?') return true;
    if (value !== '"' && value !== '”' && value !== ')' && value !== "'" && value !== '!') {
      return false;
    }
  }
  return false;
}

// Pairs quotation marks left to right within a window; an opener without its closer quotes
// nothing. A straight quote must open before a word and close after one, so that the apostrophe
// of "customers' accounts" does not open a quotation.
function markQuoted(values: string[], spaces: string[]): Uint8Array {
  const quoted = new Uint8Array(values.length);
  let i = 0;
  while (i < values.length) {
    const closer = OPENERS[values[i]];
    const straight = closer === values[i];
    if (closer === undefined || (straight && i > 0 && spaces[i] === '' && values[i - 1] !== '(')) {
      i += 1;
      continue;
    }
    const limit = Math.min(values.length, i + QUOTE_WINDOW);
    let j = i + 1;
    while (j < limit && !(values[j] === closer && (!straight || spaces[j] === ''))) j += 1;
    if (j >= limit || (straight && spaces[i + 1] !== '')) {
      i += 1;
      continue;
    }
    for (let k = i + 1; k < j; k += 1) quoted[k] = 1;
    i = j + 1;
  }
  return quoted;
}
