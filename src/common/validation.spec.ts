import { readableMessage, withoutEmptyParameters } from './validation';

describe('readableMessage', () => {
  it.each([
    [
      'displayName',
      ['displayName must be longer than or equal to 1 characters'],
      'Must not be empty',
    ],
    ['q', ['q must be shorter than or equal to 80 characters'], 'Must be at most 80 characters'],
    ['roles', ['roles must contain at least 1 elements'], 'Choose at least one'],
    ['anger', ['anger must not be greater than 100'], 'Must be 100 or less'],
    [
      'minSessions',
      [
        'minSessions must not be greater than 100',
        'minSessions must not be less than 1',
        'minSessions must be an integer number',
      ],
      'Must be a whole number',
    ],
    ['rows.2.email', ['email must be an email'], 'Must be an email'],
    [
      'reason',
      ['reason must say why, in at least 5 characters'],
      'Must say why, in at least 5 characters',
    ],
    ['email', ['no account has this email address'], 'No account has this email address'],
    [
      'currentPassword',
      ['currentPassword is not your current password'],
      'This is not your current password',
    ],
    [
      'status',
      ['status must be one of the following values: active, inactive'],
      'Must be one of: active, inactive',
    ],
  ])('should word %s %j as %j', (path, messages, expected) => {
    expect(readableMessage(path, messages)).toBe(expected);
  });

  it('should give an empty message for a field without one', () => {
    expect(readableMessage('x', [])).toBe('');
  });
});

describe('withoutEmptyParameters', () => {
  it('should leave out empty parameters and lists of empty values, and keep the rest', () => {
    expect(withoutEmptyParameters({ a: '', b: 'x', c: ['', ''], d: ['', 'y'], e: '0' })).toEqual({
      b: 'x',
      d: ['', 'y'],
      e: '0',
    });
  });

  it('should pass anything that is not a plain object through', () => {
    expect(withoutEmptyParameters('')).toBe('');
    expect(withoutEmptyParameters(undefined)).toBeUndefined();
    expect(withoutEmptyParameters(['a'])).toEqual(['a']);
  });
});
