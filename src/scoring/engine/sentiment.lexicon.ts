// A small opinion lexicon written for this engine (the paper used Liu et al.'s lexicon with
// weights +0.12 / -0.13). It lists words that judge the hearer or their work. Deliberately absent:
// courtesy words that other rules already count (please, thanks, sorry, welcome), words that are
// not opinions in requests ("still", "must", "like", "well", "right", "kind", "pretty", "sure",
// "fine", "work"), technical topic words ("error", "bug", "problem", "issue", "fail", "wrong",
// "broken", "hard", "easy", "simple", "better") and the customer's feelings that an empathetic
// agent names ("frustrated", "worried", "upset", "disappointed", "confused").

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

export const POSITIVE_WORDS = words(`
 good great nice excellent awesome amazing wonderful fantastic brilliant superb outstanding
 terrific perfect lovely beautiful elegant clever smart neat cool impressive helpful useful
 valuable insightful informative thoughtful thorough interesting fascinating best glad happy
 pleased delighted enjoy enjoyed love loved congratulations congrats bravo kudos fabulous
 marvelous marvellous splendid wise fair reasonable constructive generous patient friendly polite
 courteous respectful supportive encouraging remarkable exceptional super incredible stellar
 pleasant pleasure gorgeous nicely beautifully brilliantly wonderfully superbly elegantly
 cleverly thoughtfully kindly gladly happily pleasantly awesomeness appreciative grand 
 well-written well-explained excellently favourite favorite ideal tidy graceful gracious
`);

export const NEGATIVE_WORDS = words(`
 stupid dumb idiot idiotic moron moronic silly ridiculous absurd ludicrous nonsense pointless
 useless worthless garbage rubbish junk terrible awful horrible horrendous dreadful pathetic lame
 lazy sloppy careless incompetent ignorant clueless rude arrogant annoying irritating insulting
 offensive disgusting hate hated hates sucks suck sucked ugly mess messy poor poorly bad badly
 worst worse unacceptable unhelpful misleading biased vandalism vandal vandalized vandalised 
 troll trolling liar cheat cheating abusive hostile aggressive bully bullying
 harass harassment threaten shame shameful disgrace disgraceful nasty crazy insane dishonest
 rubbishy laughable embarrassing incompetence stupidity nonsensical obnoxious condescending
 patronising patronizing whining whine complaining blame blamed accuse accused
 inferior mediocre sloppily carelessly lazily rudely ignored ignoring
 unreadable incomprehensible gibberish junky shoddy bogus pathetically horribly
 terribly awfully dreadfully hopeless hopelessly clumsy ugh meh
`);
