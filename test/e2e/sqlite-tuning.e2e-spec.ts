import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../support/test-app';

describe('SQLite connection settings', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { SQLITE_CACHE_MB: '48' } });
  });
  afterAll(async () => t.close());

  it('should give the embedded database the configured page cache (PostgreSQL: none to set)', async () => {
    const dataSource = t.app.get(DataSource);
    const cacheSize =
      dataSource.options.type === 'sqlite'
        ? (await dataSource.query<{ cache_size: number }[]>('PRAGMA cache_size'))[0].cache_size
        : null;
    expect(cacheSize).toBe(t.database ? null : -48 * 1024);
  });
});
