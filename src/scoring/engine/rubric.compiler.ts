import { PhraseIndex } from './phrase-pattern';
import { Rubric } from './types';

/** A rubric's phrases compiled into indexes (payload: position in the rubric's list). */
export interface CompiledRubric {
  concepts: PhraseIndex<number>;
  forbidden: PhraseIndex<number>;
  jargon: PhraseIndex<number>;
}

// Compiling tokenizes every phrase; do it once per rubric object, not once per reply.
const cache = new WeakMap<Rubric, CompiledRubric>();

/** Compiles (or returns the cached compilation of) a rubric. Malformed phrases are skipped here;
 * `parseRubric` reports them. */
export function compileRubric(rubric: Rubric): CompiledRubric {
  const cached = cache.get(rubric);
  if (cached !== undefined) return cached;
  // Concepts and forbidden phrases match inflections (confirm ~ confirmed); jargon is literal.
  const compiled: CompiledRubric = {
    concepts: new PhraseIndex<number>(true),
    forbidden: new PhraseIndex<number>(true),
    jargon: new PhraseIndex<number>(false),
  };
  rubric.concepts.forEach((concept, i) =>
    concept.phrases.forEach((phrase) => compiled.concepts.add(phrase, i)),
  );
  rubric.forbidden.forEach((rule, i) =>
    rule.phrases.forEach((phrase) => compiled.forbidden.add(phrase, i)),
  );
  rubric.jargon.forEach((term, i) => compiled.jargon.add(term, i));
  cache.set(rubric, compiled);
  return compiled;
}
