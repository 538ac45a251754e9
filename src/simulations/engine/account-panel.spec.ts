import { mask, maskedAccount } from './account-panel';

describe(maskedAccount.name, () => {
  it('should keep the last four digits of card, account and phone numbers only', () => {
    expect(mask('**** **** **** 4417')).toBe('**** **** **** 4417');
    expect(mask('20-45-77 40512291')).toBe('••-••-•• ••••2291');
    expect(mask('07700 900 238')).toBe('••••• ••• 238');
  });

  it('should hide dates of birth, postcodes, addresses and e-mails whole', () => {
    for (const value of ['14/05/1979', 'LS6 2QT', '14 Harehills Lane, Leeds LS8 4QP', 'r.lowe@…'])
      expect(mask(value)).not.toMatch(/[A-Za-z0-9]/);
  });

  it('should leave facts that are not sensitive as they are', () => {
    expect(
      maskedAccount([
        { label: 'Plan', value: 'Fibre 500', sensitive: false },
        { label: 'Date of birth', value: '02/03/1986', sensitive: true },
      ]),
    ).toEqual([
      { label: 'Plan', value: 'Fibre 500', masked: false },
      { label: 'Date of birth', value: '••/••/••••', masked: true },
    ]);
  });
});
