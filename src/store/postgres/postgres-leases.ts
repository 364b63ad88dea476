import type { Leases } from '../leases.ts';
import type { Pool } from './connect.ts';

/**
 * Leases as rows, taken in one statement: the insert succeeds when nobody holds the key, the update when the
 * holder's lease has run out or is our own. Time is the database's, so that processes on machines whose
 * clocks disagree still agree on when a lease ends.
 */
export function createPostgresLeases(pool: Pool, owner: string): Leases {
  return {
    owner,
    async acquire(key, ttlMs) {
      const taken = await pool.query(
        `INSERT INTO leases (key, owner, until) VALUES ($1, $2, clock_timestamp() + $3 * interval '1 millisecond')
         ON CONFLICT (key) DO UPDATE SET owner = EXCLUDED.owner, until = EXCLUDED.until
         WHERE leases.until <= clock_timestamp() OR leases.owner = EXCLUDED.owner
         RETURNING owner`,
        [key, owner, ttlMs],
      );
      return taken.rowCount === 1;
    },
    async release(key) {
      await pool.query('DELETE FROM leases WHERE key = $1 AND owner = $2', [key, owner]);
    },
  };
}
