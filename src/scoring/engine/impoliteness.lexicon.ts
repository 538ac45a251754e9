// Impolite markers beyond the paper's strategies (contact-centre rudeness, condescension,
// commands). Weights are judgement, placed against the paper's published means (README).
import { PolitenessRule, rule, THAT_IS, YOU_ARE } from './politeness-rule';

export const IMPOLITENESS_RULES: readonly PolitenessRule[] = [
  rule({
    id: 'command-start',
    weight: -0.3,
    source: 'judgement',
    position: 'start',
    priority: 1,
    phrases: ["(do not|don't) (do|use|be|ask|post|say|tell|call|shout|touch|change|waste)"],
  }),
  rule({
    id: 'obligation',
    weight: -0.3,
    source: 'judgement',
    phrases: ["(you|u) (need to|have to|must|ought to|got to|have got to|'ve got to|gotta)"],
  }),
  rule({
    id: 'negative-question',
    weight: -0.3,
    source: 'judgement',
    position: 'start',
    priority: 3,
    keepNegated: true,
    phrases: [
      '(do|does|did|can|could|would|should|is|are|was|were|have|has|will) not (you|it|this|that|they|he|she|we)',
      'why not',
      'why (do|does|did|can|could|would|should|is|are|was|were|have|has|will) not',
    ],
  }),
  rule({
    id: 'contradiction',
    weight: -0.4,
    source: 'judgement',
    priority: 3,
    keepNegated: true,
    phrases: [
      `${THAT_IS} (wrong|incorrect|not true|nonsense|not correct)`,
      `${YOU_ARE} (wrong|mistaken|incorrect)`,
      '(makes|made) no sense',
      '(does|did|do) not make [any] sense',
      'not true',
      // Denying the hearer's contribution: it is no answer, or not what was asked.
      '(this|that|it|which) (does|did) not (answer|address) [my|the|your] question',
      '(this|that|it|which) (is|was) not (an|the) answer',
      '(this|that|it|which) (is|was) not what i (asked|meant|wanted|said)',
      '(this|that|it|which) (is|was) not what i was asking',
      'not what i (asked|meant|wanted|said)',
      'not what i was asking',
      'not an answer',
      '(you|u) [still] (did not|have not|never) (answered|answer|addressed|address) [my|the]',
    ],
  }),
  rule({
    id: 'contradiction',
    weight: -0.4,
    source: 'judgement',
    position: 'start',
    priority: 3,
    keepNegated: true,
    phrases: ['(no|nope|wrong) ,|.|!'],
  }),
  rule({
    // Challenge: a question that demands the hearer account for what they did or said ("Why did
    // you…", "What do you mean…", "How is this an answer?"). Brown & Levinson list challenges with
    // criticism and contradiction as threats to the hearer's positive face; a plain direct
    // question (−0.27) asks about the topic, a challenge questions the hearer. Placed with
    // contradiction (−0.40), which it implies without stating; it claims the wh-word, so the
    // direct-question mean is not added on top.
    id: 'challenge',
    weight: -0.4,
    source: 'judgement',
    // Same priority as the query-preparatory requests, so "How do you know whether…" is a
    // challenge (the earlier of two equally long matches) and not "do you know whether".
    priority: 3,
    keepNegated: true,
    phrases: [
      'why (do|did|are|were|have|had|would|should|must) (you|u)',
      'what (do|did) (you|u) mean',
      'what (are|were) (you|u) (talking about|saying|implying|suggesting)',
      'what (have|did) (you|u) (tried|try|done)',
      'how (do|did|would|can|could) (you|u) know',
      'what makes (you|u) (think|say|believe|assume)',
      '(how|why) (is|does) (this|that) answer',
      'how is (this|that) (relevant|related|an answer|on topic)',
      'what (does|has) (this|that|it) (have|got) to do with',
      'what is your (point|problem|question)',
    ],
  }),
  rule({
    id: 'condescension',
    weight: -0.6,
    source: 'judgement',
    priority: 3,
    keepNegated: true,
    phrases: [
      '(did|have|do) you (even|actually|really) (read|try|tried|look|looked|bother|bothered|search|searched|think|check|checked|understand)',
      'you do (realize|realise|know|understand)',
      '(you|u) (should|must) (know|realize|realise|understand) (that|this)',
      'as i [already|just|have] (said|mentioned|explained|told you|stated|wrote)',
      'like i (said|told you)',
      'i (already|just) (told|said|explained)',
      'i have already (told|said|explained)',
      "(it's|it is) not rocket science",
      'common sense',
      '(google|search) it',
      'do your [own] (homework|research)',
      'learn (to|how to) (read|use|google|search)',
      'no (offence|offense)',
      'with all due respect',
      'are you (kidding|serious|joking)',
      'why on earth',
      'why would (you|anyone|anybody) [ever] (do|want|think|use)',
      'get a clue',
      'what is wrong with you',
      'really ?',
    ],
  }),
  rule({
    id: 'condescension',
    weight: -0.6,
    source: 'judgement',
    position: 'start',
    priority: 3,
    keepNegated: true,
    phrases: [
      'seriously',
      '(read|reread) the (question|manual|docs|documentation|faq|post|answer|error|message|instructions)',
    ],
  }),
  rule({
    id: 'profanity',
    weight: -0.8,
    source: 'judgement',
    priority: 3,
    keepNegated: true,
    phrases: [
      'fuck|fucking|fucked|shit|shitty|crap|crappy|damn|damned|goddamn|wtf|bullshit|bloody|pissed|piss|ass|arse|stfu',
      'the (hell|heck)',
    ],
  }),
  rule({
    id: 'blame-customer',
    weight: -0.8,
    source: 'judgement',
    priority: 3,
    keepNegated: true,
    phrases: [
      `${THAT_IS} [all] your [own] fault`,
      'your (fault|mistake|own fault)',
      '(you|u) should have (known|read|checked|called|told|asked|listened|paid|followed|waited|done|saved|kept)',
      "(you|u) (should not|shouldn't) have",
      "(you|u) (did not|didn't|failed to|forgot to|never) (read|follow|check|pay|listen|update|tell|follow|bother|call|save)",
      "because you (did not|didn't|failed|forgot)",
      'if you had (read|listened|followed|paid|checked|called)',
      'you must have (done|pressed|deleted|entered|made|clicked|typed)',
      'you made a mistake',
      'you people',
    ],
  }),
  rule({
    id: 'sarcasm',
    weight: -0.9,
    source: 'judgement',
    priority: 4,
    keepNegated: true,
    phrases: [
      'thanks [a lot|so much] for nothing',
      'gee thanks',
      'oh (great|wonderful|brilliant|perfect|lovely|joy)',
      'yeah right',
      '(good|best of) luck with that',
      'nice try',
      '(big|what a) surprise',
    ],
  }),
  rule({
    id: 'dismissive',
    weight: -1.0,
    source: 'judgement',
    priority: 3,
    keepNegated: true,
    phrases: [
      '(calm down|chill out|relax)',
      `${YOU_ARE} overreacting`,
      'stop (shouting|yelling|complaining|whining|crying)',
      'deal with it',
      'get over it',
      `${THAT_IS} not a big deal`,
      'what do you (want|expect) [me to do]',
      "i (do not|don't) care",
      'too bad',
      'tough luck',
      'take it or leave it',
    ],
  }),
  rule({
    id: 'dismissive',
    weight: -1.0,
    source: 'judgement',
    position: 'start',
    priority: 3,
    phrases: ['whatever ,|.|!'],
  }),
  rule({
    id: 'deflect-responsibility',
    weight: -1.0,
    source: 'judgement',
    priority: 3,
    keepNegated: true,
    phrases: [
      `${THAT_IS} (your|not our|not my) problem`,
      'not my (department|job|problem|responsibility|area|fault|concern)',
      "(there is|there's) nothing (i|we) can do",
      'nothing (i|we) can do',
      "(i|we) (can't|cannot|can not) help you",
      '(call|contact|ask|try) (someone|somebody) else',
    ],
  }),
];

/** Base-form verbs that open a command; needed because the tagger often reads a capitalised
 * sentence-initial word as a proper noun ("Check the logs." → PROPN). */
export const COMMAND_VERBS: ReadonlySet<string> = new Set(
  (
    'read check look see use try go click stop explain give tell show make add remove delete fix ' +
    'change put take get find search google provide post edit answer describe clarify define note ' +
    'avoid ask learn follow install run type open close write call send include specify list cite ' +
    'format move wait restart reboot update upgrade download select choose pick enter press set turn ' +
    'switch replace accept revert undo leave drop report visit listen consider do be hold come bring ' +
    'fill complete sign log reset confirm verify contact refer review compare think stay quit shut ' +
    'hurry fix answer respond reply'
  ).split(' '),
);

/** Sentence-initial minimisers that can stand before a command ("Just use a dictionary."). */
export const MINIMISERS: ReadonlySet<string> = new Set(['just']);

/** Sentence-initial verbs of conventional courtesy, never counted as commands. */
export const COURTEOUS_IMPERATIVES: ReadonlySet<string> = new Set(
  'thank thanks let feel hope enjoy welcome excuse forgive pardon rest bear allow kindly have'.split(
    ' ',
  ),
);
