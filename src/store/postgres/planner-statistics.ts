import { inTransaction, type Pool } from './connect.ts';

/** Any constant will do, as long as nothing else takes this advisory lock: "planst" in ASCII. */
const ANALYZE_LOCK = 0x70_6c_61_6e_73_74;

/**
 * Gathers the planner's statistics on the articles when they never were or a tenth of the articles changed
 * since (autovacuum's own rule), by one process at a time. PostgreSQL does this by itself unless autovacuum is
 * off or behind; when it is (the benchmark machine's server runs with autovacuum off), the planner takes a
 * store of a million articles for an empty table, and a search it plans that way took seconds instead of
 * a few hundred milliseconds. Whether it gathered them.
 */
export async function refreshArticleStatistics(pool: Pool): Promise<boolean> {
  const due = await pool.query<{ stale: boolean }>(
    `SELECT c.reltuples < 0 OR coalesce(s.n_mod_since_analyze, 0) > 50 + 0.1 * greatest(c.reltuples, 0) AS stale
     FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
     WHERE c.oid = 'articles'::regclass`,
  );
  if (!due.rows[0]?.stale) return false;
  return inTransaction(pool, async (client) => {
    const lock = await client.query<{ taken: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS taken', [ANALYZE_LOCK]);
    if (!lock.rows[0]?.taken) return false;
    await client.query('ANALYZE articles');
    return true;
  });
}
