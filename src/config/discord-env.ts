import { z } from 'zod';
import type { ShardChoice } from '../discord/shard-choice.ts';
import { InputError } from '../input-error.ts';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');

const discordEnvSchema = z.object({
  DISCORD_TOKEN: z.string().trim().min(1).optional(),
  DISCORD_CLIENT_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_API_BASE: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://discord.com/api' }).optional(),
  DISCORD_SHARDS: z
    .string()
    .regex(/^(auto|[1-9]\d*)$/, 'must be the number of shards the bot runs in all (1 or more), or auto')
    .optional(),
  DISCORD_SHARD_IDS: z
    .string()
    .transform((list) => list.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d+(-\d+)?(,\d+(-\d+)?)*$/, 'must list shard ids and ranges of them, such as 1, 0,2 or 0-3'))
    .optional(),
});
const KEYS = discordEnvSchema.keyof().options;

export interface DiscordEnv {
  /** Absent: Herald runs in the terminal instead of connecting to Discord. */
  token?: string;
  clientId?: string;
  guildId?: string;
  /** REST base URL without the version, as discord.js's `rest.api` takes it; the gateway URL then comes from its GET /gateway/bot. */
  apiBase?: string;
  /** Absent: discord.js's default, one process running the bot's only shard. */
  shards?: ShardChoice;
}

/**
 * The Discord settings from the environment, every mistake listed on one line. The token's value is never
 * repeated in a message, since messages end up in logs.
 */
export function readDiscordEnv(env: NodeJS.ProcessEnv): DiscordEnv {
  const blankless = Object.fromEntries(KEYS.flatMap((key) => (env[key]?.trim() ? [[key, env[key]!.trim()]] : [])));
  const parsed = discordEnvSchema.safeParse(blankless);
  if (!parsed.success) {
    throw new InputError(`environment: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
  }
  const { DISCORD_TOKEN, DISCORD_CLIENT_ID, DISCORD_GUILD_ID, DISCORD_API_BASE, DISCORD_SHARDS, DISCORD_SHARD_IDS } = parsed.data;
  const shards = shardChoice(DISCORD_SHARDS, DISCORD_SHARD_IDS);
  return {
    ...(DISCORD_TOKEN ? { token: DISCORD_TOKEN } : {}),
    ...(DISCORD_CLIENT_ID ? { clientId: DISCORD_CLIENT_ID } : {}),
    ...(DISCORD_GUILD_ID ? { guildId: DISCORD_GUILD_ID } : {}),
    ...(DISCORD_API_BASE ? { apiBase: DISCORD_API_BASE.replace(/\/+$/, '') } : {}),
    ...(shards ? { shards } : {}),
  };
}

/** DISCORD_SHARDS and DISCORD_SHARD_IDS, already well formed, as a choice of shards; by default all of them. */
function shardChoice(count: string | undefined, idList: string | undefined): ShardChoice | undefined {
  if (idList !== undefined && (count === undefined || count === 'auto')) {
    // Processes that split the shards must agree on how many there are; with auto each would take Discord's
    // recommendation of the moment, which grows with the bot, and guilds would end up on no process or two.
    throw new InputError('environment: DISCORD_SHARD_IDS needs DISCORD_SHARDS set to the number of shards all of the bot’s processes run between them');
  }
  if (count === undefined) return undefined;
  if (count === 'auto') return { count: 'auto' };
  const total = Number(count);
  if (idList === undefined) return { count: total, ids: Array.from({ length: total }, (_, id) => id) };
  const ids = new Set<number>();
  for (const part of idList.split(',')) {
    const [first, last = first] = part.split('-').map(Number) as [number, number?];
    if (last < first) throw new InputError(`environment: DISCORD_SHARD_IDS has the range ${part}, which runs backwards`);
    if (last >= total) throw new InputError(`environment: DISCORD_SHARD_IDS has shard ${last}, but with DISCORD_SHARDS=${total} shard ids run from 0 to ${total - 1}`);
    for (let id = first; id <= last; id += 1) ids.add(id);
  }
  return { count: total, ids: [...ids].sort((a, b) => a - b) };
}
