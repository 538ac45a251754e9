import { analyseEmpathy } from './empathy.analyzer';
import { tokenize } from './tokens';

const empathy = (text: string, customerLine?: string) =>
  analyseEmpathy(tokenize(text), customerLine);
const rules = (text: string, customerLine?: string): string[] =>
  empathy(text, customerLine)
    .evidence.filter((item) => item.effect !== 0)
    .map((item) => item.rule);

describe(analyseEmpathy.name, () => {
  it.each([
    ['acknowledge-feeling', 'I understand how frustrating this must be.'],
    ['acknowledge-feeling', 'I can imagine how worrying that letter was.'],
    ['name-feeling', 'That must be really worrying for you.'],
    ['situational-apology', "I'm sorry you had to call three times."],
    ['situational-apology', "I'm so sorry to hear about the outage."],
    ['acknowledge', 'I completely understand.'],
    ['reassurance', "Don't worry, we will get this sorted today."],
  ])('should fire %s when the reply reads "%s"', (rule, text) => {
    expect(rules(text)).toContain(rule);
    expect(empathy(text).score).toBeGreaterThan(25);
  });

  it('should stay at the base score when the reply acknowledges nothing', () => {
    expect(empathy('Your bill is 40 pounds.').score).toBe(25);
    expect(empathy('Your bill is 40 pounds.').evidence).toEqual([]);
  });

  it('should score naming the feeling above a bare acknowledgement', () => {
    expect(empathy('I understand how upsetting this is.').score).toBeGreaterThan(
      empathy('I understand.').score!,
    );
  });

  it('should lower the score when the reply dismisses the customer', () => {
    expect(rules('Calm down, it is not a big deal.')).toContain('dismissive');
    expect(empathy('Calm down, it is not a big deal.').score).toBeLessThan(25);
  });

  it('should lower the score when the reply blames the customer', () => {
    expect(empathy("It's your own fault.").score).toBeLessThan(25);
  });

  it('should not count a feeling word when it is negated', () => {
    expect(rules("I understand it isn't frustrating.")).not.toContain('acknowledge-feeling');
  });

  it('should not count a negated apology', () => {
    expect(rules("I'm not sorry about the charge.")).toEqual([]);
  });

  it('should reward echoing the customer when a customer line is given', () => {
    const customer = 'You charged me twice for the roaming bundle!';
    const reply = 'Let me look at the roaming bundle charges on your account.';
    expect(rules(reply, customer)).toContain('mirroring');
    expect(rules(reply)).not.toContain('mirroring');
  });

  it('should keep the score within 0–100 when many rules fire', () => {
    const score = empathy(
      "I'm so sorry to hear that, I completely understand how frustrating it is. That must be so stressful. Don't worry, rest assured we'll get this sorted.",
    ).score!;
    expect(score).toBeLessThanOrEqual(100);
    expect(score).toBeGreaterThanOrEqual(90);
  });
});
