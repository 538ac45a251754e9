import { analysePoliteness, politenessValue } from './politeness.analyzer';
import { tokenize } from './tokens';

// Rules that changed the score (effect ≠ 0), in text order.
const fired = (text: string): string[] =>
  analysePoliteness(tokenize(text))
    .evidence.filter((item) => item.effect !== 0)
    .map((item) => item.rule);

const effectOf = (text: string, rule: string): number =>
  analysePoliteness(tokenize(text)).evidence.find((item) => item.rule === rule)?.effect ?? 0;

describe(analysePoliteness.name, () => {
  describe('polite strategies of the paper', () => {
    it.each([
      ['gratitude', 'Thanks for the quick reply.'],
      ['gratitude', 'I really appreciate your help with this.'],
      ['deference', 'Great question, let me find out.'],
      ['deference', 'That was a good point about the fees.'],
      ['by-the-way', 'By the way, the refund is already on its way.'],
      ['please-medial', 'Could I please have your postcode?'],
      ['could-would-you', 'Would you mind holding for a moment?'],
      ['greeting', 'Hello, and welcome to the help desk.'],
      ['greeting', 'Good morning, the line is back up.'],
      ['apology', 'I apologise for the delay.'],
      ['apology', 'So sorry about that.'],
      ['hedge', 'Perhaps the payment is still pending.'],
      ['can-will-you', 'Can you see the new charge on the app?'],
      ['first-person-plural', 'We have sent the new card.'],
      ['positive-lexicon', 'The engineer said the line looks excellent now.'],
    ])('should fire %s when the reply reads "%s"', (rule, text) => {
      expect(fired(text)).toContain(rule);
      expect(effectOf(text, rule)).toBeGreaterThan(0);
    });
  });

  describe('impolite counterparts', () => {
    it.each([
      ['direct-start', 'So the bill is correct.'],
      ['second-person-start', 'You said the bill was wrong.'],
      ['obligation', 'You have to reboot it first.'],
      ['please-start', 'Please hold.'],
      ['factuality', 'Actually, the charge is right.'],
      ['factuality', 'The fee is obviously there for a reason.'],
      ['direct-question', 'Why was the order cancelled?'],
      ['challenge', 'Why did you cancel the order?'],
      ['command-start', 'Restart the router.'],
      ['command-start', "Don't call this number again."],
      ['negative-lexicon', 'That request is ridiculous.'],
      ['condescension', 'As I already told you, the shop is closed.'],
      ['condescension', 'Did you even read the letter?'],
      ['dismissive', 'Calm down, it is only a fee.'],
      ['deflect-responsibility', "That's your problem."],
      ['deflect-responsibility', 'Billing is not my department.'],
      ['blame-customer', 'You should have checked the contract.'],
      ['shouting', 'I SAID THE LINE IS DOWN.'],
      ['sarcasm', 'Thanks for nothing.'],
      ['profanity', 'What the hell is going on with this account?'],
      ['contradiction', "No, that's wrong."],
      ['emphatic-punctuation', 'Are you listening??'],
    ])('should fire %s when the reply reads "%s"', (rule, text) => {
      expect(fired(text)).toContain(rule);
      expect(effectOf(text, rule)).toBeLessThan(0);
    });
  });

  describe('contact-centre courtesy', () => {
    it.each([
      ['courtesy-formula', "You're very welcome, have a lovely day."],
      ['offer-help', 'How can I help you today?'],
      ['offer-help', "I'd be happy to look into that for you."],
      ['ownership', "I'll take care of this for you."],
      ['ownership', 'Leave it with me and I will call you back.'],
    ])('should fire %s when the reply reads "%s"', (rule, text) => {
      expect(fired(text)).toContain(rule);
    });

    it('should not count the opening "how" as a direct question when it offers help', () => {
      expect(fired('How can I help you today?')).not.toContain('direct-question');
    });

    it('should read "good morning" as a greeting, not as deference', () => {
      const rules = fired('Good morning, thanks for holding.');
      expect(rules).toContain('greeting');
      expect(rules).not.toContain('deference');
    });

    it('should read "thanks for nothing" as sarcasm, not gratitude', () => {
      const rules = fired('Thanks for nothing.');
      expect(rules).toContain('sarcasm');
      expect(rules).not.toContain('gratitude');
    });
  });

  describe('direct questions, challenges, self-effacement and minimised commands', () => {
    it.each([
      ['So why is the fee higher this month?'],
      ['And how does the refund reach my card?'],
      ['Hi how do I reset the router?'],
    ])('should count a wh-word as the second word as a direct question: "%s"', (text) => {
      expect(fired(text)).toContain('direct-question');
    });

    it('should not count a wh-word after a greeting and a comma as a direct question', () => {
      expect(fired('Hello, how is the new router working out?')).not.toContain('direct-question');
    });

    it('should count both the direct start and the direct question of "So why…"', () => {
      expect(fired('So why is the fee higher?')).toEqual(
        expect.arrayContaining(['direct-start', 'direct-question']),
      );
    });

    it.each([
      ['What do you mean by a late fee?'],
      ['Why did you switch the tariff?'],
      ['What have you tried so far?'],
      ['How do you know the line is fine?'],
      ['How is this an answer to my complaint?'],
      ['What does that have to do with my bill?'],
      ["What's your point?"],
    ])('should read "%s" as a challenge, not as a plain direct question', (text) => {
      const rules = fired(text);
      expect(rules).toContain('challenge');
      expect(rules).not.toContain('direct-question');
      expect(effectOf(text, 'challenge')).toBe(-0.4);
    });

    it.each([
      ['How do you change the PIN on the app?'],
      ['What do you think about the new plan?'],
      ['Why is the parcel still at the depot?'],
    ])('should not read a question about the topic as a challenge: "%s"', (text) => {
      expect(fired(text)).not.toContain('challenge');
    });

    it('should not credit "why would you" as a polite counterfactual modal', () => {
      const rules = fired('Why would you put the router in the cupboard?');
      expect(rules).toContain('challenge');
      expect(rules).not.toContain('could-would-you');
    });

    it.each([
      ['This may be a silly question, but is the fee monthly?'],
      ['Sorry if this is a stupid question.'],
      ["I'm new to online banking, where is the statement?"],
      ['Forgive my ignorance, what is a direct debit?'],
      ['I might be missing something, is the bill monthly?'],
      ["Correct me if I'm wrong, but the fee is new?"],
    ])('should count self-effacement in "%s"', (text) => {
      expect(fired(text)).toContain('self-effacement');
      expect(effectOf(text, 'self-effacement')).toBe(0.36);
    });

    it('should not read a belittled question as negative lexicon when it is the speaker’s own', () => {
      expect(fired('This may be a silly question.')).not.toContain('negative-lexicon');
    });

    it('should read "that is a stupid question" as negative, not as self-effacement', () => {
      const rules = fired('That is a stupid question.');
      expect(rules).toContain('negative-lexicon');
      expect(rules).not.toContain('self-effacement');
    });

    it('should not count self-effacement that is denied', () => {
      expect(fired("I'm not new to this, where is the statement?")).not.toContain(
        'self-effacement',
      );
    });

    it('should keep the apology besides the self-effacement', () => {
      expect(fired('Sorry if this is a stupid question.')).toEqual(
        expect.arrayContaining(['apology', 'self-effacement']),
      );
    });

    it.each([['Just restart the router.'], ['Just check the logs first.']])(
      'should count a command behind "just" in "%s"',
      (text) => {
        expect(fired(text)).toContain('command-start');
        const evidence = analysePoliteness(tokenize(text)).evidence;
        expect(evidence.find((item) => item.rule === 'command-start')?.text).toMatch(/^Just \w+$/);
      },
    );

    it.each([
      ['Just wanted to say thanks for waiting.'],
      ['Just to confirm, is the address still right?'],
      ['Just restart the router?'],
    ])('should not count "%s" as a command', (text) => {
      expect(fired(text)).not.toContain('command-start');
    });

    it('should count "I suspect" as a hedge', () => {
      expect(fired('I suspect the card was blocked.')).toContain('hedge');
    });
  });

  describe('query-preparatory requests and denials of the hearer’s contribution', () => {
    it.each([
      ['Does anyone know how the late fee is worked out?'],
      ['Hi, does anybody here have the new tariff sheet?'],
      ['Would someone be able to check the router logs?'],
      ['Do you know whether the refund has gone through?'],
      ['Do you happen to know when the engineer arrives?'],
      ['Do you have any idea why the line drops at night?'],
      ['Any ideas on where the statement went?'],
      ['Is there a simple way to move the direct debit date?'],
      ['Do you mind if I put you on hold for a moment?'],
      ['Is it okay to send the form by post?'],
    ])('should read "%s" as a conventionally indirect request', (text) => {
      expect(fired(text)).toContain('indirect-request');
      expect(effectOf(text, 'indirect-request')).toBe(0.3);
    });

    it.each([['How do you know whether the line is fine?'], ['How do you know the line is fine?']])(
      'should keep "%s" a challenge, not an indirect request',
      (text) => {
        const rules = fired(text);
        expect(rules).toContain('challenge');
        expect(rules).not.toContain('indirect-request');
      },
    );

    it.each([
      ['Do you know the account number?'],
      ['There is a way to move the date.'],
      ['I have no idea where it went.'],
    ])('should not read "%s" as an indirect request', (text) => {
      expect(fired(text)).not.toContain('indirect-request');
    });

    it.each([
      ["That doesn't answer my question about the fee."],
      ['This is not what I asked for.'],
      ['Sorry, but that was not what I meant.'],
      ['It is not an answer to the complaint.'],
      ["You still haven't answered my question."],
    ])('should read "%s" as a contradiction', (text) => {
      expect(fired(text)).toContain('contradiction');
      expect(effectOf(text, 'contradiction')).toBe(-0.4);
    });

    it.each([
      ['This answers the question about the fee.'],
      ['That is what I asked for, thank you.'],
    ])('should not read "%s" as a contradiction', (text) => {
      expect(fired(text)).not.toContain('contradiction');
    });
  });

  describe('opinion lexicon (Hu & Liu, as in the paper)', () => {
    it.each([
      ['The problem is on the exchange side.', 'negative-lexicon', -0.13],
      ['That plan would work well for you.', 'positive-lexicon', 0.12],
      ['The engineer fixed the fault, it was a faulty cable.', 'negative-lexicon', -0.13],
    ])('should read "%s" as %s', (text, rule, effect) => {
      expect(effectOf(text, rule)).toBe(effect);
    });

    it.each([['The parcel is still at the depot.'], ['The form must be signed.']])(
      'should not read "still" or "must" as opinion words: "%s"',
      (text) => {
        const rules = fired(text);
        expect(rules).not.toContain('positive-lexicon');
        expect(rules).not.toContain('negative-lexicon');
      },
    );

    it('should not read a word another rule claimed as lexicon as well', () => {
      const rules = fired('Thank you, and sorry for the wait.');
      expect(rules).toEqual(expect.arrayContaining(['gratitude', 'apology']));
      expect(rules).not.toContain('positive-lexicon');
      expect(rules).not.toContain('negative-lexicon');
    });

    it('should read a negated positive word as negative', () => {
      expect(fired("The new router doesn't work.")).toContain('negative-lexicon');
      expect(fired("The new router doesn't work.")).not.toContain('positive-lexicon');
    });
  });

  describe('negation', () => {
    it('should not count an apology when it is negated', () => {
      expect(fired("I'm not sorry.")).not.toContain('apology');
      const evidence = analysePoliteness(tokenize("I'm not sorry.")).evidence;
      expect(evidence.find((item) => item.rule === 'apology')?.note).toMatch(/negated/);
    });

    it('should not count gratitude when the thanks is refused', () => {
      expect(fired('No thanks.')).not.toContain('gratitude');
    });

    it('should count a negated positive word as negative', () => {
      expect(fired('That answer was not helpful.')).toContain('negative-lexicon');
      expect(fired('That answer was not helpful.')).not.toContain('positive-lexicon');
    });

    it('should keep gratitude when the negation is part of the formula', () => {
      expect(fired("I can't thank you enough.")).toContain('gratitude');
    });
  });

  describe('quoted text', () => {
    it('should ignore markers inside quotation marks', () => {
      const rules = fired('The note said "calm down and pay" so I rang you.');
      expect(rules).not.toContain('dismissive');
    });

    it('should still count markers outside the quotation', () => {
      expect(fired('Thanks, the note said "calm down".')).toContain('gratitude');
    });
  });

  describe('scale', () => {
    it('should count a rule once when it occurs twice', () => {
      const result = analysePoliteness(tokenize('Thanks. Thanks again.'));
      const gratitude = result.evidence.filter((item) => item.rule === 'gratitude');
      expect(gratitude).toHaveLength(2);
      expect(gratitude.filter((item) => item.effect !== 0)).toHaveLength(1);
    });

    it('should map a neutral reply to 50 and keep the score within 0–100', () => {
      expect(analysePoliteness(tokenize('The parcel left the depot.')).score).toBe(50);
      const rude = analysePoliteness(tokenize('Calm down. Thanks for nothing. Not my department.'));
      const polite = analysePoliteness(
        tokenize('Hello, thank you so much, could you please hold?'),
      );
      expect(rude.score).toBeGreaterThanOrEqual(0);
      expect(rude.score).toBeLessThan(15);
      expect(polite.score).toBeLessThanOrEqual(100);
      expect(polite.score).toBeGreaterThan(85);
    });

    it('should rank a polite request above a blunt one', () => {
      expect(politenessValue('Could you please send the form? Thanks!')).toBeGreaterThan(
        politenessValue('Why did you not send the form? Send it now.'),
      );
    });

    it('should return 0 when given something that is not text', () => {
      expect(politenessValue(undefined as unknown as string)).toBe(0);
    });
  });
});
