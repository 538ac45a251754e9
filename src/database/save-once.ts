import { FindOptionsWhere, ObjectLiteral, QueryFailedError, Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * Inserts `row` unless a row matching `where` (a unique key) exists, else updates that row with
 * `changes`. Two saves at once both try the insert: the unique index keeps one, and the other
 * updates it. Resolves to the row as stored now.
 */
export async function insertOrUpdate<T extends ObjectLiteral & { id: string }>(
  repository: Repository<T>,
  where: FindOptionsWhere<T>,
  row: T,
  changes: QueryDeepPartialEntity<T> & Partial<T>,
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
  await repository.update({ id: existing.id } as FindOptionsWhere<T>, changes);
  return { ...existing, ...changes };
}
