import { expandPhrase, PhraseIndex } from './phrase-pattern';
import { tokenize } from './tokens';

const matches = (phrases: string[], text: string, useLemma = false): string[] => {
  const index = new PhraseIndex<string>(useLemma);
  for (const phrase of phrases) index.add(phrase, phrase);
  const doc = tokenize(text);
  return index.match(doc).map((match) => text.slice(doc.starts[match.first], doc.ends[match.last]));
};

describe(PhraseIndex.name, () => {
  it('should expand alternatives, groups and optional words', () => {
    const expanded = expandPhrase('confirm|verify your (date of birth|dob) [please]');
    expect(expanded.ok && expanded.phrases.map((words) => words.join(' ')).sort()).toEqual([
      'confirm your date of birth',
      'confirm your date of birth please',
      'confirm your dob',
      'confirm your dob please',
      'verify your date of birth',
      'verify your date of birth please',
      'verify your dob',
      'verify your dob please',
    ]);
  });

  it.each([
    ['(unclosed', 'brackets'],
    ['(a|) b', 'empty alternative'],
    ['* a', 'start or end'],
    ['[only]', 'no words'],
  ])('should reject a malformed phrase: %s', (phrase, reason) => {
    const expanded = expandPhrase(phrase);
    expect(expanded.ok ? '' : expanded.reason).toContain(reason);
  });

  it('should match contractions and spelling variants through normal forms', () => {
    expect(matches(["that's your problem"], 'Well, that is your problem.')).toEqual([
      'that is your problem',
    ]);
    expect(matches(['can not help'], "I can't help, I cannot help.")).toEqual([
      "can't help",
      'cannot help',
    ]);
  });

  it('should match inflections only when lemmas are on', () => {
    expect(matches(['confirm your address'], 'You confirmed your address.')).toEqual([]);
    expect(matches(['confirm your address'], 'You confirmed your address.', true)).toEqual([
      'confirmed your address',
    ]);
  });

  it('should match a wildcard and step over line breaks', () => {
    expect(matches(['within * days'], 'within\n\nthree days')).toEqual(['within\n\nthree days']);
  });

  it('should keep insertion order at one start when phrases of one and two words mix', () => {
    const index = new PhraseIndex<string>(false);
    for (const phrase of ['call me', 'call', 'call * back', 'call me back'])
      index.add(phrase, phrase);
    const doc = tokenize('Call\nme back.');
    expect(index.match(doc).map((match) => match.payload)).toEqual([
      'call me',
      'call',
      'call * back',
      'call me back',
    ]);
  });

  it('should be case-insensitive', () => {
    expect(matches(['MSISDN'], 'your msisdn and your MSISDN')).toEqual(['msisdn', 'MSISDN']);
  });
});
