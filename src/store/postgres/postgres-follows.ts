import type { FollowStore } from '../../deliver/follows/follow-store.ts';
import { emptyMemberFollows, isEmpty, type MemberFollows } from '../../deliver/follows/member-follows.ts';
import { inTransaction, type Pool } from './connect.ts';

/** Rows read per query while walking every member. */
const PAGE = 500;

/**
 * A row per server and member. A change locks its member's row for the length of its transaction (an empty
 * row is inserted first, so that there is one to lock), so that several processes change one member one
 * after another; a record left empty is deleted in the same transaction.
 */
export function createPostgresFollowStore(pool: Pool): FollowStore {
  return {
    async get(guildId, userId) {
      const found = await pool.query<{ record: MemberFollows }>('SELECT record FROM follow_members WHERE guild_id = $1 AND user_id = $2', [guildId, userId]);
      return found.rows[0]?.record ?? emptyMemberFollows(guildId, userId);
    },
    update(guildId, userId, change) {
      return inTransaction(pool, async (client) => {
        await client.query('INSERT INTO follow_members (guild_id, user_id, record) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [guildId, userId, emptyMemberFollows(guildId, userId)]);
        const locked = await client.query<{ record: MemberFollows }>('SELECT record FROM follow_members WHERE guild_id = $1 AND user_id = $2 FOR UPDATE', [guildId, userId]);
        const updated = change(locked.rows[0]?.record ?? emptyMemberFollows(guildId, userId));
        if (isEmpty(updated)) await client.query('DELETE FROM follow_members WHERE guild_id = $1 AND user_id = $2', [guildId, userId]);
        else await client.query('UPDATE follow_members SET record = $3 WHERE guild_id = $1 AND user_id = $2', [guildId, userId, updated]);
        return updated;
      });
    },
    async forget(guildId, userId) {
      await pool.query('DELETE FROM follow_members WHERE guild_id = $1 AND user_id = $2', [guildId, userId]);
    },
    async forgetGuild(guildId) {
      return (await pool.query('DELETE FROM follow_members WHERE guild_id = $1', [guildId])).rowCount ?? 0;
    },
    async *members() {
      let after: [string, string] = ['', ''];
      for (;;) {
        const page = await pool.query<{ guild_id: string; user_id: string; record: MemberFollows }>(
          `SELECT guild_id, user_id, record FROM follow_members WHERE (guild_id, user_id) > ($1, $2) ORDER BY guild_id, user_id LIMIT ${PAGE}`,
          after,
        );
        for (const row of page.rows) yield row.record;
        const last = page.rows.at(-1);
        if (!last) return;
        after = [last.guild_id, last.user_id];
      }
    },
  };
}
