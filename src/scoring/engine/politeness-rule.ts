// The shape of a politeness rule and the helper that fills its defaults. Weights are on the
// paper's normalised politeness scale; see politeness.lexicon.ts and the engine README.

export type RulePosition = 'start' | 'lead' | 'medial' | 'any';

export interface PolitenessRule {
  id: string;
  weight: number;
  source: 'paper' | 'judgement';
  /**
   * `start`: the sentence's first word; `lead`: its first word or the word right after it (the
   * paper's direct-question detector looks at positions 1–2: "So why…", "And how…");
   * `medial`: anywhere but the first word.
   */
  position: RulePosition;
  /** Higher claims its tokens first, so "good morning" is a greeting, not deference. */
  priority: number;
  /** Fires even under negation (for phrases that carry their own negation). */
  keepNegated: boolean;
  phrases: string[];
}

export type RuleSpec = Pick<PolitenessRule, 'id' | 'weight' | 'source' | 'phrases'> &
  Partial<Pick<PolitenessRule, 'position' | 'priority' | 'keepNegated'>>;

export const rule = (spec: RuleSpec): PolitenessRule => ({
  position: 'any',
  priority: 2,
  keepNegated: false,
  ...spec,
});

export const YOU_ARE = "(you are|you're|u r)";
export const THAT_IS = "(that is|that's|it is|it's|this is)";
