import type { Pool } from './connect.ts';

/**
 * What the tables beside the articles keep past its time, as each table says it: finished delivery runs and
 * story updates, model summaries, embeddings and HTTP validators past their expiry, and the record of what a
 * channel was sent once a retention has passed (the articles it names are gone by then). Runs and updates
 * still pending are kept whatever their age: they are finished, not forgotten.
 */
const PAST_EXPIRY = [
  "DELETE FROM delivery_runs WHERE expires_at <= $1 AND status <> 'pending'",
  "DELETE FROM story_updates WHERE expires_at <= $1 AND status <> 'pending'",
  'DELETE FROM summaries WHERE expires_at <= $1',
  'DELETE FROM embeddings WHERE expires_at <= $1',
  'DELETE FROM http_validators WHERE expires_at <= $1',
];
const PAST_RETENTION = ['DELETE FROM channel_deliveries WHERE sent_at <= $1'];

/** Deletes every row past its time; resolves with how many there were. */
export async function forgetExpiredRows(pool: Pool, now: Date, retentionMs: number): Promise<number> {
  let forgotten = 0;
  for (const statement of PAST_EXPIRY) forgotten += (await pool.query(statement, [now])).rowCount ?? 0;
  for (const statement of PAST_RETENTION) forgotten += (await pool.query(statement, [new Date(now.getTime() - retentionMs)])).rowCount ?? 0;
  return forgotten;
}
