import type { Pool } from './connect.ts';

/** Rows read per query: a page of settings or health records stays small whatever the table holds. */
const PAGE = 500;

/**
 * Every value of a table's JSON column, in key order, a page at a time and resuming after the last key
 * seen, so that a table of any size is read in bounded memory and rows written meanwhile do not shift pages.
 */
export async function* scanRows<Value>(pool: Pool, table: 'guild_settings' | 'source_health', key: string, value: string): AsyncGenerator<Value> {
  let after = '';
  for (;;) {
    const page = await pool.query<{ key: string; value: Value }>(`SELECT ${key} AS key, ${value} AS value FROM ${table} WHERE ${key} > $1 ORDER BY ${key} LIMIT ${PAGE}`, [after]);
    for (const row of page.rows) yield row.value;
    const last = page.rows.at(-1);
    if (!last) return;
    after = last.key;
  }
}
