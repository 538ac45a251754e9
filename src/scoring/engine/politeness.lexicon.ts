// Politeness rules. Every weight is on the scale of the paper's "normalised politeness" (z-scored
// annotator judgements, 0 = an average request, sd ≈ 0.7). `paper` weights are the published
// strategy means of Danescu-Niculescu-Mizil et al. (2013), Table 3; `judgement` weights were set
// by placing the marker relative to those published means (see the engine README, "How the
// weights were chosen"). None was fitted to, or searched over, any corpus.

import { IMPOLITENESS_RULES } from './impoliteness.lexicon';
import { PolitenessRule, rule, YOU_ARE } from './politeness-rule';

// A question its asker belittles ("a silly question"): used only after words that make it the
// speaker's own ("this may be…", "my…", "sorry for the…"), never for "that's a stupid question".
const OWN_QUESTION =
  '(stupid|dumb|silly|naive|basic|trivial|obvious|newbie|noob|beginner|beginners) question';

const POLITE_RULES: readonly PolitenessRule[] = [
  // --- the paper's strategies (Table 3 means)
  rule({
    id: 'gratitude',
    weight: 0.87,
    source: 'paper',
    phrases: [
      'thank|thanks|thx|ty|thankyou|cheers',
      'appreciate|appreciated|appreciation',
      'grateful|thankful',
      'can not thank you enough',
    ],
  }),
  rule({
    id: 'deference',
    weight: 0.78,
    source: 'paper',
    position: 'start',
    phrases: [
      'great|good|nice|interesting|cool|excellent|awesome|impressive|fantastic|brilliant|wonderful|neat|superb|terrific|outstanding|kudos|bravo|+1',
    ],
  }),
  rule({
    id: 'deference',
    weight: 0.78,
    source: 'paper',
    phrases: [
      '(good|great|nice|excellent|interesting|fair|valid|brilliant) (question|point|catch|idea|answer|work|job|find|suggestion|edit|effort)',
      'well done',
      'keep up the good work',
      `${YOU_ARE} [absolutely|quite|totally] right`,
    ],
  }),
  rule({
    id: 'by-the-way',
    weight: 0.63,
    source: 'paper',
    phrases: ['by the way', 'btw', 'incidentally'],
  }),
  rule({
    id: 'please-medial',
    weight: 0.49,
    source: 'paper',
    position: 'medial',
    priority: 1,
    phrases: ['please|pls|plz|kindly'],
  }),
  rule({
    id: 'please-start',
    weight: -0.3,
    source: 'paper',
    position: 'start',
    priority: 1,
    phrases: ['please|pls|plz'],
  }),
  rule({
    id: 'could-would-you',
    weight: 0.47,
    source: 'paper',
    phrases: ['(could|would) [please|possibly|kindly] (you|u|someone|somebody|anyone|anybody)'],
  }),
  rule({
    id: 'greeting',
    weight: 0.43,
    source: 'paper',
    position: 'start',
    priority: 3,
    phrases: [
      'hi|hello|hey|hiya|howdy|greetings|dear|welcome',
      'good (morning|afternoon|evening|day)',
    ],
  }),
  rule({
    id: 'apology',
    weight: 0.36,
    source: 'paper',
    phrases: [
      '[so|very|really|terribly|truly|deeply|awfully] sorry',
      'apologise|apologize|apologies|apology|apologising|apologizing',
      '(excuse|forgive|pardon) me',
      'oops|whoops|woops',
      'my (bad|mistake)',
      'i regret',
    ],
  }),
  rule({
    id: 'hedge',
    weight: 0.14,
    source: 'paper',
    phrases: [
      'i (suggest|think|guess|believe|suppose|assume|feel|doubt|suspect)',
      'maybe|perhaps|possibly|probably|presumably|apparently|hopefully|somewhat|fairly|likely',
      'might',
      '(it|that) (seems|appears)',
      'seems (to|like)',
      '(sort|kind) of',
      'a (bit|little)',
      "(i'm|i am) not (sure|certain)",
      'not sure',
      'in my (opinion|view|experience)',
      'imo|imho',
    ],
  }),
  rule({
    id: 'can-will-you',
    weight: 0.09,
    source: 'paper',
    phrases: ['(can|will) (you|u|someone|somebody|anyone|anybody)'],
  }),
  rule({
    // The paper's detector takes the wh-word as the first or second word of a sentence, so "So
    // why…" and "And how…" are direct questions too (besides being direct starts).
    id: 'direct-question',
    weight: -0.27,
    source: 'paper',
    position: 'lead',
    priority: 1,
    phrases: ['what|why|who|how'],
  }),
  rule({
    id: 'second-person-start',
    weight: -0.3,
    source: 'paper',
    position: 'start',
    priority: 1,
    phrases: ['you|u'],
  }),
  rule({
    id: 'factuality',
    weight: -0.38,
    source: 'paper',
    phrases: [
      'actually|honestly|frankly|obviously|surely|tbh',
      'in (fact|reality)',
      'the (truth|fact|point|reality) is',
      'to be (honest|frank)',
      '(you|it|this|that) (clearly|obviously)',
    ],
  }),
  rule({
    id: 'factuality',
    weight: -0.38,
    source: 'paper',
    position: 'start',
    phrases: ['clearly'],
  }),
  rule({
    id: 'direct-start',
    weight: -0.43,
    source: 'paper',
    position: 'start',
    priority: 1,
    phrases: ['so|then|and|but|or'],
  }),

  // --- contact-centre courtesy (judgement, placed against the paper's means)
  rule({
    id: 'indirect-request',
    weight: 0.3,
    source: 'judgement',
    priority: 3,
    phrases: [
      'i (was|am|were) wondering',
      'i wonder (if|whether)',
      '(would|could|might) it be possible',
      'is it [at all] possible',
      "if (it is|it's) [at all] possible",
      'if possible',
      "if you (do not|don't) mind",
      '(if|when) you (have|get) a (chance|moment|minute|second)',
      'may i (ask|suggest)',
      // Query-preparatory requests (Blum-Kulka, House & Kasper 1989): the speaker asks whether
      // the hearer knows, has or can, or whether a way exists, instead of asking for the thing.
      '(does|do) (anyone|anybody|someone|somebody) [here] (know|have)',
      '(is|would) (anyone|anybody|someone|somebody) (be able|able|willing) to',
      '(do|would) (you|u) [happen to] know (if|whether|how|what|why|where|when|who|which|of|any)',
      'do (you|u) happen to',
      '(do|does) (you|u|anyone|anybody) have (any|an) (idea|ideas|suggestion|suggestions|thoughts|pointers|hints|advice)',
      'any (idea|ideas|suggestion|suggestions|thoughts|pointers|hints|advice)',
      'is there (a|any) [good|simple|easy|quick|clean|better|proper|standard] (way|chance|possibility)',
      '(do|would) (you|u) mind (if|me)',
      'is it (ok|okay|alright|all right|acceptable) (to|if)',
    ],
  }),
  rule({
    id: 'courtesy-formula',
    weight: 0.45,
    source: 'judgement',
    priority: 3,
    phrases: [
      'my pleasure',
      `${YOU_ARE} [very|most] welcome`,
      '(happy|glad|pleased) to (help|assist)',
      'glad (i|we) could help',
      'have a (nice|good|great|lovely|wonderful|pleasant) (day|evening|weekend|one|afternoon)',
      'take care',
      '(kind|best|warm) regards',
      'with pleasure',
      'no problem at all',
      'see you',
      'good luck',
      'how are you [doing|today]',
      "i hope (you are|you're) (well|doing well|keeping well)",
    ],
  }),
  rule({
    id: 'offer-help',
    weight: 0.5,
    source: 'judgement',
    priority: 3,
    phrases: [
      'how (can|may|might) (i|we) (help|assist)',
      'what can (i|we) do for you',
      "(i would|i'd|i will|i'll) (be happy|be glad|love) to",
      "(i am|i'm|i will be|i'll be) (happy|glad|pleased) to",
      'let me (help|check|look|see|find|explain|sort|fix|arrange)',
      '(i|we) can help [you] with',
      'is there anything [else] (i|we) can',
      'feel free to',
      'if you need [anything|any] [more|further|else] [help|assistance]',
      'let me know if',
      "(do not|don't) hesitate to",
      "(i am|i'm|we are|we're) here to help",
    ],
  }),
  rule({
    // Self-effacement: the speaker lowers themselves or their question to lighten the imposition
    // ("this may be a silly question", "I'm new to Python", "I might be missing something").
    // Brown & Levinson's negative politeness: give deference by humbling oneself, admit the
    // impingement. Placed with the apology (+0.36), whose work it does without the word "sorry";
    // it also keeps "silly"/"stupid" said of one's own question out of the negative lexicon.
    id: 'self-effacement',
    weight: 0.36,
    source: 'judgement',
    priority: 3,
    phrases: [
      `(may|might|could) be (a|an) [very|really|rather|bit of a] ${OWN_QUESTION}`,
      `(probably|maybe|perhaps) (a|an) [very|really|rather|bit of a] ${OWN_QUESTION}`,
      `if this is (a|an) [very|really|rather|bit of a] ${OWN_QUESTION}`,
      `(for|about) (the|this|my|a|such a) [very|really|rather] ${OWN_QUESTION}`,
      `my [very|really|rather] ${OWN_QUESTION}`,
      '(newbie|noob|beginner|novice) (question|here)',
      "(i am|i'm) [very|quite|fairly|pretty|relatively|rather|completely|totally|still] new (to|at|with|in|here)",
      "(i am|i'm) [just|still|only] (a|an) [complete|total|absolute] (beginner|newbie|noob|novice|amateur)",
      "(i am|i'm) [just|still] learning",
      '(excuse|forgive|pardon) my (ignorance|english|naivety|inexperience)',
      'bear with me',
      'i (may|might|could) be (missing|wrong|mistaken|misunderstanding)',
      "(i am|i'm) probably (missing|wrong|mistaken|misunderstanding)",
      "correct me if (i am|i'm) wrong",
    ],
  }),
  rule({
    id: 'ownership',
    weight: 0.4,
    source: 'judgement',
    priority: 3,
    phrases: [
      "(i will|i'll) [personally] (take care of|handle|look into|follow up|make sure|get back to you|call you back|keep you updated|sort this|sort it|deal with this|fix this|see to it)",
      'leave it with me',
      'i (take|accept) [full] responsibility',
    ],
  }),
];

/** Every politeness rule, polite and impolite. */
export const POLITENESS_RULES: readonly PolitenessRule[] = [...POLITE_RULES, ...IMPOLITENESS_RULES];
