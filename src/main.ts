import 'reflect-metadata';
import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';
import { ConfigError, loadConfig } from './config/app-config';
import { ContentError } from './content/content-issue';
import { DEMO_ACCOUNTS } from './identity/demo-accounts';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug'];

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register({ config }), {
    bodyParser: false,
    abortOnError: false,
    logger: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1),
  });
  configureApp(app);
  await app.listen(config.port, config.host);
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  const database = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : config.sqlitePath;
  const lines = [
    `Agent Academy is running at ${url}`,
    `  database: ${database}`,
    `  API docs: ${url}/api/docs`,
  ];
  if (config.demoAccounts) {
    lines.push(`  demo logins (password "${config.demoPassword}"):`);
    for (const account of DEMO_ACCOUNTS)
      lines.push(`    ${account.email.padEnd(26)} ${account.roles.join(', ')}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  // Configuration and content problems are the author's to fix: say what and where, no stack.
  if (error instanceof ConfigError || error instanceof ContentError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
