/** Where in a call the reply is given; decides what the structure dimension asks for. */
export type Stage = 'opening' | 'middle' | 'closing';

/** The scored dimensions of a reply, each 0–100 (or null when not measured). */
export type Dimension =
  'politeness' | 'empathy' | 'keywords' | 'compliance' | 'structure' | 'clarity';

/** Fixed order used for reports, tie-breaks and tips, so output never depends on key order. */
export const DIMENSIONS: readonly Dimension[] = [
  'politeness',
  'empathy',
  'keywords',
  'compliance',
  'structure',
  'clarity',
];

export const STAGES: readonly Stage[] = ['opening', 'middle', 'closing'];

/**
 * A required concept of a rubric: found when any phrase matches and is not negated.
 * Phrase syntax: words separated by spaces, `a|b` alternatives, `(two words|other)` groups,
 * `[optional]` groups and `*` for any one word; words also match their lemma (confirm ~ confirmed).
 */
export interface Concept {
  id: string;
  label: string;
  phrases: string[];
  /** Relative weight within the keywords dimension (default 1). */
  weight: number;
}

/** Phrases a rubric forbids; each non-negated hit is a violation with this message. */
export interface ForbiddenPhrase {
  id: string;
  phrases: string[];
  message: string;
}

/** A sample reply and the band of overall scores it must land in. */
export interface CalibrationExample {
  text: string;
  band: [number, number];
  stage?: Stage;
  customerLine?: string;
  note?: string;
}

/** What a reply is scored against: weights, concepts, forbidden phrases, jargon, tips. */
export interface Rubric {
  id: string;
  title: string;
  description?: string;
  /** Stage assumed when an input does not give one. */
  stage?: Stage;
  /** Omitted or 0 means the dimension is not used (reported as null). */
  weights: Partial<Record<Dimension, number>>;
  passMark: number;
  /** The highest overall score a reply with at least one violation can get. */
  violationCap: number;
  concepts: Concept[];
  forbidden: ForbiddenPhrase[];
  jargon: string[];
  maxSentenceWords: number;
  tips: Partial<Record<Dimension, string>>;
  calibration: CalibrationExample[];
}

/** One reply to score. */
export interface ScoreInput {
  text: string;
  rubric?: Rubric;
  stage?: Stage;
  /** The customer's previous line, used to recognise mirroring of their concern. */
  customerLine?: string;
}

/**
 * One rule that fired. `span` is `[start, end)` in JS string indices of the original text and
 * `text === input.slice(start, end)`. `effect` is signed, in the dimension's own units
 * (politeness: the paper's normalised politeness scale; other dimensions: points).
 */
export interface Evidence {
  dimension: Dimension;
  rule: string;
  text: string;
  span: [number, number];
  effect: number;
  note?: string;
}

/** A compliance breach; caps the overall score at the rubric's `violationCap`. */
export interface Violation {
  rule: string;
  message: string;
  text: string;
  span: [number, number];
}

export interface ConceptResult {
  id: string;
  label: string;
  found: boolean;
  span?: [number, number];
}

/** The scored reply. Same input, same report, byte for byte. */
export interface ScoreReport {
  rubricId: string;
  overall: number;
  passed: boolean;
  dimensions: Record<Dimension, number | null>;
  violations: Violation[];
  evidence: Evidence[];
  concepts: ConceptResult[];
  tips: string[];
}

/** A problem found in a rubric or in its calibration, with the path of the offending field. */
export interface RubricIssue {
  path: (string | number)[];
  reason: string;
}
