import { DEFAULT_TIPS } from './default-rubric';
import {
  ConceptResult,
  Dimension,
  DIMENSIONS,
  Evidence,
  Rubric,
  ScoreReport,
  Violation,
} from './types';

/** Unrounded analyser output, gathered by the engine. */
export interface ReportParts {
  rubric: Rubric;
  dimensions: Record<Dimension, number | null>;
  evidence: Evidence[];
  violations: Violation[];
  concepts: ConceptResult[];
  missingStructure: string[];
  empty: boolean;
}

// How many dimensions get a coaching line (besides compliance, which always does).
const MAX_TIPS = 2;
const EMPTY_TIP = 'Write a reply: there is nothing to score yet.';

/** Weighted overall, violation cap, rounding (once, here) and tips. */
export function buildReport(parts: ReportParts): ScoreReport {
  const { rubric, dimensions, violations } = parts;
  let weighted = 0;
  let totalWeight = 0;
  for (const dimension of DIMENSIONS) {
    const value = dimensions[dimension];
    const weight = rubric.weights[dimension] ?? 0;
    if (value === null || weight <= 0) continue;
    weighted += weight * value;
    totalWeight += weight;
  }
  let overall = totalWeight > 0 && !parts.empty ? weighted / totalWeight : 0;
  if (violations.length > 0) overall = Math.min(overall, rubric.violationCap);
  const rounded = {} as Record<Dimension, number | null>;
  for (const dimension of DIMENSIONS) {
    const value = dimensions[dimension];
    rounded[dimension] = value === null ? null : Math.round(value);
  }
  const overallRounded = Math.round(overall);
  return {
    rubricId: rubric.id,
    overall: overallRounded,
    passed: violations.length === 0 && overallRounded >= rubric.passMark,
    dimensions: rounded,
    violations,
    evidence: orderEvidence(parts.evidence),
    concepts: parts.concepts,
    tips: parts.empty ? [EMPTY_TIP] : tipsFor(parts),
  };
}

function tipsFor(parts: ReportParts): string[] {
  const { rubric, dimensions } = parts;
  const tips: string[] = [];
  if (parts.violations.length > 0) tips.push(tipText('compliance', parts));
  const weakest = DIMENSIONS.filter((dimension) => {
    const value = dimensions[dimension];
    return (
      dimension !== 'compliance' &&
      value !== null &&
      (rubric.weights[dimension] ?? 0) > 0 &&
      value < rubric.passMark
    );
  }).sort(
    (a, b) =>
      (dimensions[a] ?? 0) - (dimensions[b] ?? 0) ||
      (rubric.weights[b] ?? 0) - (rubric.weights[a] ?? 0) ||
      DIMENSIONS.indexOf(a) - DIMENSIONS.indexOf(b),
  );
  for (const dimension of weakest.slice(0, MAX_TIPS)) tips.push(tipText(dimension, parts));
  return tips;
}

function tipText(dimension: Dimension, parts: ReportParts): string {
  const base = parts.rubric.tips[dimension] ?? DEFAULT_TIPS[dimension];
  if (dimension === 'keywords') {
    const missing = parts.concepts
      .filter((concept) => !concept.found)
      .map((concept) => concept.label);
    if (missing.length > 0) return `${base} Missing: ${missing.join('; ')}.`;
  }
  if (dimension === 'structure' && parts.missingStructure.length > 0) {
    return `${base} Missing: ${parts.missingStructure.join('; ')}.`;
  }
  return base;
}

// Dimension order, then position in the text, then rule id: independent of analyser internals.
function orderEvidence(evidence: Evidence[]): Evidence[] {
  return [...evidence].sort(
    (a, b) =>
      DIMENSIONS.indexOf(a.dimension) - DIMENSIONS.indexOf(b.dimension) ||
      a.span[0] - b.span[0] ||
      a.span[1] - b.span[1] ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}
