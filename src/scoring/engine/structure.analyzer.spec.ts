import { analyseStructure } from './structure.analyzer';
import { tokenize } from './tokens';

const structure = (text: string, stage?: 'opening' | 'middle' | 'closing') =>
  analyseStructure(tokenize(text), stage);

describe(analyseStructure.name, () => {
  it('should give full marks when an opening greets, names the agent and offers help', () => {
    const result = structure(
      'Good morning, my name is Priya. How can I help you today?',
      'opening',
    );
    expect(result.score).toBe(100);
    expect(result.evidence.map((item) => item.rule)).toEqual([
      'greeting',
      'identification',
      'offer-help',
    ]);
    expect(result.missing).toEqual([]);
  });

  it.each([
    'Hello, Anna speaking, how may I help?',
    'Hi, this is Tom from Northwind. How can I help?',
  ])('should recognise a name introduction: "%s"', (text) => {
    expect(structure(text, 'opening').evidence.map((item) => item.rule)).toContain(
      'identification',
    );
  });

  it('should report what an opening lacks', () => {
    const result = structure('Hello. How can I help?', 'opening');
    expect(result.score).toBe(65);
    expect(result.missing).toEqual(['your name']);
  });

  it('should give full marks when a closing asks for anything else, thanks and says goodbye', () => {
    const result = structure(
      'Is there anything else I can help with? Thank you for calling, have a lovely evening.',
      'closing',
    );
    expect(result.score).toBe(100);
  });

  it('should score a closing without the anything-else question lower', () => {
    expect(structure('Thanks for calling, goodbye.', 'closing').score).toBe(60);
  });

  it('should not judge structure in the middle of a call or without a stage', () => {
    expect(structure('Hello.', 'middle').score).toBeNull();
    expect(structure('Hello.').score).toBeNull();
  });

  it('should give nothing for an opening that has none of the elements', () => {
    expect(structure('Yes?', 'opening').score).toBe(0);
  });
});
