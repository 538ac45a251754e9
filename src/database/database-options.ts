import { mkdirSync } from 'node:fs';
import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** One builder for the app, the tests and the migration CLI. Schema changes go through migrations only. */
export function databaseOptions(
  config: Pick<AppConfig, 'databaseUrl' | 'sqlitePath' | 'dataDir'>,
): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    synchronize: false,
    logging: ['error'] as const,
  };
  if (config.databaseUrl) {
    return { ...common, type: 'postgres', url: config.databaseUrl, logging: ['error'] };
  }
  mkdirSync(config.dataDir, { recursive: true });
  return {
    ...common,
    type: 'sqlite',
    database: config.sqlitePath,
    enableWAL: true,
    busyErrorRetry: 5000,
    logging: ['error'],
  } as DataSourceOptions;
}
