import { DataSource, EntityManager } from 'typeorm';

const queues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * `dataSource.transaction(work)`, except that on SQLite top-level transactions wait for one
 * another: TypeORM keeps a single SQLite connection, so two at once fail with "cannot start a
 * transaction within a transaction" (https://github.com/typeorm/typeorm/issues/8668, #307).
 * PostgreSQL gives each transaction its own pooled connection and needs no queue.
 */
export function runTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (dataSource.options.type !== 'sqlite') return dataSource.transaction(work);
  const previous = queues.get(dataSource) ?? Promise.resolve();
  const run = previous.then(() => dataSource.transaction(work));
  queues.set(
    dataSource,
    run.catch(() => undefined),
  );
  return run;
}
