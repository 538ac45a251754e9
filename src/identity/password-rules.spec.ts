import { passwordProblems } from './password-rules';

const rules = {
  minLength: 10,
  email: 'dana.whitfield@academy.local',
  displayName: 'Dana Whitfield',
};

describe('passwordProblems', () => {
  it.each(['correct horse battery', 'academy-demo', 'Tr41nee!sunrise', 'dana-trains-2026'])(
    'should accept %s',
    (password) => {
      expect(passwordProblems(password, rules)).toEqual([]);
    },
  );

  it('should give only the length problem when the password is too short', () => {
    expect(passwordProblems('short', rules)).toEqual(['password must be at least 10 characters']);
  });

  it.each(['password123', 'PASSWORD123', 'qwertyuiop', '1234567890'])(
    'should refuse the well-known %s',
    (password) => {
      expect(passwordProblems(password, rules)).toContainEqual(
        expect.stringContaining('most common passwords'),
      );
    },
  );

  it.each(['aaaaaaaaaaaa', '0123456789', '9876543210', 'abcdefghijk', 'QWERTYUIOPAS'])(
    'should refuse the repeated or sequential %s',
    (password) => {
      expect(passwordProblems(password, rules)).toContainEqual(
        expect.stringContaining('one character repeated or a run'),
      );
    },
  );

  it.each(['dana.whitfield', 'Dana Whitfield', 'DanaWhitfield', 'dana.whitfield@academy.local'])(
    'should refuse the account’s own email or name: %s',
    (password) => {
      expect(passwordProblems(password, rules)).toEqual([
        'password must not be your email address or your name',
      ]);
    },
  );

  it('should not judge against an email or name it was not given', () => {
    expect(passwordProblems('danawhitfield', { minLength: 10 })).toEqual([]);
  });
});
