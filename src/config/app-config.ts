import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/** The one typed configuration; `loadConfig` is the only reader of process.env. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  contentDir: string;
  databaseUrl: string | null;
  sqlitePath: string;
  /** SQLite's page cache (SQLite's own default is 2 MiB, which re-reads a workforce's tables). */
  sqliteCacheMb: number;
  authSecret: string;
  tokenTtlSeconds: number;
  secureCookies: boolean;
  demoAccounts: boolean;
  /** Seed a demo cohort with course, exam and role-play activity (needs the demo accounts). */
  demoActivity: boolean;
  demoPassword: string;
  passwordMinLength: number;
  loginMaxFailures: number;
  loginLockoutSeconds: number;
  auditRetentionDays: number;
  scoringMaxChars: number;
  /** Base URL people outside reach the service at (verification links, QR codes, badges). */
  publicUrl: string;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
}

export const APP_CONFIG = Symbol('APP_CONFIG');
export const PROJECT_ROOT = resolve(__dirname, '..', '..');

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

/** Every variable the service reads, with its default and meaning (the README table mirrors it). */
export const CONFIG_VARIABLES = [
  ['NODE_ENV', 'development', 'development, production or test'],
  ['HOST', '0.0.0.0', 'interface to listen on'],
  ['PORT', '3000', 'HTTP port'],
  ['DATA_DIR', 'data', 'folder for the SQLite file and the generated secret'],
  ['CONTENT_DIR', 'content', 'authored courses, rubrics, exams, scenarios, programmes'],
  ['DATABASE_URL', '(unset: SQLite)', 'postgres://… to run on PostgreSQL'],
  [
    'AUTH_SECRET',
    '(generated into DATA_DIR)',
    'secret that signs tokens, cookies and CSRF tokens (≥ 32 chars)',
  ],
  ['TOKEN_TTL_SECONDS', '28800', 'lifetime of an access token / session'],
  ['SECURE_COOKIES', 'true in production', 'mark cookies Secure (needs HTTPS)'],
  ['DEMO_ACCOUNTS', 'true outside production', 'create the demo accounts at start-up'],
  [
    'DEMO_ACTIVITY',
    'true outside production and test',
    'seed a demo cohort with course, exam and role-play activity at start-up',
  ],
  ['DEMO_PASSWORD', 'academy-demo', 'password of the demo accounts'],
  ['PASSWORD_MIN_LENGTH', '10', 'minimum password length for new accounts'],
  ['LOGIN_MAX_FAILURES', '5', 'failed logins per account and address before 429'],
  ['LOGIN_LOCKOUT_SECONDS', '900', 'window and lock-out length for failed logins'],
  ['AUDIT_RETENTION_DAYS', '365', 'days audit entries are kept (at least 180)'],
  ['SCORING_MAX_CHARS', '20000', 'longest reply the scoring API accepts'],
  [
    'PUBLIC_URL',
    'http://localhost:PORT',
    'base URL printed on certificates, QR codes and Open Badges',
  ],
  ['LOG_LEVEL', 'warn', 'error, warn, log or debug'],
  ['SQLITE_CACHE_MB', '64', 'page cache of the embedded SQLite database, in MiB (4–4096)'],
] as const;

export function loadConfig(env: Env = process.env, cwd = PROJECT_ROOT): AppConfig {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['true', '1', 'yes'].includes(raw)) return true;
    if (['false', '0', 'no'].includes(raw)) return false;
    problems.push(`${name} must be true or false, got "${env[name]}"`);
    return fallback;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
    return fallback;
  };
  const path = (name: string, fallback: string): string => {
    const raw = env[name] || fallback;
    return isAbsolute(raw) ? raw : resolve(cwd, raw);
  };

  const nodeEnv = oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const production = nodeEnv === 'production';
  const databaseUrl = env.DATABASE_URL || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const authSecret = env.AUTH_SECRET || null;
  if (authSecret !== null && authSecret.length < 32) {
    problems.push('AUTH_SECRET must be at least 32 characters');
  }
  const dataDir = path('DATA_DIR', 'data');
  const publicUrl = (env.PUBLIC_URL || '').replace(/\/+$/, '');
  if (publicUrl && !/^https?:\/\/[^/\s]+(\/\S*)?$/.test(publicUrl))
    problems.push('PUBLIC_URL must be an http:// or https:// URL');
  const config: Omit<AppConfig, 'authSecret'> = {
    nodeEnv,
    host: env.HOST || '0.0.0.0',
    port: int('PORT', 3000, 0, 65535),
    dataDir,
    contentDir: path('CONTENT_DIR', 'content'),
    databaseUrl,
    sqlitePath: join(dataDir, 'academy.sqlite'),
    tokenTtlSeconds: int('TOKEN_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    secureCookies: bool('SECURE_COOKIES', production),
    demoAccounts: bool('DEMO_ACCOUNTS', !production),
    // Off in tests, so specs start from an empty database unless they ask for the cohort.
    demoActivity: bool('DEMO_ACTIVITY', !production && nodeEnv !== 'test'),
    demoPassword: env.DEMO_PASSWORD || 'academy-demo',
    passwordMinLength: int('PASSWORD_MIN_LENGTH', 10, 8, 128),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginLockoutSeconds: int('LOGIN_LOCKOUT_SECONDS', 900, 1, 86400),
    auditRetentionDays: int('AUDIT_RETENTION_DAYS', 365, 180, 36500),
    scoringMaxChars: int('SCORING_MAX_CHARS', 20000, 100, 1_000_000),
    publicUrl: publicUrl || `http://localhost:${env.PORT || 3000}`,
    logLevel: oneOf('LOG_LEVEL', ['error', 'warn', 'log', 'debug'] as const, 'warn'),
    sqliteCacheMb: int('SQLITE_CACHE_MB', 64, 4, 4096),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...config, authSecret: authSecret ?? readOrCreateSecret(dataDir) };
}

// The secret is generated once and kept beside the database, so restarts keep sessions valid
// and no secret is ever hard-coded.
function readOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
