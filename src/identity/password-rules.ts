import { AppError } from '../common/domain-error';

// What a new password must not be, beyond its length: the checks NIST SP 800-63B asks for
// (no well-known passwords, nothing taken from the account itself, no repetitive or sequential
// characters), without the composition rules ("one digit, one symbol") it advises against.

// Well-known passwords of at least eight characters, as they top every list of leaked ones.
const COMMON = new Set([
  '00000000',
  '11111111',
  '12345678',
  '123456789',
  '1234567890',
  '1q2w3e4r',
  '1q2w3e4r5t',
  'abc12345',
  'abcd1234',
  'admin123',
  'administrator',
  'asdfghjkl',
  'baseball',
  'changeme',
  'changeme123',
  'computer',
  'dragon123',
  'football',
  'football1',
  'iloveyou',
  'iloveyou1',
  'letmein1',
  'letmein123',
  'monkey123',
  'p@ssw0rd',
  'p@ssword1',
  'passw0rd',
  'password',
  'password1',
  'password12',
  'password123',
  'password1234',
  'princess',
  'qazwsxedc',
  'qwerty123',
  'qwertyuiop',
  'starwars',
  'sunshine',
  'superman',
  'trustno1',
  'welcome1',
  'welcome123',
  'zaq12wsx',
]);

const RUNS = ['abcdefghijklmnopqrstuvwxyz', '01234567890', 'qwertyuiopasdfghjklzxcvbnm'];

/** Why `password` may not be used (empty when it may), in words for the form and the API. */
export function passwordProblems(
  password: string,
  rules: { minLength: number; email?: string; displayName?: string },
): string[] {
  if (password.length < rules.minLength)
    return [`password must be at least ${rules.minLength} characters`];
  const problems: string[] = [];
  const plain = password.toLowerCase();
  if (COMMON.has(plain))
    problems.push('password is one of the most common passwords: choose one nobody would guess');
  if (new Set(plain).size === 1 || isRun(plain))
    problems.push('password must not be one character repeated or a run such as 12345678');
  const bare = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const own = [rules.email, rules.email?.split('@')[0], rules.displayName]
    .filter((text): text is string => Boolean(text))
    .map(bare);
  if (own.includes(bare(password)))
    problems.push('password must not be your email address or your name');
  return problems;
}

// The whole password read along one of the runs, forwards or backwards ("87654321").
function isRun(text: string): boolean {
  const reversed = [...text].reverse().join('');
  return RUNS.some((run) => run.includes(text) || run.includes(reversed));
}

/** Throws a 400 with every problem of `password` at the form's field `path`. */
export function assertPasswordAllowed(
  password: string,
  path: string,
  rules: { minLength: number; email?: string; displayName?: string },
): void {
  const problems = passwordProblems(password, rules);
  if (problems.length) throw AppError.validation([{ path, messages: problems }]);
}
