/**
 * SQL for the number at `object.member` of a JSON text column, on either database (null when the
 * member is absent): each database reads JSON its own way.
 */
export function jsonNumberSql(
  postgres: boolean,
  column: string,
  object: string,
  member: string,
): string {
  return postgres
    ? `CAST((CAST(${column} AS json) -> '${object}' ->> '${member}') AS double precision)`
    : `json_extract(${column}, '$.${object}.${member}')`;
}
