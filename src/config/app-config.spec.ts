import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

describe(loadConfig.name, () => {
  const dataDir = (): string => mkdtempSync(join(tmpdir(), 'config-'));

  it('should apply defaults and keep the data under DATA_DIR', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({
      port: 3000,
      sqlitePath: join(dir, 'academy.sqlite'),
      databaseUrl: null,
      demoAccounts: true,
      demoPassword: 'academy-demo',
      auditRetentionDays: 365,
      sqliteCacheMb: 64,
    });
  });

  it('should generate the secret once and reuse it on the next start', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).authSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dir }).authSecret).toBe(first);
    expect(readFileSync(join(dir, 'auth-secret'), 'utf8').trim()).toBe(first);
  });

  it('should turn demo accounts off in production unless asked for', () => {
    const secret = { AUTH_SECRET: 'p'.repeat(40), DATA_DIR: dataDir() };
    expect(loadConfig({ ...secret, NODE_ENV: 'production' }).demoAccounts).toBe(false);
    expect(
      loadConfig({ ...secret, NODE_ENV: 'production', DEMO_ACCOUNTS: 'true' }).demoAccounts,
    ).toBe(true);
  });

  it('should stop with every bad variable named', () => {
    const run = (): unknown =>
      loadConfig({
        DATA_DIR: dataDir(),
        PORT: 'eighty',
        AUDIT_RETENTION_DAYS: '30',
        DATABASE_URL: 'mysql://x',
        AUTH_SECRET: 'short',
        SQLITE_CACHE_MB: '1',
      });
    expect(run).toThrow(ConfigError);
    const problems = captureProblems(run);
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/AUDIT_RETENTION_DAYS must be a whole number from 180/);
    expect(problems).toMatch(/DATABASE_URL/);
    expect(problems).toMatch(/AUTH_SECRET/);
    expect(problems).toMatch(/SQLITE_CACHE_MB must be a whole number from 4/);
  });
});

function captureProblems(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as ConfigError).problems.join('\n');
  }
  return '';
}
