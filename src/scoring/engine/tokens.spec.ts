import { FreshReader, tokenize } from './tokens';

const spansMatch = (text: string): boolean => {
  const doc = tokenize(text);
  return doc.values.every(
    (value, i) => doc.ends[i] === doc.starts[i] || text.slice(doc.starts[i], doc.ends[i]) === value,
  );
};

describe(tokenize.name, () => {
  it.each([
    'Plain text, nothing odd.',
    'Emoji 👋🏽 and a family 👨‍👩‍👧 here.',
    '您好，請問有什麼可以幫您',
    'Café naïve e\u0301 — “quoted” ‘single’',
    'Control\u0000\u0007 chars\r\nand\ttabs\u000b\u000c\u0085end',
    '\uFEFFbyte-order mark and \u200b zero width',
    'lone \ud800 surrogate \udc00 halves',
  ])('should give each token the exact span of its characters: %j', (text) => {
    expect(spansMatch(text)).toBe(true);
  });

  it('should give offsets in JS string indices after astral characters', () => {
    const text = '😀😀 Thanks';
    const doc = tokenize(text);
    const thanks = doc.normals.indexOf('thanks');
    expect([doc.starts[thanks], doc.ends[thanks]]).toEqual([5, 11]);
  });

  it('should mark words between quotation marks as quoted', () => {
    const doc = tokenize('He wrote "calm down" twice.');
    expect(doc.quoted[doc.normals.indexOf('calm')]).toBe(1);
    expect(doc.quoted[doc.normals.indexOf('twice')]).toBe(0);
  });

  it('should not open a quotation at a possessive apostrophe', () => {
    const doc = tokenize("The customers' accounts and the 'new' plan.");
    expect(doc.quoted[doc.normals.indexOf('accounts')]).toBe(0);
    expect(doc.quoted[doc.normals.indexOf('new')]).toBe(1);
  });

  it('should limit negation to a few words after the negator', () => {
    const doc = tokenize("I can't change the address until you confirm your date of birth.");
    expect(doc.negated[doc.normals.indexOf('change')]).toBe(true);
    expect(doc.negated[doc.normals.indexOf('confirm')]).toBe(false);
  });

  it('should give an empty text no sentences and no words', () => {
    const doc = tokenize('');
    expect(doc.count).toBe(0);
    expect(doc.wordCount).toBe(0);
    expect(doc.sentences).toEqual([]);
  });
});

describe('reading is independent of what the process read before', () => {
  it('should split a possessive the same way after the whole word was seen at a sentence end', () => {
    const before = tokenize("Please ring the bank's fraud line.").values;
    tokenize("It's the bank's.");
    tokenize('Another reply that mentions the bank\'s. And "bank\'s" in quotes.');
    const after = tokenize("Please ring the bank's fraud line.").values;
    expect(before).toContain("'s");
    expect(after).toEqual(before);
  });

  it('should read the same after the reader is rebuilt, however often', () => {
    const reader = new FreshReader(0);
    const text = "Zorblat's account isn't closed: I'll call you back on 07700 900 238, Mr Quenby.";
    const read = (): string[][] =>
      reader.read(text, (doc) => {
        const tokens = doc.tokens();
        return [
          tokens.out() as string[],
          tokens.out(reader.its.pos) as string[],
          tokens.out(reader.its.negationFlag) as unknown as string[],
        ];
      });
    const first = read();
    // Every read adds unseen words, so each one rebuilds the reader (the model's own loaders
    // must not degrade from one instance to the next).
    for (let i = 0; i < 40; i += 1) expect(read()).toEqual(first);
    expect(reader.rebuilds).toBeGreaterThanOrEqual(40);
  });
});
