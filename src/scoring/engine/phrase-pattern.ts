import { TokenizedText, tokenizePhrase } from './tokens';

/** One position of a compiled phrase; null is the `*` wildcard (any one token). */
export type PatternToken = { normal: string; lemma: string } | null;

export interface PhraseMatch<T> {
  first: number;
  last: number;
  payload: T;
}

interface Entry<T> {
  tokens: PatternToken[];
  payload: T;
  /** Insertion order, so matches found through either bucket come out in the same order. */
  seq: number;
}

// A phrase with more alternatives than this is a mistake, not a pattern.
const MAX_EXPANSIONS = 1024;
const SLOT = /\(([^()[\]]*)\)|\[([^()[\]]*)\]|\S+/g;

/**
 * Expands a phrase pattern into plain word sequences, or explains why it is malformed.
 * Syntax: `a|b` one-word alternatives, `(two words|other)` groups, `[optional]` groups, `*`.
 */
export function expandPhrase(
  source: string,
): { ok: true; phrases: string[][] } | { ok: false; reason: string } {
  const slots: string[][] = [];
  for (const match of source.trim().toLowerCase().matchAll(SLOT)) {
    const [whole, group, optional] = match;
    if (group === undefined && optional === undefined && /[()[\]]/.test(whole)) {
      return { ok: false, reason: `unbalanced or nested brackets in "${source}"` };
    }
    const body = group ?? optional ?? whole;
    const alternatives = body.split('|').map((part) => part.trim());
    if (alternatives.some((part) => part === '') && optional === undefined) {
      return { ok: false, reason: `empty alternative in "${source}"` };
    }
    if (optional !== undefined) alternatives.push('');
    slots.push([...new Set(alternatives)]);
  }
  let phrases: string[][] = [[]];
  for (const slot of slots) {
    const next: string[][] = [];
    for (const prefix of phrases) {
      for (const alternative of slot) {
        next.push(alternative === '' ? prefix : [...prefix, ...alternative.split(/\s+/)]);
      }
    }
    if (next.length > MAX_EXPANSIONS) {
      return { ok: false, reason: `"${source}" expands to more than ${MAX_EXPANSIONS} phrases` };
    }
    phrases = next;
  }
  if (phrases.some((words) => words.length === 0)) {
    return { ok: false, reason: `"${source}" has no words that are not optional` };
  }
  if (phrases.some((words) => words[0] === '*' || words[words.length - 1] === '*')) {
    return { ok: false, reason: `"${source}" may not start or end with *` };
  }
  return { ok: true, phrases };
}

/** Compiles a phrase pattern into token sequences (normal form and lemma per position). */
export function compilePhrase(
  source: string,
): { ok: true; patterns: PatternToken[][] } | { ok: false; reason: string } {
  const expanded = expandPhrase(source);
  if (!expanded.ok) return expanded;
  // Spelling variants ("can't|cannot|can not") often compile to the same tokens: keep one.
  const unique = new Map<string, PatternToken[]>();
  for (const tokens of expanded.phrases.map(compileWords)) {
    if (tokens.length > 0) unique.set(JSON.stringify(tokens), tokens);
  }
  const patterns = [...unique.values()];
  if (patterns.length === 0) return { ok: false, reason: `"${source}" has no words` };
  return { ok: true, patterns };
}

function compileWords(words: string[]): PatternToken[] {
  const tokens: PatternToken[] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const { normals, lemmas } = tokenizePhrase(run.join(' '));
    normals.forEach((normal, i) => {
      if (normal.trim() !== '') tokens.push({ normal, lemma: lemmas[i] });
    });
    run = [];
  };
  for (const word of words) {
    if (word === '*') {
      flush();
      tokens.push(null);
    } else {
      run.push(word);
    }
  }
  flush();
  return tokens;
}

/**
 * A set of compiled phrases indexed by their first word, matched against a tokenized text in one
 * pass. With `useLemma`, a pattern word also matches a token with the same lemma.
 */
export class PhraseIndex<T> {
  private readonly byKey = new Map<string, Entry<T>[]>();
  // Without lemmas, phrases of two or more words are bucketed by their first two words, so a
  // frequent first word ("i", "you", "for") does not try every phrase that starts with it.
  private readonly byPair = new Map<string, Map<string, Entry<T>[]>>();
  private size = 0;

  constructor(private readonly useLemma: boolean) {}

  /** Adds a phrase pattern; returns the reason when it is malformed (nothing is added then). */
  add(source: string, payload: T): string | null {
    const compiled = compilePhrase(source);
    if (!compiled.ok) return compiled.reason;
    for (const tokens of compiled.patterns) {
      const head = tokens[0];
      if (head === null) continue;
      const entry = { tokens, payload, seq: this.size };
      this.size += 1;
      const second = tokens.length > 1 ? tokens[1] : null;
      if (!this.useLemma && second !== null) {
        let pairs = this.byPair.get(head.normal);
        if (pairs === undefined) this.byPair.set(head.normal, (pairs = new Map()));
        const list = pairs.get(second.normal);
        if (list === undefined) pairs.set(second.normal, [entry]);
        else list.push(entry);
        continue;
      }
      this.push(head.normal, entry);
      if (this.useLemma && head.lemma !== head.normal) this.push(head.lemma, entry);
    }
    return null;
  }

  /** Every match, ordered by start token then by insertion order of the phrases. */
  match(doc: TokenizedText): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    for (let i = 0; i < doc.count; i += 1) {
      const byNormal = this.byKey.get(doc.normals[i]);
      if (!this.useLemma) {
        const byPair = this.pairEntries(doc, i);
        if (byPair === undefined) {
          if (byNormal !== undefined) this.collect(doc, i, byNormal, undefined, found);
        } else {
          const entries = byNormal === undefined ? byPair : merge(byNormal, byPair);
          this.collect(doc, i, entries, undefined, found);
        }
        continue;
      }
      if (byNormal !== undefined) this.collect(doc, i, byNormal, undefined, found);
      if (doc.lemmas[i] !== doc.normals[i]) {
        const byLemma = this.byKey.get(doc.lemmas[i]);
        if (byLemma !== undefined) this.collect(doc, i, byLemma, byNormal, found);
      }
    }
    return found;
  }

  // The phrases whose first two words are the token at `start` and the word after it.
  private pairEntries(doc: TokenizedText, start: number): Entry<T>[] | undefined {
    const pairs = this.byPair.get(doc.normals[start]);
    if (pairs === undefined) return undefined;
    const next = this.nextToken(doc, start);
    return next < doc.count ? pairs.get(doc.normals[next]) : undefined;
  }

  private collect(
    doc: TokenizedText,
    start: number,
    entries: Entry<T>[],
    seen: Entry<T>[] | undefined,
    found: PhraseMatch<T>[],
  ): void {
    for (const entry of entries) {
      if (seen !== undefined && seen.includes(entry)) continue;
      const last = this.matchAt(doc, start, entry.tokens);
      if (last >= 0) found.push({ first: start, last, payload: entry.payload });
    }
  }

  // Line breaks between words do not break a phrase.
  private nextToken(doc: TokenizedText, index: number): number {
    let i = index + 1;
    while (i < doc.count && doc.types[i] === 'tabCRLF') i += 1;
    return i;
  }

  private matchAt(doc: TokenizedText, start: number, tokens: PatternToken[]): number {
    let i = start;
    for (let k = 0; k < tokens.length; k += 1) {
      if (k > 0) i = this.nextToken(doc, i);
      if (i >= doc.count) return -1;
      const token = tokens[k];
      if (token === null) continue;
      if (doc.normals[i] === token.normal) continue;
      if (this.useLemma && doc.lemmas[i] === token.lemma) continue;
      return -1;
    }
    return i;
  }

  private push(key: string, entry: Entry<T>): void {
    const list = this.byKey.get(key);
    if (list === undefined) this.byKey.set(key, [entry]);
    else list.push(entry);
  }
}

// Two lists in insertion order merged into one, still in insertion order.
function merge<T>(a: Entry<T>[], b: Entry<T>[]): Entry<T>[] {
  const merged: Entry<T>[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].seq < b[j].seq)) merged.push(a[i++]);
    else merged.push(b[j++]);
  }
  return merged;
}
