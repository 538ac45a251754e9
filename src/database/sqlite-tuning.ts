import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/**
 * Settings of the embedded SQLite connection that TypeORM's options do not reach: a page cache
 * big enough to hold the tables a workforce report reads (SQLite's default, 2 MiB, reads them
 * again from the file on every request). The driver keeps one connection, so once is enough.
 */
@Injectable()
export class SqliteTuning implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.dataSource.options.type !== 'sqlite') return;
    // A negative size is in KiB.
    await this.dataSource.query(`PRAGMA cache_size = -${this.config.sqliteCacheMb * 1024}`);
  }
}
