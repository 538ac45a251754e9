import { FindOptionsWhere, ObjectLiteral, QueryFailedError, Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * Inserts `row` unless a row matching `where` (a unique key) exists, else updates that row with
 * `changes` (or what `changes` makes of it). Two saves at once both try the insert: the unique
 * index keeps one, and the other updates it. Resolves to the row as stored now.
 */
type Changes<T> = QueryDeepPartialEntity<T> & Partial<T>;

export async function insertOrUpdate<T extends ObjectLiteral & { id: string }>(
  repository: Repository<T>,
  where: FindOptionsWhere<T>,
  row: T,
  changes: Changes<T> | ((existing: T) => Changes<T>),
): Promise<T> {
  let existing = await repository.findOne({ where });
  if (!existing) {
    try {
      await repository.insert(row as QueryDeepPartialEntity<T>);
      return row;
    } catch (error) {
      if (!(error instanceof QueryFailedError)) throw error;
      existing = await repository.findOne({ where });
      if (!existing) throw error;
    }
  }
  const update = typeof changes === 'function' ? changes(existing) : changes;
  await repository.update({ id: existing.id } as FindOptionsWhere<T>, update);
  return { ...existing, ...update };
}
