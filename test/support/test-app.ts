import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { Clock } from '../../src/common/clock';
import { configureApp } from '../../src/configure-app';
import { loadConfig } from '../../src/config/app-config';

export const DEMO_PASSWORD = 'academy-demo-test';

/** A clock tests move by hand. */
export class FixedClock implements Clock {
  constructor(private current: Date = new Date('2026-11-23T09:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(date: Date): void {
    this.current = new Date(date);
  }
}

export interface TestApp {
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  clock: FixedClock;
  dataDir: string;
  /** The PostgreSQL database when TEST_DATABASE_URL is set, else null (SQLite in dataDir). */
  database: TestDatabase | null;
  /** Signs in through the API and returns the bearer header value. */
  bearer(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real app (same configureApp as main.ts) on a fresh database: a new SQLite file per
 * call, or, when TEST_DATABASE_URL names a PostgreSQL server, a new database on it.
 */
export async function createTestApp(
  options: {
    env?: Record<string, string>;
    clock?: FixedClock;
    /** A second instance on the first one's database (its SQLite file or PostgreSQL database). */
    shareWith?: TestApp;
  } = {},
): Promise<TestApp> {
  const shared = options.shareWith;
  const dataDir = shared?.dataDir ?? mkdtempSync(join(tmpdir(), 'academy-test-'));
  const database = shared ? shared.database : await freshDatabase();
  const clock = options.clock ?? new FixedClock();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    AUTH_SECRET: 'test-secret-test-secret-test-secret-0123',
    DEMO_ACCOUNTS: 'true',
    DEMO_PASSWORD,
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...options.env,
  });
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register({ config, clock }),
    {
      bodyParser: false,
      abortOnError: false,
      logger: ['error'],
    },
  );
  configureApp(app);
  await app.init();
  const server = app.getHttpServer();
  const http = (): ReturnType<typeof request> => request(server);
  return {
    app,
    http,
    clock,
    dataDir,
    database,
    async bearer(email, password = DEMO_PASSWORD) {
      const response = await request(server).post('/api/auth/login').send({ email, password });
      if (response.status !== 200)
        throw new Error(
          `login as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`,
        );
      return `Bearer ${(response.body as { accessToken: string }).accessToken}`;
    },
    async close() {
      await app.close();
      if (shared) return; // the first instance owns the database
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

async function freshDatabase(): Promise<TestDatabase | null> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return null;
  const name = `academy_test_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Creates an account through the API as `admin` (a bearer header); the created user. */
export async function createUser(
  t: TestApp,
  admin: string,
  fields: { email: string; password: string } & Record<string, unknown>,
): Promise<{ id: string } & Record<string, unknown>> {
  const response = await t
    .http()
    .post('/api/users')
    .set('Authorization', admin)
    .send({ displayName: fields.email.split('@')[0], roles: ['trainee'], ...fields });
  if (response.status !== 201)
    throw new Error(
      `creating ${fields.email}: ${response.status} ${JSON.stringify(response.body)}`,
    );
  return response.body as { id: string } & Record<string, unknown>;
}
