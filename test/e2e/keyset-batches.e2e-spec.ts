import { DataSource, Repository } from 'typeorm';
import { keysetBatches } from '../../src/database/keyset';
import { User } from '../../src/identity/user.entity';
import { createTestApp, createUser, TestApp } from '../support/test-app';

// Keyset reads on the real database (SQLite here, PostgreSQL in CI's second run): every row once,
// in order, including rows that tie on the sort column (the fixed test clock gives each account
// of one instant the same created_at).
describe('Reading a table in keyset batches', () => {
  let t: TestApp;
  let users: () => Repository<User>;
  let expected: string[];

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.bearer('admin@academy.local');
    for (let i = 0; i < 6; i += 1) {
      if (i === 3) t.clock.advance(60_000);
      await createUser(t, admin, {
        email: `keyset.${i}@academy.local`,
        password: 'a-long-test-password',
        team: 'North',
      });
    }
    const dataSource = t.app.get(DataSource);
    users = () => dataSource.getRepository(User);
    expected = (
      await users().createQueryBuilder('u').orderBy('u.created_at').addOrderBy('u.id').getMany()
    ).map((user) => user.id);
  });
  afterAll(async () => t?.close());

  const order = { column: 'u.created_at', id: 'u.id' };

  it('should give every entity once, in order, across ties, in batches of the size asked', async () => {
    const batches: string[][] = [];
    for await (const batch of keysetBatches({
      query: () => users().createQueryBuilder('u'),
      order,
      size: 2,
      read: (builder) => builder.getMany(),
      keyOf: (user) => [user.createdAt, user.id],
    }))
      batches.push(batch.map((user) => user.id));
    expect(expected.length).toBeGreaterThanOrEqual(11);
    expect(batches.flat()).toEqual(expected);
    expect(batches.slice(0, -1).every((batch) => batch.length === 2)).toBe(true);
  });

  it('should do the same on raw rows keyed by the values the database returned', async () => {
    const seen: string[] = [];
    for await (const batch of keysetBatches({
      query: () =>
        users()
          .createQueryBuilder('u')
          .select(['u.created_at AS sort_key', 'u.id AS row_id'])
          .where('u.team = :team', { team: 'North' }),
      order,
      size: 3,
      read: (builder) => builder.getRawMany<{ sort_key: unknown; row_id: string }>(),
      keyOf: (row) => [row.sort_key, row.row_id],
    }))
      seen.push(...batch.map((row) => row.row_id));
    const north = (
      await users()
        .createQueryBuilder('u')
        .where('u.team = :team', { team: 'North' })
        .orderBy('u.created_at')
        .addOrderBy('u.id')
        .getMany()
    ).map((user) => user.id);
    expect(north.length).toBeGreaterThanOrEqual(7);
    expect(seen).toEqual(north);
  });
});
