import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { databaseOptions } from './database-options';

// For the TypeORM CLI (`npm run migration:run`).
export default new DataSource(databaseOptions(loadConfig()));
