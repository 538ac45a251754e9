import { DimensionResult, tokenEvidence, tokenSpan } from './evidence';
import { CompiledRubric } from './rubric.compiler';
import { TokenizedText } from './tokens';
import { ConceptResult, Evidence, Rubric } from './types';

export interface KeywordsResult extends DimensionResult {
  concepts: ConceptResult[];
}

/**
 * Coverage of the rubric's required concepts, weighted; a concept counts when one of its phrases
 * matches outside a negation ("I won't verify your identity" does not cover "verify identity").
 */
export function analyseKeywords(
  doc: TokenizedText,
  rubric: Rubric,
  compiled: CompiledRubric,
): KeywordsResult {
  const total = rubric.concepts.reduce((sum, concept) => sum + concept.weight, 0);
  if (rubric.concepts.length === 0 || total <= 0)
    return { score: null, evidence: [], concepts: [] };
  const firstHit = new Map<number, [number, number]>();
  const evidence: Evidence[] = [];
  for (const match of compiled.concepts.match(doc)) {
    const concept = rubric.concepts[match.payload];
    if (doc.quoted[match.first] === 1 || firstHit.has(match.payload)) continue;
    if (doc.negated[match.first]) {
      evidence.push(
        tokenEvidence(
          doc,
          'keywords',
          concept.id,
          match.first,
          match.last,
          0,
          'negated: not counted',
        ),
      );
      continue;
    }
    firstHit.set(match.payload, tokenSpan(doc, match.first, match.last));
    // Shown to two decimals; the score below is computed from the weights themselves.
    evidence.push(
      tokenEvidence(
        doc,
        'keywords',
        concept.id,
        match.first,
        match.last,
        Math.round((10000 * concept.weight) / total) / 100,
      ),
    );
  }
  let covered = 0;
  const concepts = rubric.concepts.map((concept, i): ConceptResult => {
    const span = firstHit.get(i);
    if (span === undefined) return { id: concept.id, label: concept.label, found: false };
    covered += concept.weight;
    return { id: concept.id, label: concept.label, found: true, span };
  });
  return { score: (100 * covered) / total, evidence, concepts };
}
