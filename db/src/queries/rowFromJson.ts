import { getTableColumns, type Table } from 'drizzle-orm';

/**
 * A table's row as `row_to_json` gives it inside a larger statement (column names as keys, timestamps as ISO strings),
 * turned into the row drizzle's own select returns: property names, Dates. It lets one statement bring several
 * tables' rows without a join per table (the submit path's assessment facts).
 */
export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): T['$inferSelect'] {
  const row: Record<string, unknown> = {};
  for (const [property, column] of Object.entries(getTableColumns(table))) {
    const value = json[column.name];
    row[property] = value !== null && value !== undefined && column.dataType === 'date' ? new Date(value as string) : value;
  }
  return row as T['$inferSelect'];
}
