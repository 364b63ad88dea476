import type { GuildSettings, GuildSettingsRepository } from '../guild-settings-repository.ts';
import { inTransaction, type Pool } from './connect.ts';
import { scanRows } from './scan-rows.ts';

const emptySettings = (guildId: string): GuildSettings => ({ guildId, sources: [], schedules: [] });

/**
 * One row per server. A change locks its server's row for the length of its transaction, so that changes
 * made by several processes at once apply one after another and none is lost; each write takes a new version,
 * which lets every process read only the servers that changed since it last looked.
 */
export function createPostgresGuildSettingsRepository(pool: Pool): GuildSettingsRepository {
  return {
    async get(guildId) {
      const found = await pool.query<{ settings: GuildSettings }>('SELECT settings FROM guild_settings WHERE guild_id = $1', [guildId]);
      return found.rows[0]?.settings ?? emptySettings(guildId);
    },
    update(guildId, change) {
      return inTransaction(pool, async (client) => {
        await client.query('INSERT INTO guild_settings (guild_id, settings) VALUES ($1, $2) ON CONFLICT DO NOTHING', [guildId, emptySettings(guildId)]);
        const locked = await client.query<{ settings: GuildSettings }>('SELECT settings FROM guild_settings WHERE guild_id = $1 FOR UPDATE', [guildId]);
        const updated = change(locked.rows[0]?.settings ?? emptySettings(guildId));
        await client.query("UPDATE guild_settings SET settings = $2, version = nextval('guild_settings_version') WHERE guild_id = $1", [guildId, updated]);
        return updated;
      });
    },
    all: () => scanRows<GuildSettings>(pool, 'guild_settings', 'guild_id', 'settings'),
    async changedSince(cursor) {
      const changed = await pool.query<{ settings: GuildSettings; version: string }>('SELECT settings, version FROM guild_settings WHERE version > $1 ORDER BY version', [cursor ?? '0']);
      return { changed: changed.rows.map((row) => row.settings), cursor: changed.rows.at(-1)?.version ?? cursor ?? '0' };
    },
  };
}
