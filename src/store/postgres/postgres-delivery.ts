import type { DeliveryJournal, DeliveryRun } from '../../deliver/delivery-journal.ts';
import type { DeliveryLog, SentIn } from '../../deliver/delivery-log.ts';
import type { Pool } from './connect.ts';

/** The delivery journal as rows: one per schedule and slot, written before the run's first message. */
export function createPostgresDeliveryJournal(pool: Pool, retentionMs: number): DeliveryJournal {
  return {
    async get(scheduleId, slot) {
      const found = await pool.query<{ run: DeliveryRun }>('SELECT run FROM delivery_runs WHERE schedule_id = $1 AND slot = $2', [scheduleId, slot]);
      return found.rows[0]?.run;
    },
    async save(run) {
      await pool.query(
        `INSERT INTO delivery_runs (schedule_id, slot, status, run, started_at, finished_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (schedule_id, slot) DO UPDATE SET status = EXCLUDED.status, run = EXCLUDED.run, finished_at = EXCLUDED.finished_at, expires_at = EXCLUDED.expires_at`,
        [run.scheduleId, run.slot, run.status, run, run.startedAt, run.finishedAt ?? null, new Date(Date.parse(run.startedAt) + retentionMs)],
      );
    },
    async unfinished(scheduleId) {
      const found = await pool.query<{ run: DeliveryRun }>("SELECT run FROM delivery_runs WHERE schedule_id = $1 AND status = 'pending' ORDER BY started_at", [scheduleId]);
      return found.rows.map((row) => row.run);
    },
    async lastFinished(scheduleId) {
      const found = await pool.query<{ finished_at: Date }>('SELECT finished_at FROM delivery_runs WHERE schedule_id = $1 AND finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 1', [scheduleId]);
      return found.rows[0]?.finished_at.toISOString();
    },
  };
}

/** Which articles each channel was sent: a row per channel and article, so that recording twice changes nothing. */
export function createPostgresDeliveryLog(pool: Pool, retentionMs: number, now: () => Date = () => new Date()): DeliveryLog {
  return {
    async sentTo(channelId) {
      const found = await pool.query<{ article_id: string }>('SELECT article_id FROM channel_deliveries WHERE channel_id = $1 AND sent_at > $2', [channelId, new Date(now().getTime() - retentionMs)]);
      return new Set(found.rows.map((row) => row.article_id));
    },
    async record(channelId, articleIds, where) {
      if (articleIds.length === 0) return;
      await pool.query(
        `INSERT INTO channel_deliveries (channel_id, article_id, sent_at, message_id, thread_id)
         SELECT $1, article_id, $5, $3, $4 FROM unnest($2::text[]) AS article_id
         ON CONFLICT (channel_id, article_id) DO NOTHING`,
        [channelId, [...new Set(articleIds)], where.messageId ?? null, where.threadId ?? null, now()],
      );
    },
    async find(channelId, articleId) {
      const found = await pool.query<DeliveryRow>(
        'SELECT sent_at, message_id, thread_id FROM channel_deliveries WHERE channel_id = $1 AND article_id = $2',
        [channelId, articleId],
      );
      const row = found.rows[0];
      return row && { at: row.sent_at.toISOString(), ...placeOf(row) };
    },
    async sentSince(channelId, since) {
      const found = await pool.query<DeliveryRow & { article_id: string }>(
        'SELECT article_id, sent_at, message_id, thread_id FROM channel_deliveries WHERE channel_id = $1 AND sent_at > $2',
        [channelId, since],
      );
      return found.rows.map((row) => ({ articleId: row.article_id, at: row.sent_at.toISOString(), ...placeOf(row) }));
    },
  };
}

interface DeliveryRow {
  sent_at: Date;
  message_id: string | null;
  thread_id: string | null;
}

function placeOf(row: DeliveryRow): SentIn {
  return { ...(row.message_id ? { messageId: row.message_id } : {}), ...(row.thread_id ? { threadId: row.thread_id } : {}) };
}
