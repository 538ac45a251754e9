/** Values per `IN (…)` list: well under every driver's limit on bound parameters. */
export const IN_LIST_SIZE = 500;

/** `items` in consecutive slices of at most `size`. */
export function chunksOf<T>(items: readonly T[], size = IN_LIST_SIZE): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Above this many ids one pass over the whole table, kept to the ids in memory, beats IN lists. */
export const WHOLE_TABLE_ABOVE = 2000;

/**
 * The rows `select` finds for these ids: `select(chunk)` for IN lists of `IN_LIST_SIZE`, or, for
 * more than `WHOLE_TABLE_ABOVE` ids (a whole workforce), one `select(null)` over the table with the
 * rows of other ids dropped here.
 */
export async function rowsForIds<T>(
  ids: readonly string[],
  idOf: (row: T) => string,
  select: (ids: readonly string[] | null) => Promise<T[]>,
): Promise<T[]> {
  if (ids.length === 0) return [];
  if (ids.length > WHOLE_TABLE_ABOVE) {
    const wanted = new Set(ids);
    return (await select(null)).filter((row) => wanted.has(idOf(row)));
  }
  const rows: T[] = [];
  for (const chunk of chunksOf(ids)) rows.push(...(await select(chunk)));
  return rows;
}
