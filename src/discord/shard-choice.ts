import type { ClientOptions } from 'discord.js';

/** Which of the bot's gateway shards one process runs. */
export type ShardChoice =
  /** Every shard, as many as Discord recommends (GET /gateway/bot): discord.js's `shards: 'auto'`. */
  | { count: 'auto' }
  /** These ids, out of `count` shards that the bot's processes run between them. */
  | { count: number; ids: number[] };

/** The discord.js Client options for a choice; none without one, which is discord.js's single shard. */
export function clientShardOptions(choice: ShardChoice | undefined): Pick<ClientOptions, 'shards' | 'shardCount'> {
  if (!choice) return {};
  return choice.count === 'auto' ? { shards: 'auto' } : { shards: choice.ids, shardCount: choice.count };
}
