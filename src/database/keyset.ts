import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** The order a keyset read walks: a column, and a unique id that breaks its ties. */
export interface KeysetOrder {
  column: string;
  id: string;
}

/**
 * Reads a query's rows a batch at a time in (column, id) order, each batch starting after the
 * last row of the one before, so memory stays flat however many rows there are and an index on
 * (column, id) serves every batch. The comparison is on row values, as SQLite and PostgreSQL
 * both allow. `query` builds the query afresh for each batch; `read` runs it (`getMany` or
 * `getRawMany`) and `keyOf` gives a row's (column, id) values as the database returned them.
 */
export async function* keysetBatches<Row, Entity extends ObjectLiteral = ObjectLiteral>(options: {
  query: () => SelectQueryBuilder<Entity>;
  order: KeysetOrder;
  size: number;
  read: (builder: SelectQueryBuilder<Entity>) => Promise<Row[]>;
  keyOf: (row: Row) => readonly [unknown, unknown];
}): AsyncGenerator<Row[]> {
  const { order, size } = options;
  let after: readonly [unknown, unknown] | null = null;
  for (;;) {
    const builder = options
      .query()
      .orderBy(order.column, 'ASC')
      .addOrderBy(order.id, 'ASC')
      .limit(size);
    if (after)
      builder.andWhere(`(${order.column}, ${order.id}) > (:keysetColumn, :keysetId)`, {
        keysetColumn: after[0],
        keysetId: after[1],
      });
    const rows = await options.read(builder);
    if (rows.length) yield rows;
    if (rows.length < size) return;
    after = options.keyOf(rows[rows.length - 1]);
  }
}
