import { scheduleLeaseKey, type DueSlot, type DueSlots } from '../../deliver/due-slots.ts';
import type { Pool } from './connect.ts';

interface DueRow {
  guild_id: string;
  schedule_id: string;
  slot: string;
  due_at: Date;
}

const toSlot = (row: DueRow): DueSlot => ({ guildId: row.guild_id, scheduleId: row.schedule_id, slot: row.slot, dueAt: row.due_at.toISOString() });

/** The delivery queue as rows, shared by every worker; a slot outlives the worker that noted it. */
export function createPostgresDueSlots(pool: Pool): DueSlots {
  return {
    async add(slot) {
      await pool.query('INSERT INTO delivery_due (schedule_id, slot, guild_id, due_at) VALUES ($1, $2, $3, coalesce($4, now())) ON CONFLICT DO NOTHING', [
        slot.scheduleId,
        slot.slot,
        slot.guildId,
        slot.dueAt ?? null,
      ]);
    },
    async of(scheduleId) {
      const found = await pool.query<DueRow>('SELECT guild_id, schedule_id, slot, due_at FROM delivery_due WHERE schedule_id = $1 ORDER BY slot', [scheduleId]);
      return found.rows.map(toSlot);
    },
    async remove(scheduleId, slot) {
      await pool.query('DELETE FROM delivery_due WHERE schedule_id = $1 AND slot = $2', [scheduleId, slot]);
    },
    async waiting(limit) {
      // Leaving out the schedules whose lease is held keeps a worker from being offered only work others are doing.
      const found = await pool.query<DueRow>(
        `SELECT guild_id, schedule_id, slot, due_at FROM (
           SELECT DISTINCT ON (d.schedule_id) d.guild_id, d.schedule_id, d.slot, d.due_at FROM delivery_due d
           WHERE NOT EXISTS (SELECT 1 FROM leases l WHERE l.key = $2 || d.schedule_id AND l.until > clock_timestamp())
           ORDER BY d.schedule_id, d.slot
         ) oldest
         ORDER BY due_at LIMIT $1`,
        [limit, scheduleLeaseKey('')],
      );
      return found.rows.map(toSlot);
    },
  };
}
