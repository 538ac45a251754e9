/** Values per `IN (…)` list: well under every driver's limit on bound parameters. */
export const IN_LIST_SIZE = 500;

/** `items` in consecutive slices of at most `size`. */
export function chunksOf<T>(items: readonly T[], size = IN_LIST_SIZE): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
